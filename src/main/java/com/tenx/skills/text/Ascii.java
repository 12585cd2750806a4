package com.tenx.skills.text;

/** Case rules that never depend on the server's locale or on Unicode case tables. */
public final class Ascii {

    private Ascii() {
    }

    /** {@code value} with {@code A}–{@code Z} lower-cased and every other char kept. */
    public static String lowerCase(String value) {
        char[] chars = value.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

}
