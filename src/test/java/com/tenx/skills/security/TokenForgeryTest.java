package com.tenx.skills.security;

import static com.tenx.skills.security.TokenServiceTest.NOW;
import static com.tenx.skills.security.TokenServiceTest.SECRET;
import static com.tenx.skills.security.TokenServiceTest.assertRejected;
import static com.tenx.skills.security.TokenServiceTest.serviceAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tokens from other trust boundaries, or of the wrong kind, are {@code invalid_token}.
 * Each forged token differs from an accepted one
 * ({@link TokenServiceTest#forgedTokenOfTheRightShapeIsAccepted}) in one respect only.
 */
class TokenForgeryTest {

    /** Long enough for HS512, so only the algorithm pin can refuse an HS512 token. */
    static final String LONG_SECRET = "a-signing-secret-long-enough-for-hs512-0123456789-abcdefghijklmnopqrstuvwxyz";

    private final TokenService tokens = serviceAt(NOW, SECRET);

    private Tokens valid() {
        return Tokens.controlPlane(SECRET, NOW);
    }

    @Test
    void algNoneIsInvalid() {
        assertRejected(tokens, valid().header("alg", "none").compact(), "invalid_token");
    }

    @Test
    void algNoneWithTheRealSignatureKeptIsInvalid() {
        String real = valid().compact();
        String unsigned = valid().header("alg", "none").compact();
        String spliced = unsigned + real.substring(real.lastIndexOf('.') + 1);

        assertRejected(tokens, spliced, "invalid_token");
    }

    @Test
    void tokenSignedWithAnotherKeyIsInvalid() {
        assertRejected(tokens, valid().keyedWith("billing-provider-secret-0123456789-abcdef").compact(),
                "invalid_token");
    }

    @Test
    void tokenNamingOurKeyButSignedWithAnotherIsInvalid() {
        assertRejected(tokens, valid().signedWith("billing-provider-secret-0123456789-abcdef").compact(),
                "invalid_token");
    }

    @Test
    void tokenWithAlteredPayloadIsInvalid() {
        String token = valid().compact();
        String other = valid().compact();
        String[] a = token.split("\\.");
        String[] b = other.split("\\.");

        assertRejected(tokens, a[0] + "." + b[1] + "." + a[2], "invalid_token");
    }

    @Test
    void tokenForAnotherAudienceIsInvalid() {
        assertRejected(tokens, valid().claim("aud", "10x-billing").compact(), "invalid_token");
    }

    @Test
    void tokenFromAnotherIssuerIsInvalid() {
        assertRejected(tokens, valid().claim("iss", "https://evil.example.com").compact(), "invalid_token");
    }

    @ParameterizedTest
    @ValueSource(strings = { "JWT", "runtime+jwt", "application/jwt", "" })
    void tokenOfAnotherTypeIsInvalid(String typ) {
        assertRejected(tokens, valid().header("typ", typ).compact(), "invalid_token");
    }

    @Test
    void tokenWithoutTypeIsInvalid() {
        assertRejected(tokens, valid().header("typ", null).compact(), "invalid_token");
    }

    @Test
    void tokenWithoutTokenUseIsInvalid() {
        assertRejected(tokens, valid().claim("token_use", null).compact(), "invalid_token");
    }

    @Test
    void runtimeTokenIsInvalid() {
        assertRejected(tokens, valid().claim("token_use", "runtime-access").compact(), "invalid_token");
    }

    @Test
    void hs512WithTheSameSecretIsInvalidBecauseTheAlgorithmIsPinned() {
        TokenService strong = serviceAt(NOW, LONG_SECRET);
        assertThat(strong.verify(Tokens.controlPlane(LONG_SECRET, NOW).compact())).isNotNull();

        assertRejected(strong, Tokens.controlPlane(LONG_SECRET, NOW).header("alg", "HS512").compact(), "invalid_token");
        assertRejected(strong, Tokens.controlPlane(LONG_SECRET, NOW).header("alg", "HS384").compact(), "invalid_token");
    }

    @Test
    void tokenWithoutKidIsInvalid() {
        assertRejected(tokens, valid().header("kid", null).compact(), "invalid_token");
    }

    @ParameterizedTest
    @ValueSource(strings = { "patv1_0123456789abcdef.s3cr3t-personal-access-token-value", "garbage", "a.b.c", "",
            "eyJhbGciOiJIUzI1NiJ9", "eyJhbGciOiJIUzI1NiJ9.e30" })
    void somethingThatIsNoJwsIsInvalid(String token) {
        assertRejected(tokens, token, "invalid_token");
    }

    @Test
    void aPaddedSignatureIsInvalid() {
        assertRejected(tokens, valid().compact() + "=", "invalid_token");
    }

    @Test
    void aPaddedPayloadIsInvalid() {
        String[] parts = valid().compact().split("\\.");
        String padded = parts[1] + "=".repeat((4 - parts[1].length() % 4) % 4);
        org.junit.jupiter.api.Assumptions.assumeTrue(!padded.equals(parts[1]), "payload needs no padding");

        assertRejected(tokens, parts[0] + "." + padded + "." + parts[2], "invalid_token");
    }

    @Test
    void aSignatureWithNonZeroUnusedBitsIsInvalid() {
        String token = valid().compact();
        // An HS256 signature is 32 bytes: 43 base64url characters, of which the last
        // carries 2 unused bits. Setting one changes the text, not the bytes.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        char sameBytes = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        String altered = token.substring(0, token.length() - 1) + sameBytes;
        assertThat(java.util.Base64.getUrlDecoder().decode(altered.substring(altered.lastIndexOf('.') + 1)))
            .isEqualTo(java.util.Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1)));

        assertRejected(tokens, altered, "invalid_token");
    }

    @Test
    void aStandardBase64AlphabetIsInvalid() {
        String token = valid().compact();
        String standard = token.replace('-', '+').replace('_', '/');
        org.junit.jupiter.api.Assumptions.assumeTrue(!standard.equals(token), "token has no - or _");

        assertRejected(tokens, standard, "invalid_token");
    }

    @Test
    void anIssuedAtADayAheadIsInvalid() {
        assertRejected(tokens, valid().issuedAt(NOW.plusSeconds(86_400)).compact(), "invalid_token");
    }

    @Test
    void anIssuedAtMoreThanAMinuteAheadIsInvalid() {
        assertRejected(tokens, valid().issuedAt(NOW.plusSeconds(61)).compact(), "invalid_token");
    }

    @Test
    void anIssuedAtWithinTheToleranceIsAccepted() {
        assertThat(tokens.verify(valid().issuedAt(NOW.plusSeconds(20)).compact())).isNotNull();
    }

    @Test
    void aNotBeforeMoreThanAMinuteAheadIsInvalid() {
        assertRejected(tokens, valid().notBefore(NOW.plusSeconds(120)).compact(), "invalid_token");
    }

}
