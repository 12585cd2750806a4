package com.tenx.skills.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forges compact JWS strings by hand, so a test can build exactly the token it needs:
 * another key, algorithm, audience or type, a missing claim, {@code alg: none}. Starts
 * from a token the server would accept ({@link #controlPlane(String, Instant)}); each
 * {@code with...} changes one thing.
 */
public final class Tokens {

    public static final String ISSUER = "https://ai.10x.in";

    public static final String AUDIENCE = "10x-control-plane";

    private final ObjectNode header;

    private final ObjectNode claims;

    private String secret;

    private Tokens(ObjectNode header, ObjectNode claims, String secret) {
        this.header = header;
        this.claims = claims;
        this.secret = secret;
    }

    /**
     * A valid control-plane access token for a random user, issued at {@code now}, valid
     * one hour.
     */
    public static Tokens controlPlane(String secret, Instant now) {
        ObjectNode header = Json.object().put("alg", "HS256").put("typ", "at+jwt").put("kid", kidOf(secret));
        ObjectNode claims = Json.object()
            .put("jti", UUID.randomUUID().toString())
            .put("iss", ISSUER)
            .put("aud", AUDIENCE)
            .put("sub", UUID.randomUUID().toString())
            .put("token_use", "control-plane-access")
            .put("iat", now.getEpochSecond())
            .put("exp", now.plusSeconds(3600).getEpochSecond());
        return new Tokens(header, claims, secret);
    }

    /**
     * The {@code kid} the server derives from a secret: the first 8 bytes of its SHA-256,
     * in hex.
     */
    public static String kidOf(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs with {@code other} but keeps the header's {@code kid} (so it names the
     * server's key).
     */
    public Tokens signedWith(String other) {
        this.secret = other;
        return this;
    }

    /** Signs with {@code other} and names it by its own {@code kid}. */
    public Tokens keyedWith(String other) {
        header.put("kid", kidOf(other));
        this.secret = other;
        return this;
    }

    public Tokens header(String name, String value) {
        if (value == null) {
            header.remove(name);
        }
        else {
            header.put(name, value);
        }
        return this;
    }

    public Tokens claim(String name, String value) {
        if (value == null) {
            claims.remove(name);
        }
        else {
            claims.put(name, value);
        }
        return this;
    }

    public Tokens subject(String userId) {
        return claim("sub", userId);
    }

    public Tokens issuedAt(Instant iat) {
        claims.put("iat", iat.getEpochSecond());
        return this;
    }

    public Tokens notBefore(Instant nbf) {
        claims.put("nbf", nbf.getEpochSecond());
        return this;
    }

    public Tokens expiresAt(Instant exp) {
        if (exp == null) {
            claims.remove("exp");
        }
        else {
            claims.put("exp", exp.getEpochSecond());
        }
        return this;
    }

    /**
     * The compact JWS, signed with the HMAC that the header's {@code alg} names
     * ({@code none}: unsigned).
     */
    public String compact() {
        String signingInput = encode(header) + "." + encode(claims);
        String alg = header.path("alg").asString();
        if ("none".equals(alg)) {
            return signingInput + ".";
        }
        String mac = switch (alg) {
            case "HS256" -> "HmacSHA256";
            case "HS384" -> "HmacSHA384";
            case "HS512" -> "HmacSHA512";
            default -> throw new IllegalArgumentException("cannot sign " + alg);
        };
        return signingInput + "." + base64(hmac(mac, signingInput));
    }

    /** The decoded header of a compact JWS. */
    public static JsonNode headerOf(String token) {
        return Json.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8));
    }

    /** The decoded payload of a compact JWS. */
    public static JsonNode claimsOf(String token) {
        return Json.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private byte[] hmac(String algorithm, String input) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(JsonNode json) {
        return base64(Json.MAPPER.writeValueAsBytes(json));
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return compact();
    }

}
