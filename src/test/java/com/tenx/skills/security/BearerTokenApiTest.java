package com.tenx.skills.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.TestSettings;
import com.tenx.skills.support.Tokens;
import com.tenx.skills.support.World;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bearer token over HTTP: which ones the server lets in, and how it says no. */
class BearerTokenApiTest extends ApiTest {

    private Tokens forged(World.User user) {
        return Tokens.controlPlane(TestSettings.JWT_SECRET, Instant.now()).subject(user.id());
    }

    private Reply myHandles(String authorization) {
        var call = api.get("/v2/handles");
        return (authorization == null ? call : call.header("Authorization", authorization)).send();
    }

    private static void assertUnauthorized(Reply reply, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().path("ok").asBoolean(true)).isFalse();
        assertThat(reply.error()).isEqualTo(code);
        assertThat(reply.json().path("message").asString()).isNotBlank();
        assertThat(reply.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void tokenFromLoginIsAccepted() {
        World.User user = world.user();

        Reply reply = myHandles("Bearer " + user.token());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("handles").isArray()).isTrue();
    }

    @Test
    void forgedTokenWithTheServersSecretIsAccepted() {
        assertThat(myHandles("Bearer " + forged(world.user())).status()).isEqualTo(200);
    }

    @Test
    void schemeNameIsCaseInsensitive() {
        assertThat(myHandles("bearer " + world.user().token()).status()).isEqualTo(200);
    }

    @Test
    void noAuthorizationHeaderIs401MissingBearerToken() {
        assertUnauthorized(myHandles(null), "missing_bearer_token");
    }

    @Test
    void basicSchemeIs401MissingBearerToken() {
        assertUnauthorized(
                myHandles("Basic " + java.util.Base64.getEncoder()
                    .encodeToString((World.ADMIN_EMAIL + ":" + World.ADMIN_PASSWORD).getBytes())),
                "missing_bearer_token");
    }

    @Test
    void expiredTokenIs401TokenExpired() {
        World.User user = world.user();

        assertUnauthorized(myHandles("Bearer " + forged(user).expiresAt(Instant.now().minusSeconds(120))),
                "token_expired");
    }

    @Test
    void tokenExpiredWithinTheClockSkewIsAccepted() {
        World.User user = world.user();

        assertThat(myHandles("Bearer " + forged(user).expiresAt(Instant.now().minusSeconds(10))).status())
            .isEqualTo(200);
    }

    @Test
    void expiredTokenForAnotherAudienceIs401InvalidToken() {
        Tokens token = forged(world.user()).claim("aud", "10x-billing").expiresAt(Instant.now().minusSeconds(120));

        assertUnauthorized(myHandles("Bearer " + token), "invalid_token");
    }

    @Test
    void tokensFromOtherTrustBoundariesAre401InvalidToken() {
        World.User user = world.user();
        String[] tokens = { forged(user).header("alg", "none").compact(),
                forged(user).keyedWith("billing-provider-secret-0123456789-abcdef").compact(),
                forged(user).claim("aud", "10x-billing").compact(),
                forged(user).claim("iss", "https://evil.example.com").compact(),
                forged(user).header("typ", "JWT").compact(), forged(user).header("typ", null).compact(),
                forged(user).claim("token_use", null).compact(), forged(user).header("alg", "HS512").compact(),
                forged(user).expiresAt(null).compact(), "patv1_" + UUID.randomUUID() + ".personal-access-token-secret",
                "not-a-token", };
        for (String token : tokens) {
            assertUnauthorized(myHandles("Bearer " + token), "invalid_token");
        }
    }

    @Test
    void wellSignedTokenOfAnUnknownUserIs401InvalidTokenOnHandleRoutes() {
        World.Member creator = world.creator();
        Tokens stranger = Tokens.controlPlane(TestSettings.JWT_SECRET, Instant.now())
            .subject(UUID.randomUUID().toString());

        assertUnauthorized(api.get("/v2/handles/" + creator.handle() + "/skills").token(stranger.compact()).send(),
                "invalid_token");
    }

    @Test
    void noTokenBeatsEverythingElse() {
        Reply reply = api.put("/v2/handles/Not_A_Handle/skills/--bad--").json("{not json").send();

        assertUnauthorized(reply, "missing_bearer_token");
    }

    @Test
    void invalidTokenIsRejectedOnEveryProtectedArea() {
        for (String path : new String[] { "/v2/handles", "/v2/handles/h-x/skills", "/v2/platform-admin/users",
                "/v2/account/anything" }) {
            assertUnauthorized(api.get(path).token("garbage").send(), "invalid_token");
        }
        assertUnauthorized(api.post("/v2/platform-admin/users")
            .token("garbage")
            .json(Json.object().put("email", "x@example.com").put("password", "password-1"))
            .send(), "invalid_token");
    }

}
