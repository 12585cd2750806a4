package com.tenx.skills.identity;

import com.tenx.skills.text.Ascii;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Email addresses as accounts know them: in Unicode normal form NFKC, trimmed,
 * lower-cased with ASCII rules, plainly shaped. NFKC first, so that the spellings a
 * person reads as the same address (a decomposed accent, the Kelvin sign for {@code K},
 * full-width letters) are one account.
 */
final class Emails {

    private static final Pattern SHAPE = Pattern.compile("[^\\s@\\x00-\\x1F]{1,64}@[^\\s@\\x00-\\x1F]{1,255}");

    private Emails() {
    }

    static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        if (!SHAPE.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of(Ascii.lowerCase(trimmed));
    }

}
