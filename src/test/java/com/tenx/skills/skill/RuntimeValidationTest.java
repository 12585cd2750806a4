package com.tenx.skills.skill;

import static com.tenx.skills.support.Errors.assertDetail;
import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runtime limits and shapes: {@code invalid_runtime} with a detail per field, and nothing
 * stored.
 */
class RuntimeValidationTest extends ApiTest {

    private SkillApi skills;

    @BeforeEach
    void creator() {
        skills = new SkillApi(api, world.creator());
        skills.put("crm-lookup", Json.skill());
    }

    private Reply putRaw(String field, String rawValue) {
        String body = Json.runtime().put(field, "__VALUE__").toString().replace("\"__VALUE__\"", rawValue);
        return api.put(skills.path("crm-lookup") + "/runtime")
            .token(skills.token())
            .body(body.getBytes(StandardCharsets.UTF_8), "application/json")
            .send();
    }

    private void assertInvalid(Reply reply, String field) {
        assertError(reply, 400, "invalid_runtime");
        assertDetail(reply, field);
        assertError(skills.getRuntime("crm-lookup"), 404, "runtime_not_found");
    }

    @ParameterizedTest
    @CsvSource({ "cpu,255", "cpu,16385", "cpu,0", "cpu,-512", "memory,511", "memory,122881", "idleTimeoutSec,59",
            "idleTimeoutSec,86401", "maxSessionSec,59", "maxSessionSec,86401", "cpu,\"512\"", "memory,\"1024\"",
            "cpu,512.5", "cpu,512.0", "memory,1e3", "cpu,true", "cpu,[512]", "cpu,{}", "cpu,99999999999999999999",
            "idleTimeoutSec,\"900\"", "maxSessionSec,3600.5" })
    void numberOutOfRangeOrOfWrongTypeIsInvalidRuntime(String field, String rawValue) {
        assertInvalid(putRaw(field, rawValue), field);
    }

    @ParameterizedTest
    @CsvSource({ "cpu,256", "cpu,16384", "memory,512", "memory,122880", "idleTimeoutSec,60", "maxSessionSec,86400" })
    void numbersAtTheLimitsAreAccepted(String field, int value) {
        ObjectNode body = Json.runtime().put(field, value);

        assertThat(skills.putRuntime("crm-lookup", body).status()).isEqualTo(200);
        assertThat(skills.getRuntime("crm-lookup").json().get(field).asInt()).isEqualTo(value);
    }

    @Test
    void missingNumbersAreInvalidRuntimeWithOneDetailEach() {
        ObjectNode body = Json.runtime();
        body.remove("cpu");
        body.remove("memory");
        body.remove("idleTimeoutSec");
        body.remove("maxSessionSec");

        Reply reply = skills.putRuntime("crm-lookup", body);

        assertInvalid(reply, "cpu");
        assertDetail(reply, "memory");
        assertDetail(reply, "idleTimeoutSec");
        assertDetail(reply, "maxSessionSec");
        assertThat(reply.json().get("details").size()).isEqualTo(4);
    }

    @Test
    void maxSessionShorterThanIdleTimeoutIsInvalidRuntime() {
        assertInvalid(
                skills.putRuntime("crm-lookup", Json.runtime().put("idleTimeoutSec", 901).put("maxSessionSec", 900)),
                "maxSessionSec");
        assertThat(skills.putRuntime("crm-lookup", Json.runtime().put("idleTimeoutSec", 900).put("maxSessionSec", 900))
            .status()).isEqualTo(200);
    }

    @Test
    void commandThatIsNotAnArrayOfStringsIsInvalidRuntime() {
        assertInvalid(skills.putRuntime("crm-lookup", Json.runtime().put("command", "node server.js")), "command");
        assertInvalid(skills.putRuntime("crm-lookup", Json.runtime().set("command", Json.array().add(1))),
                "command[0]");
        assertInvalid(skills.putRuntime("crm-lookup", Json.runtime().set("args", Json.array().add(Json.object()))),
                "args[0]");
        assertInvalid(skills.putRuntime("crm-lookup", Json.runtime().set("args", Json.object())), "args");
    }

    @Test
    void commandOf65ItemsIsInvalidRuntimeAnd64Pass() {
        ArrayNode items = Json.array();
        for (int i = 0; i < 64; i++) {
            items.add("arg" + i);
        }
        assertThat(skills.putRuntime("crm-lookup", Json.runtime().set("command", items.deepCopy())).status())
            .isEqualTo(200);
        assertThat(skills.getRuntime("crm-lookup").json().get("command").size()).isEqualTo(64);

        items.add("arg64");
        Reply reply = skills.putRuntime("crm-lookup", Json.runtime().set("command", items));
        assertError(reply, 400, "invalid_runtime");
        assertDetail(reply, "command");
        assertThat(skills.getRuntime("crm-lookup").json().get("command").size()).isEqualTo(64);
    }

    @Test
    void itemOf4097CharactersIsInvalidRuntimeAnd4096Pass() {
        assertInvalid(skills.putRuntime("crm-lookup", Json.runtime().set("args", Json.array().add("x".repeat(4097)))),
                "args[0]");
        assertThat(skills.putRuntime("crm-lookup", Json.runtime().set("command", Json.array().add("x".repeat(4096))))
            .status()).isEqualTo(200);
    }

    @Test
    void nulInsideTheRuntimeIs400NotA500() {
        assertInvalid(skills.putRuntime("crm-lookup", Json.runtime().set("command", Json.array().add("no\u0000de"))),
                "command[0]");
        assertInvalid(skills.putRuntime("crm-lookup",
                Json.runtime().set("networkPolicy", Json.object().put("egress", "\u0000"))), "networkPolicy");
        assertInvalid(skills.putRuntime("crm-lookup", Json.runtime().set("secretsRefs", Json.array().add("\u0000"))),
                "secretsRefs[0]");
    }

    @Test
    void secretsPolicyAndGatesOfWrongShapeAreInvalidRuntime() {
        assertInvalid(skills.putRuntime("crm-lookup", Json.runtime().put("secretsRefs", "crm/api-key")), "secretsRefs");
        assertInvalid(skills.putRuntime("crm-lookup", Json.runtime().set("networkPolicy", Json.array())),
                "networkPolicy");
        assertInvalid(skills.putRuntime("crm-lookup", Json.runtime().put("planGates", "pro")), "planGates");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Reply reply = skills.putRuntime("crm-lookup",
                Json.runtime().put("cpu", 1).put("memory", "lots").put("command", "x"));

        assertInvalid(reply, "cpu");
        assertDetail(reply, "memory");
        assertDetail(reply, "command");
    }

    @Test
    void runtimeBodyThatIsNotAnObjectIs400() {
        Reply reply = skills.putRuntime("crm-lookup", Json.array());

        assertThat(reply.status()).isEqualTo(400);
        assertError(reply, 400, reply.error());
        assertError(skills.getRuntime("crm-lookup"), 404, "runtime_not_found");
    }

}
