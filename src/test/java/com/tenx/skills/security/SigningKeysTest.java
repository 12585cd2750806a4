package com.tenx.skills.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tenx.skills.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the signing secret comes from, and which secrets are refused. */
class SigningKeysTest {

    static TokenSettings secret(String secret, String... previous) {
        return new TokenSettings(secret, List.of(previous), null, null, null, null);
    }

    @Test
    void secretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> SigningKeys.create(secret("a".repeat(31)), false, null))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("SKILLS_JWT_SECRET")
            .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void secretOf32BytesIsAccepted() {
        SigningKeys keys = SigningKeys.create(secret("a".repeat(32)), false, null);

        assertThat(keys.currentKid()).isEqualTo(Tokens.kidOf("a".repeat(32)));
    }

    @Test
    void shortPreviousSecretIsRefused() {
        assertThatThrownBy(() -> SigningKeys.create(secret("a".repeat(40), "too-short"), false, null))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("SKILLS_JWT_PREVIOUS_SECRETS")
            .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void missingSecretOnAnExternalDatabaseRefusesToStart(@TempDir Path dataDir) {
        for (String missing : new String[] { null, "", "   " }) {
            assertThatThrownBy(() -> SigningKeys.create(secret(missing), false, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SKILLS_JWT_SECRET is not set")
                .hasMessageContaining("refusing to start");
        }
        assertThat(dataDir.resolve("jwt-secret")).doesNotExist();
    }

    @Test
    void embeddedDatabaseGeneratesAndKeepsASecret(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("data");

        SigningKeys keys = SigningKeys.create(secret(null), true, dataDir);

        Path file = dataDir.resolve("jwt-secret");
        assertThat(file).exists();
        String stored = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(stored.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(32);
        assertThat(keys.currentKid()).isEqualTo(Tokens.kidOf(stored.strip()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void embeddedDatabaseReusesTheSecretItKept(@TempDir Path dataDir) throws Exception {
        SigningKeys first = SigningKeys.create(secret(null), true, dataDir);
        String stored = Files.readString(dataDir.resolve("jwt-secret"), StandardCharsets.UTF_8);
        TokenSettings settings = secret(null);
        String token = new TokenService(first, settings, Clock.systemUTC()).issue(UUID.randomUUID()).value();

        SigningKeys second = SigningKeys.create(settings, true, dataDir);

        assertThat(second.currentKid()).isEqualTo(first.currentKid());
        assertThat(Files.readString(dataDir.resolve("jwt-secret"), StandardCharsets.UTF_8)).isEqualTo(stored);
        assertThat(new TokenService(second, settings, Clock.systemUTC()).verify(token)).isNotNull();
    }

    @Test
    void configuredSecretWinsOverTheEmbeddedOne(@TempDir Path dataDir) {
        SigningKeys keys = SigningKeys.create(secret("b".repeat(40)), true, dataDir);

        assertThat(keys.currentKid()).isEqualTo(Tokens.kidOf("b".repeat(40)));
        assertThat(dataDir.resolve("jwt-secret")).doesNotExist();
    }

}
