package com.tenx.skills.identity;

import java.nio.charset.StandardCharsets;

/**
 * Password length rules; bcrypt only looks at the first 72 bytes, so longer ones are
 * refused.
 */
final class Passwords {

    static final int MIN_CHARS = 8;

    static final int MAX_BYTES = 72;

    private Passwords() {
    }

    static boolean withinLimit(String password) {
        return password != null && !password.isEmpty() && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    static boolean acceptableForNewAccount(String password) {
        return withinLimit(password) && password.codePointCount(0, password.length()) >= MIN_CHARS
                && password.indexOf('\0') < 0;
    }

}
