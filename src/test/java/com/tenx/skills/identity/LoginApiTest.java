package com.tenx.skills.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.Tokens;
import com.tenx.skills.support.World;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /v2/auth/login}. */
class LoginApiTest extends ApiTest {

    private Reply login(Object body) {
        return api.post("/v2/auth/login").json(body).send();
    }

    private Reply login(String email, String password) {
        return login(Json.object().put("email", email).put("password", password));
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new TreeSet<>();
        json.propertyNames().forEach(names::add);
        return names;
    }

    private static void assertBadRequest(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().path("ok").asBoolean(true)).isFalse();
        assertThat(reply.error()).isIn("invalid_request", "invalid_json");
        assertThat(reply.json().path("message").asString()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception", "timestamp", "trace");
    }

    @Test
    void loginAnswersABearerTokenThatWorks() {
        World.User user = world.user();

        Reply reply = login(user.email(), user.password());

        assertThat(reply.status()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(fieldNames(json)).containsExactly("accessToken", "expiresIn", "tokenType");
        assertThat(json.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(json.get("expiresIn").isIntegralNumber()).isTrue();
        assertThat(json.get("expiresIn").asLong()).isEqualTo(3600);
        String token = json.get("accessToken").asString();
        assertThat(Tokens.claimsOf(token).path("sub").asString()).isEqualTo(user.id());
        assertThat(api.get("/v2/handles").token(token).send().status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownEmailAreTheSame401() {
        World.User user = world.user();

        Reply wrongPassword = login(user.email(), user.password() + "x");
        Reply unknownEmail = login("nobody-" + user.email(), user.password());

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.error()).isEqualTo("invalid_credentials");
        assertThat(wrongPassword.json().path("ok").asBoolean(true)).isFalse();
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownEmail.header("WWW-Authenticate")).isEqualTo(wrongPassword.header("WWW-Authenticate"));
    }

    @Test
    void overlongPasswordIsInvalidCredentialsNotAnError() {
        World.User user = world.user();

        Reply reply = login(user.email(), user.password() + "x".repeat(100));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error()).isEqualTo("invalid_credentials");
    }

    @Test
    void emailIsCaseInsensitive() {
        World.User user = world.user();

        Reply reply = login("  " + user.email().toUpperCase(java.util.Locale.ROOT) + " ", user.password());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Tokens.claimsOf(reply.json().get("accessToken").asString()).path("sub").asString())
            .isEqualTo(user.id());
    }

    @Test
    void missingFieldsAre400() {
        assertBadRequest(login(Json.object()));
        assertBadRequest(login(Json.object().put("email", "someone@example.com")));
        assertBadRequest(login(Json.object().put("password", "some-password")));
        assertBadRequest(login(Json.object().putNull("email").put("password", "some-password")));
    }

    @Test
    void fieldsOfTheWrongTypeAre400() {
        assertBadRequest(login(Json.object().set("email", Json.object()).put("password", "some-password")));
        assertBadRequest(login(Json.object().put("email", "someone@example.com").set("password", Json.array())));
        assertBadRequest(login(Json.array()));
        assertBadRequest(login("\"someone@example.com\""));
    }

    @Test
    void malformedJsonIs400InvalidJson() {
        Reply reply = login("{\"email\": \"a@example.com\", ");

        assertBadRequest(reply);
        assertThat(reply.error()).isEqualTo("invalid_json");
        assertBadRequest(api.post("/v2/auth/login").send());
    }

    @Test
    void loginNeedsNoTokenAndIgnoresABadOne() {
        World.User user = world.user();

        Reply reply = api.post("/v2/auth/login")
            .token("garbage")
            .json(Json.object().put("email", user.email()).put("password", user.password()))
            .send();

        assertThat(reply.status()).isEqualTo(200);
    }

}
