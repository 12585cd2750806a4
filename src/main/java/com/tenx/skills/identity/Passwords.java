package com.tenx.skills.identity;

import com.tenx.skills.text.EmailForm;
import java.nio.charset.StandardCharsets;

/**
 * The one rule for a new password, wherever one is set (a platform admin creating a user,
 * a user changing theirs, the bootstrap admin): 12 to 72 bytes in UTF-8 (bcrypt reads no
 * further), no NUL character, and not the account's email in its normal form. Sign-in
 * only refuses what bcrypt cannot check ({@link #withinLimit}).
 */
public final class Passwords {

    public static final int MIN_BYTES = 12;

    public static final int MAX_BYTES = 72;

    private Passwords() {
    }

    static boolean withinLimit(String password) {
        return password != null && !password.isEmpty() && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /**
     * What is wrong with {@code password} as a new password for {@code email}, or
     * {@code null}.
     */
    public static String problem(String password, String email) {
        int bytes = password == null ? 0 : password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
            return "must be " + MIN_BYTES + " to " + MAX_BYTES + " bytes long in UTF-8";
        }
        if (password.indexOf('\0') >= 0) {
            return "must not contain NUL characters";
        }
        if (email != null && EmailForm.of(password).equals(EmailForm.of(email))) {
            return "must not be the email";
        }
        return null;
    }

}
