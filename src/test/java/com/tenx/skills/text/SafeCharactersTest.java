package com.tenx.skills.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SafeCharactersTest {

    /** StrictHttpFirewall's own expressions, which SafeCharacters replaces. */
    private static final Pattern NAME_OR_PARAMETER = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheFirewallsExpressionsJudgeIt() {
        List<String> disagreements = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String value = "a" + Character.toString(codePoint) + "b";
            if (SafeCharacters.inNameOrParameter(value) != NAME_OR_PARAMETER.matcher(value).matches()) {
                disagreements.add("name or parameter U+" + Integer.toHexString(codePoint));
            }
            if (SafeCharacters.inHeaderValue(value) != HEADER_VALUE.matcher(value).matches()) {
                disagreements.add("header value U+" + Integer.toHexString(codePoint));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void controlCharactersAreRefusedAndATabOnlyInAHeaderValue() {
        assertThat(SafeCharacters.inNameOrParameter("since")).isTrue();
        assertThat(SafeCharacters.inNameOrParameter("")).isTrue();
        assertThat(SafeCharacters.inNameOrParameter("a\tb")).isFalse();
        assertThat(SafeCharacters.inNameOrParameter("a\nb")).isFalse();
        assertThat(SafeCharacters.inHeaderValue("Bearer a\tb")).isTrue();
        assertThat(SafeCharacters.inHeaderValue("a\rb")).isFalse();
        assertThat(SafeCharacters.inHeaderValue("\u0378")).isFalse();
        // a lone surrogate half counts as one (assigned) code point, as in the
        // expressions
        assertThat(SafeCharacters.inNameOrParameter("\ud800x")).isTrue()
            .isEqualTo(NAME_OR_PARAMETER.matcher("\ud800x").matches());
    }

}
