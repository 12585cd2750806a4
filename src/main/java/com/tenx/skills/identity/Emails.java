package com.tenx.skills.identity;

import com.tenx.skills.text.Ascii;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Email addresses as accounts know them: trimmed, lower-cased with ASCII rules, plainly
 * shaped.
 */
final class Emails {

    private static final Pattern SHAPE = Pattern.compile("[^\\s@\\x00-\\x1F]{1,64}@[^\\s@\\x00-\\x1F]{1,255}");

    private Emails() {
    }

    static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        if (!SHAPE.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of(Ascii.lowerCase(trimmed));
    }

}
