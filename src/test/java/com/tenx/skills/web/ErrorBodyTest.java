package com.tenx.skills.web;

import static com.tenx.skills.support.Errors.assertContractShape;
import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.RawHttp;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failures outside the skill rules still answer the contract's JSON error body, never
 * Spring's or HTML.
 */
class ErrorBodyTest extends ApiTest {

    private SkillApi skills;

    @BeforeEach
    void creator() {
        skills = new SkillApi(api, world.creator());
    }

    private int port() {
        return URI.create(api.base()).getPort();
    }

    @Test
    void unknownRouteIs404NotFound() {
        assertError(api.get("/nope").send(), 404, "not_found");
        assertError(api.get("/v2/handles/" + skills.member().handle() + "/nope").token(skills.token()).send(), 404,
                "not_found");
        assertError(api.get(skills.path("crm-lookup") + "/extra/segments").token(skills.token()).send(), 404,
                "not_found");
    }

    @Test
    void htmlIsNeverAnsweredEvenWhenAskedFor() {
        Reply reply = api.get("/nope").header("Accept", "text/html").send();

        assertError(reply, 404, "not_found");
    }

    @Test
    void unsupportedMethodIs405MethodNotAllowed() {
        Reply patch = api.call("PATCH", skills.path("crm-lookup")).token(skills.token()).json(Json.skill()).send();
        Reply post = api.post(skills.path("crm-lookup")).token(skills.token()).json(Json.skill()).send();

        assertError(patch, 405, "method_not_allowed");
        assertError(post, 405, "method_not_allowed");
        assertThat(patch.header("Allow")).contains("PUT");
        assertError(skills.get("crm-lookup"), 404, "skill_not_found");
    }

    @Test
    void textBodyIs415UnsupportedMediaType() {
        byte[] body = Json.skill().toString().getBytes(StandardCharsets.UTF_8);

        assertError(api.put(skills.path("crm-lookup")).token(skills.token()).body(body, "text/plain").send(), 415,
                "unsupported_media_type");
        assertError(api.put(skills.path("crm-lookup") + "/runtime")
            .token(skills.token())
            .body(body, "application/x-www-form-urlencoded")
            .send(), 415, "unsupported_media_type");
        assertError(api.put(skills.path("crm-lookup")).token(skills.token()).body(body, null).send(), 415,
                "unsupported_media_type");
        assertError(skills.get("crm-lookup"), 404, "skill_not_found");
    }

    @Test
    void jsonWithCharsetParameterIsAccepted() {
        byte[] body = Json.skill().toString().getBytes(StandardCharsets.UTF_8);

        Reply reply = api.put(skills.path("crm-lookup"))
            .token(skills.token())
            .body(body, "application/json; charset=utf-8")
            .send();

        assertThat(reply.status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{", "{\"displayName\":}", "not json", "{\"displayName\":\"x\"} trailing",
            "{\"displayName\":\"x\",}", "{'displayName':'x'}" })
    void malformedJsonIs400InvalidJson(String body) {
        Reply reply = api.put(skills.path("crm-lookup"))
            .token(skills.token())
            .body(body.getBytes(StandardCharsets.UTF_8), "application/json")
            .send();

        assertError(reply, 400, "invalid_json");
        assertError(skills.get("crm-lookup"), 404, "skill_not_found");
    }

    @Test
    void duplicateKeysAre400InvalidJson() {
        byte[] top = "{\"displayName\":\"A\",\"displayName\":\"B\"}".getBytes(StandardCharsets.UTF_8);
        byte[] nested = ("{\"displayName\":\"A\",\"tools\":[{\"type\":\"http\",\"name\":\"x\",\"name\":\"y\","
                + "\"config\":{\"url\":\"https://a.example.com\"}}]}")
            .getBytes(StandardCharsets.UTF_8);

        assertError(api.put(skills.path("crm-lookup")).token(skills.token()).body(top, "application/json").send(), 400,
                "invalid_json");
        assertError(api.put(skills.path("crm-lookup")).token(skills.token()).body(nested, "application/json").send(),
                400, "invalid_json");
        assertError(skills.get("crm-lookup"), 404, "skill_not_found");
    }

    @Test
    void duplicateKeysInARuntimeAre400InvalidJson() {
        skills.put("crm-lookup", Json.skill());
        String body = Json.runtime().toString().replace("\"cpu\":512", "\"cpu\":512,\"cpu\":16384");

        assertError(api.put(skills.path("crm-lookup") + "/runtime")
            .token(skills.token())
            .body(body.getBytes(StandardCharsets.UTF_8), "application/json")
            .send(), 400, "invalid_json");
        assertError(skills.getRuntime("crm-lookup"), 404, "runtime_not_found");
    }

    @Test
    void deeplyNestedJsonIs400NotA500() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String body = "{\"displayName\":\"A\",\"tools\":[{\"type\":\"http\",\"name\":\"x\",\"config\":"
                + "{\"url\":\"https://a.example.com\",\"deep\":" + deep + "}}]}";

        Reply reply = api.put(skills.path("crm-lookup"))
            .token(skills.token())
            .body(body.getBytes(StandardCharsets.UTF_8), "application/json")
            .send();

        assertError(reply, 400, "invalid_json");
        assertError(skills.get("crm-lookup"), 404, "skill_not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v2/handles/h/skills/crm%00lookup", "/v2/handles/h/skills/crm%ZZ", "/nope%ZZ",
            "/v2/handles/h/skills/%", "/v2/handles/h/skills/crm%0", "/v2/handles/h/skills/a{b",
            "/v2/handles/h/skills/crm;x=1", "/v2/handles/h/skills/crm%3Bx", "//v2/handles/h/skills",
            "/v2/handles/h/skills/%2e%2e/x", "/v2/handles/h/skills/crm%5Cx" })
    void malformedUrlIs400WithAJsonBody(String target) {
        Reply reply = RawHttp.send(port(), "GET", target, "Authorization: Bearer " + skills.token());

        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertContractShape(reply);
    }

    /**
     * The firewall's characters (SafeCharacters), refused before any route is matched.
     */
    @ParameterizedTest
    @ValueSource(strings = { "?since=a%01b", "?since=a%09b", "?x%07y=1", "?since=%F4%8F%BF%BF" })
    void aControlOrUnassignedCharacterInAParameterIs400WithAJsonBody(String query) {
        Reply reply = RawHttp.send(port(), "GET", skills.list() + query, "Authorization: Bearer " + skills.token());

        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("invalid_request");
        assertContractShape(reply);
    }

    @Test
    void malformedUrlOnAWriteIs400WithAJsonBody() {
        Reply reply = RawHttp.send(port(), "DELETE", skills.path("crm%ZZ"), "Authorization: Bearer " + skills.token());

        assertThat(reply.status()).isEqualTo(400);
        assertContractShape(reply);
    }

    @Test
    void unknownMethodIs405WithTheAllowedMethods() {
        Reply reply = RawHttp.send(port(), "FOO", skills.list(), "Authorization: Bearer " + skills.token());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.error()).isEqualTo("method_not_allowed");
        assertThat(reply.header("Allow")).isEqualTo("GET");
        assertContractShape(reply);
    }

}
