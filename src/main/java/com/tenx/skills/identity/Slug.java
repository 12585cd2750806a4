package com.tenx.skills.identity;

import com.tenx.skills.text.Ascii;
import java.util.regex.Pattern;

/**
 * The naming rule shared by skill keys, handles and tenant ids: lower-cased with ASCII
 * rules only (never the server's locale), then {@code ^[a-z][a-z0-9]*(-[a-z0-9]+)*$}, 2
 * to 64 characters.
 */
public final class Slug {

    private static final Pattern RULE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private Slug() {
    }

    /** The normalised form of {@code raw}, or {@code null} when it breaks the rule. */
    public static String normalize(String raw) {
        if (raw == null || raw.length() < 2 || raw.length() > 64) {
            return null;
        }
        String lowered = Ascii.lowerCase(raw);
        return RULE.matcher(lowered).matches() ? lowered : null;
    }

}
