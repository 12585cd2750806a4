package com.tenx.skills.identity;

import com.tenx.skills.text.EmailForm;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Email addresses as accounts know them: in their normal form ({@link EmailForm}),
 * plainly shaped.
 */
final class Emails {

    private static final Pattern SHAPE = Pattern.compile("[^\\s@\\x00-\\x1F]{1,64}@[^\\s@\\x00-\\x1F]{1,255}");

    private Emails() {
    }

    static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = EmailForm.of(raw);
        return SHAPE.matcher(email).matches() ? Optional.of(email) : Optional.empty();
    }

}
