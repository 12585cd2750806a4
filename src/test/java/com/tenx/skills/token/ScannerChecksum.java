package com.tenx.skills.token;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The token checksum as a secret scanner computes it from the documentation alone: the
 * CRC32 of {@code patv1_<tokenId>.<random>} in six base62 digits ({@code 0-9A-Za-z}),
 * most significant first. Written apart from the server's code so the two can disagree.
 */
final class ScannerChecksum {

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private ScannerChecksum() {
    }

    static String of(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            digits.insert(0, DIGITS.charAt((int) (value % 62)));
            value /= 62;
        }
        return digits.toString();
    }

    /** Whether a scanner would take {@code token} for a real token. */
    static boolean looksReal(String token) {
        if (!token.matches("patv1_[0-9A-Za-z]{16}\\.[0-9A-Za-z]{38}")) {
            return false;
        }
        int split = token.length() - 6;
        return of(token.substring(0, split)).equals(token.substring(split));
    }

    /**
     * {@code token} with one character of its random part changed and the checksum
     * recomputed: it passes any offline check but is not the token the server made.
     */
    static String forged(String token) {
        int at = token.indexOf('.') + 1;
        char changed = token.charAt(at) == 'a' ? 'b' : 'a';
        String body = token.substring(0, at) + changed + token.substring(at + 1, token.length() - 6);
        return body + of(body);
    }

    /** {@code token} with its last checksum character changed. */
    static String checksumFlipped(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'Z' ? 'Y' : 'Z');
    }

}
