package com.tenx.skills.skill;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The runtime PUT and GET that succeed, and the image references that are verified. */
class RuntimeTest extends ApiTest {

    private SkillApi skills;

    @BeforeEach
    void creator() {
        skills = new SkillApi(api, world.creator());
        skills.put("crm-lookup", Json.skill());
    }

    @Test
    void seedRuntimeAnswersTheExactRuntimeObject() {
        Reply reply = skills.putRuntime("crm-lookup", Json.runtime());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"ok":true,"runtime":{"handle":"%s","skillKey":"crm-lookup","imageRef":"catalog/node:20",
                 "command":["node","server.js"],"args":[],"cpu":512,"memory":1024,"idleTimeoutSec":900,
                 "maxSessionSec":3600}}""".formatted(skills.member().handle())));
    }

    @Test
    void getRuntimeAddsSecretsNetworkPolicyAndPlanGatesAsGiven() {
        ObjectNode body = Json.runtime();
        body.set("secretsRefs", Json.array().add("crm/api-key").add("crm/oauth"));
        body.set("networkPolicy", Json.parse("{\"egress\":[\"api.example.com\"],\"deny\":{\"all\":true}}"));
        body.set("planGates", Json.parse("{\"tier\":\"pro\",\"maxCalls\":100}"));
        skills.putRuntime("crm-lookup", body);

        Reply reply = skills.getRuntime("CRM-Lookup");

        assertThat(reply.status()).isEqualTo(200);
        ObjectNode expected = Json.object().put("handle", skills.member().handle()).put("skillKey", "crm-lookup");
        expected.setAll(body);
        assertThat(reply.json()).isEqualTo(expected);
    }

    @Test
    void optionalRuntimeFieldsDefaultToEmpty() {
        ObjectNode body = Json.runtime();
        body.remove("command");
        body.remove("args");
        body.remove("secretsRefs");
        body.remove("networkPolicy");
        body.remove("planGates");

        assertThat(skills.putRuntime("crm-lookup", body).status()).isEqualTo(200);

        JsonNode runtime = skills.getRuntime("crm-lookup").json();
        assertThat(runtime.get("command")).isEqualTo(Json.array());
        assertThat(runtime.get("args")).isEqualTo(Json.array());
        assertThat(runtime.get("secretsRefs")).isEqualTo(Json.array());
        assertThat(runtime.get("networkPolicy")).isEqualTo(Json.object());
        assertThat(runtime.get("planGates")).isEqualTo(Json.object());
    }

    @Test
    void putRuntimeAgainReplacesIt() {
        ObjectNode first = Json.runtime();
        first.set("secretsRefs", Json.array().add("old"));
        first.set("args", Json.array().add("--verbose"));
        skills.putRuntime("crm-lookup", first);
        ObjectNode second = Json.object()
            .put("imageRef", "catalog/python:3.12")
            .put("cpu", 1024)
            .put("memory", 2048)
            .put("idleTimeoutSec", 60)
            .put("maxSessionSec", 60);

        Reply reply = skills.putRuntime("crm-lookup", second);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode runtime = skills.getRuntime("crm-lookup").json();
        assertThat(runtime.get("imageRef").asString()).isEqualTo("catalog/python:3.12");
        assertThat(runtime.get("command")).isEqualTo(Json.array());
        assertThat(runtime.get("args")).isEqualTo(Json.array());
        assertThat(runtime.get("secretsRefs")).isEqualTo(Json.array());
        assertThat(runtime.get("cpu").asInt()).isEqualTo(1024);
        assertThat(runtime.get("idleTimeoutSec").asInt()).isEqualTo(60);
    }

    @Test
    void runtimePutMakesTheSkillReadyAndMovesUpdatedAt() {
        JsonNode before = skills.skill("crm-lookup");

        skills.putRuntime("crm-lookup", Json.runtime());

        JsonNode after = skills.skill("crm-lookup");
        assertThat(before.get("runtimeStatus").asString()).isEqualTo("draft");
        assertThat(after.get("runtimeStatus").asString()).isEqualTo("ready");
        assertThat(Instant.parse(after.get("updatedAt").asString()))
            .isAfter(Instant.parse(before.get("updatedAt").asString()));
        assertThat(after.get("title")).isEqualTo(before.get("title"));
    }

    @Test
    void runtimeOfMissingSkillIsSkillNotFound() {
        assertError(skills.getRuntime("no-such-skill"), 404, "skill_not_found");
        assertError(skills.putRuntime("no-such-skill", Json.runtime()), 404, "skill_not_found");
        assertError(skills.get("no-such-skill"), 404, "skill_not_found");
    }

    @Test
    void skillWithoutRuntimeIsRuntimeNotFound() {
        assertError(skills.getRuntime("crm-lookup"), 404, "runtime_not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = { "catalog/node:20", "catalog/node", "catalog/team/tool",
            "catalog/team/tool@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "catalog/my.tool_x-1/sub:v1.2.3-rc_1", "123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag",
            "123456789012.dkr.ecr.eu-central-1.amazonaws.com/team/repo",
            "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/repo:tag",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/repo@sha256:"
                    + "abcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcd" })
    void verifiedImageRefIsAccepted(String imageRef) {
        Reply reply = skills.putRuntime("crm-lookup", Json.runtime().put("imageRef", imageRef));

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(skills.getRuntime("crm-lookup").json().get("imageRef").asString()).isEqualTo(imageRef);
    }

    @ParameterizedTest
    @ValueSource(strings = { "node:20", "docker.io/library/node", "library/node:20", "catalog/../x", "catalog/",
            "catalog", "catalog/Node", "Catalog/node", "https://catalog/node", "catalog/node 20", "catalog/node:20 ",
            "catalog//node", "catalog/node:", "catalog/node@sha256:abc",
            "catalog/node@sha256:" + "ABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD",
            "12345678901.dkr.ecr.us-east-1.amazonaws.com/repo", "123456789012.dkr.ecr.us-east-1.amazonaws.com/",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.com/repo", "123456789012.dkr.ecr.amazonaws.com/repo",
            "evil.com/123456789012.dkr.ecr.us-east-1.amazonaws.com/repo", "" })
    void otherImageRefIsInvalidImageRef(String imageRef) {
        Reply reply = skills.putRuntime("crm-lookup", Json.runtime().put("imageRef", imageRef));

        assertError(reply, 400, "invalid_image_ref");
        assertError(skills.getRuntime("crm-lookup"), 404, "runtime_not_found");
    }

    @Test
    void missingOrNonStringImageRefIsInvalidImageRef() {
        ObjectNode missing = Json.runtime();
        missing.remove("imageRef");

        assertError(skills.putRuntime("crm-lookup", missing), 400, "invalid_image_ref");
        assertError(skills.putRuntime("crm-lookup", Json.runtime().put("imageRef", 20)), 400, "invalid_image_ref");
        assertError(skills.putRuntime("crm-lookup", Json.runtime().putNull("imageRef")), 400, "invalid_image_ref");
    }

    @Test
    void rejectedRuntimeLeavesTheStoredOneUnchanged() {
        skills.putRuntime("crm-lookup", Json.runtime());
        JsonNode before = skills.getRuntime("crm-lookup").json();
        String updatedAt = skills.skill("crm-lookup").get("updatedAt").asString();

        assertError(skills.putRuntime("crm-lookup", Json.runtime().put("imageRef", "node:20")), 400,
                "invalid_image_ref");
        assertError(skills.putRuntime("crm-lookup", Json.runtime().put("cpu", 1)), 400, "invalid_runtime");

        assertThat(skills.getRuntime("crm-lookup").json()).isEqualTo(before);
        assertThat(skills.skill("crm-lookup").get("updatedAt").asString()).isEqualTo(updatedAt);
    }

}
