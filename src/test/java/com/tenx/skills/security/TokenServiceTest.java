package com.tenx.skills.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tenx.skills.support.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issuing and expiry of access tokens, on a fixed clock. */
class TokenServiceTest {

    static final String SECRET = "unit-test-signing-secret-0123456789-abcdef";

    static final Instant NOW = Instant.parse("2026-05-08T10:30:00Z");

    static TokenService serviceAt(Instant now, String secret, String... previous) {
        TokenSettings settings = new TokenSettings(secret, List.of(previous), null, null, null, null);
        return new TokenService(SigningKeys.create(settings, false, null), settings, Clock.fixed(now, ZoneOffset.UTC));
    }

    static void assertRejected(TokenService service, String token, String code) {
        assertThatThrownBy(() -> service.verify(token)).isInstanceOfSatisfying(TokenRejected.class,
                e -> assertThat(e.code().code()).isEqualTo(code));
    }

    private final TokenService tokens = serviceAt(NOW, SECRET);

    @Test
    void issuedTokenVerifiesToItsUser() {
        UUID user = UUID.randomUUID();

        AccessToken token = tokens.issue(user);

        assertThat(tokens.verify(token.value())).isEqualTo(new CurrentUser(user));
        assertThat(token.expiresInSeconds()).isEqualTo(3600);
    }

    @Test
    void issuedTokenCarriesPinnedHeaderAndClaims() {
        UUID user = UUID.randomUUID();

        String token = tokens.issue(user).value();

        JsonNode header = Tokens.headerOf(token);
        assertThat(header.path("alg").asString()).isEqualTo("HS256");
        assertThat(header.path("typ").asString()).isEqualTo("at+jwt");
        assertThat(header.path("kid").asString()).isEqualTo(Tokens.kidOf(SECRET));
        JsonNode claims = Tokens.claimsOf(token);
        assertThat(claims.path("iss").asString()).isEqualTo("https://ai.10x.in");
        assertThat(claims.path("aud").toString()).contains("10x-control-plane");
        assertThat(claims.path("sub").asString()).isEqualTo(user.toString());
        assertThat(claims.path("token_use").asString()).isEqualTo("control-plane-access");
        assertThat(claims.path("exp").asLong()).isEqualTo(NOW.plus(Duration.ofHours(1)).getEpochSecond());
    }

    @Test
    void forgedTokenOfTheRightShapeIsAccepted() {
        UUID user = UUID.randomUUID();

        String token = Tokens.controlPlane(SECRET, NOW).subject(user.toString()).compact();

        assertThat(tokens.verify(token).id()).isEqualTo(user);
    }

    @Test
    void expiredTokenIsTokenExpired() {
        String token = tokens.issue(UUID.randomUUID()).value();

        assertRejected(serviceAt(NOW.plus(Duration.ofHours(1)).plusSeconds(31), SECRET), token, "token_expired");
    }

    @Test
    void tokenExpiredWithinTheClockSkewIsStillAccepted() {
        UUID user = UUID.randomUUID();
        String token = tokens.issue(user).value();

        TokenService later = serviceAt(NOW.plus(Duration.ofHours(1)).plusSeconds(29), SECRET);

        assertThat(later.verify(token).id()).isEqualTo(user);
    }

    @Test
    void expiredTokenForAnotherAudienceIsInvalidNotExpired() {
        String token = Tokens.controlPlane(SECRET, NOW)
            .claim("aud", "billing")
            .expiresAt(NOW.minusSeconds(600))
            .compact();

        assertRejected(tokens, token, "invalid_token");
    }

    @Test
    void expiredTokenFromAnotherIssuerIsInvalidNotExpired() {
        String token = Tokens.controlPlane(SECRET, NOW)
            .claim("iss", "https://billing.example.com")
            .expiresAt(NOW.minusSeconds(600))
            .compact();

        assertRejected(tokens, token, "invalid_token");
    }

    @Test
    void expiredTokenSignedWithAnotherKeyIsInvalidNotExpired() {
        String token = Tokens.controlPlane(SECRET, NOW)
            .signedWith("another-secret-of-enough-length-0123456789")
            .expiresAt(NOW.minusSeconds(600))
            .compact();

        assertRejected(tokens, token, "invalid_token");
    }

    @Test
    void tokenWithoutExpIsInvalid() {
        assertRejected(tokens, Tokens.controlPlane(SECRET, NOW).expiresAt(null).compact(), "invalid_token");
    }

    @Test
    void tokenWhoseSubjectIsNoUserIdIsInvalid() {
        assertRejected(tokens, Tokens.controlPlane(SECRET, NOW).subject("admin").compact(), "invalid_token");
        assertRejected(tokens, Tokens.controlPlane(SECRET, NOW).subject(null).compact(), "invalid_token");
    }

    @Test
    void clockSkewOverSixtySecondsIsRefused() {
        assertThatThrownBy(() -> new TokenSettings(SECRET, null, null, null, null, Duration.ofSeconds(61)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("60 seconds");
    }

}
