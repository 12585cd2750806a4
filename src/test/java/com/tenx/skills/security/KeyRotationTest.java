package com.tenx.skills.security;

import static com.tenx.skills.security.TokenServiceTest.NOW;
import static com.tenx.skills.security.TokenServiceTest.assertRejected;
import static com.tenx.skills.security.TokenServiceTest.serviceAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Tokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rotating SKILLS_JWT_SECRET: the new key signs, the previous ones still verify. */
class KeyRotationTest {

    static final String OLD = "the-old-signing-secret-0123456789-abcdefgh";

    static final String NEW = "the-new-signing-secret-0123456789-abcdefgh";

    static final String RETIRED = "a-retired-signing-secret-0123456789-abcdefgh";

    private final TokenService beforeRotation = serviceAt(NOW, OLD);

    private final TokenService afterRotation = serviceAt(NOW, NEW, OLD);

    @Test
    void tokenSignedWithThePreviousSecretStillVerifies() {
        UUID user = UUID.randomUUID();
        String token = beforeRotation.issue(user).value();

        assertThat(afterRotation.verify(token).id()).isEqualTo(user);
    }

    @Test
    void newTokensAreSignedWithTheCurrentKey() {
        String token = afterRotation.issue(UUID.randomUUID()).value();

        assertThat(Tokens.headerOf(token).path("kid").asString()).isEqualTo(Tokens.kidOf(NEW))
            .isEqualTo(SigningKeys.create(new TokenSettings(NEW, List.of(OLD), null, null, null, null), false, null)
                .currentKid());
        assertThat(serviceAt(NOW, NEW).verify(token)).isNotNull();
        assertRejected(beforeRotation, token, "invalid_token");
    }

    @Test
    void tokenOfASecretNoLongerConfiguredIsInvalid() {
        String token = serviceAt(NOW, RETIRED).issue(UUID.randomUUID()).value();

        assertRejected(afterRotation, token, "invalid_token");
    }

    @Test
    void tokenNamingTheCurrentKidButSignedWithThePreviousKeyIsInvalid() {
        String token = Tokens.controlPlane(OLD, NOW).header("kid", Tokens.kidOf(NEW)).compact();

        assertRejected(afterRotation, token, "invalid_token");
    }

    @Test
    void expiredTokenOfThePreviousKeyIsTokenExpired() {
        String token = Tokens.controlPlane(OLD, NOW).expiresAt(NOW.minusSeconds(120)).compact();

        assertRejected(afterRotation, token, "token_expired");
    }

}
