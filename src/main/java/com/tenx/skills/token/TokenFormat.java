package com.tenx.skills.token;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The spelling of a personal access token: {@code patv1_<tokenId>.<secret>}, where
 * {@code tokenId} is 16 base62 characters and {@code secret} is 32 random base62
 * characters followed by a 6-character checksum: the CRC32 of everything before it
 * ({@code patv1_<tokenId>.<random>}, ASCII), in base62 ({@code 0-9A-Za-z}, most
 * significant digit first, zero-padded). A secret scanner recognises a token by its
 * prefix and tells it from a look-alike or a typo by the checksum, without asking the
 * server; the server refuses a token whose checksum is wrong without a look-up.
 */
final class TokenFormat {

    static final String PREFIX = "patv1_";

    static final int ID_LENGTH = 16;

    static final int RANDOM_LENGTH = 32;

    static final int CHECKSUM_LENGTH = 6;

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final Pattern SHAPE = Pattern.compile("patv1_([0-9A-Za-z]{" + ID_LENGTH + "})\\.[0-9A-Za-z]{"
            + RANDOM_LENGTH + "}([0-9A-Za-z]{" + CHECKSUM_LENGTH + "})");

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenFormat() {
    }

    /** A fresh token id and the full token with it. */
    record Minted(String tokenId, String token) {
    }

    static Minted mint() {
        String id = random(ID_LENGTH);
        String body = PREFIX + id + "." + random(RANDOM_LENGTH);
        return new Minted(id, body + checksum(body));
    }

    /**
     * The token id of a well-formed token whose checksum holds, or {@code null}.
     */
    static String idOf(String token) {
        Matcher matcher = SHAPE.matcher(token);
        if (!matcher.matches()) {
            return null;
        }
        String body = token.substring(0, token.length() - CHECKSUM_LENGTH);
        return checksum(body).equals(matcher.group(2)) ? matcher.group(1) : null;
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = ALPHABET.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }

    private static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }

}
