package com.tenx.skills.security;

import com.tenx.skills.text.Sha256;
import io.jsonwebtoken.security.Keys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC keys for access tokens: the current one signs, every configured one verifies.
 * Each key is named by a {@code kid} derived from it, so rotating the secret never logs
 * anyone out while the old value stays in {@code SKILLS_JWT_PREVIOUS_SECRETS}.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    static final int MIN_SECRET_BYTES = 32;

    private final String currentKid;

    private final Map<String, SecretKey> byKid;

    private SigningKeys(String currentKid, Map<String, SecretKey> byKid) {
        this.currentKid = currentKid;
        this.byKid = byKid;
    }

    /**
     * Builds the keys from the settings. Without a secret, an embedded database gets one
     * generated and kept in its data directory; any other database is refused.
     */
    public static SigningKeys create(TokenSettings settings, boolean embeddedDatabase, Path dataDir) {
        String secret = settings.secret();
        if (secret == null || secret.isBlank()) {
            if (!embeddedDatabase) {
                throw new IllegalStateException("SKILLS_JWT_SECRET is not set. A server on an external database "
                        + "needs the token signing secret (at least " + MIN_SECRET_BYTES
                        + " bytes) shared by every instance; refusing to start.");
            }
            secret = embeddedSecret(dataDir);
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String current = add(keys, secret, "SKILLS_JWT_SECRET");
        for (String previous : settings.previousSecrets()) {
            add(keys, previous, "SKILLS_JWT_PREVIOUS_SECRETS");
        }
        return new SigningKeys(current, Map.copyOf(keys));
    }

    String currentKid() {
        return currentKid;
    }

    SecretKey current() {
        return byKid.get(currentKid);
    }

    SecretKey forKid(String kid) {
        return kid == null ? null : byKid.get(kid);
    }

    private static String add(Map<String, SecretKey> keys, String secret, String source) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(
                    source + " must be at least " + MIN_SECRET_BYTES + " bytes long; refusing to start.");
        }
        String kid = kidOf(bytes);
        keys.putIfAbsent(kid, Keys.hmacShaKeyFor(bytes));
        return kid;
    }

    private static String kidOf(byte[] secret) {
        return Sha256.hex(secret).substring(0, 16);
    }

    /**
     * The secret file is readable and writable by its owner only, from its creation on.
     */
    private static void createOwnerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions
                .asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        }
        else {
            Files.createFile(file);
        }
    }

    private static String embeddedSecret(Path dataDir) {
        Path file = dataDir.resolve("jwt-secret");
        try {
            if (Files.exists(file)) {
                log.info("Signing tokens with the generated secret kept in {}", file);
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDir);
            createOwnerOnly(file);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            log.warn("SKILLS_JWT_SECRET is not set: generated a signing secret for the embedded database and "
                    + "kept it in {}. Set SKILLS_JWT_SECRET in production.", file);
            return secret;
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the token secret in " + file, e);
        }
    }

}
