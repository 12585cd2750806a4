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
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Rolling back: publishing an earlier snapshot as a new version. */
class RollbackTest extends ApiTest {

    private SkillApi skills;

    private String v1;

    private JsonNode v1Runtime;

    @BeforeEach
    void publishedThenEdited() {
        skills = new SkillApi(api, world.creator());
        v1 = skills.createPublished("crm-lookup");
        v1Runtime = skills.getRuntime("crm-lookup").json();
        skills.put("crm-lookup",
                Json.skill()
                    .put("displayName", "Edited")
                    .put("description", "Changed.")
                    .set("tools", Json.array().add(Json.tool("mcp", "other", "https://mcp.example.com"))));
        skills.putRuntime("crm-lookup", Json.runtime().put("imageRef", "catalog/python:3").put("memory", 4096));
    }

    @Test
    void rollbackRestoresMetadataAndRuntimeAsANewVersion() {
        Reply reply = skills.rollback("crm-lookup", v1);

        assertThat(reply.status()).isEqualTo(200);
        String version = reply.json().get("version").asString();
        assertThat(reply.json()).isEqualTo(Json.object()
            .put("ok", true)
            .put("skillKey", "crm-lookup")
            .put("version", version)
            .put("fromVersion", v1));
        assertThat(Long.parseLong(version.substring(1))).isGreaterThan(Long.parseLong(v1.substring(1)));

        JsonNode skill = skills.skill("crm-lookup");
        assertThat(skill.get("title").asString()).isEqualTo("CRM Lookup");
        assertThat(skill.get("description").asString()).isEqualTo("Look up CRM records.");
        assertThat(skill.get("tools")).isEqualTo(Json.skill().get("tools"));
        assertThat(skill.get("runtimeStatus").asString()).isEqualTo("published");
        assertThat(skill.get("publishedVersion").asString()).isEqualTo(version);
        assertThat(skills.getRuntime("crm-lookup").json()).isEqualTo(v1Runtime);

        assertThat(skills.versions("crm-lookup")
            .json()
            .get("versions")
            .valueStream()
            .map(v -> v.get("version").asString())
            .toList()).containsExactly(version, v1);
        JsonNode snapshot = skills.version("crm-lookup", version).json();
        assertThat(snapshot.get("title").asString()).isEqualTo("CRM Lookup");
        assertThat(snapshot.get("runtime")).isEqualTo(v1Runtime);
    }

    @Test
    void unknownFromVersionIsVersionNotFoundAndChangesNothing() {
        JsonNode before = skills.skill("crm-lookup");

        assertError(skills.rollback("crm-lookup", "v1000000000000"), 404, "version_not_found");

        assertThat(skills.skill("crm-lookup")).isEqualTo(before);
        assertThat(skills.versions("crm-lookup").json().get("versions").size()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"latest\"", "\"1770000000000\"", "\"v\"", "\"v12a\"", "\"\"", "1770000000000", "true",
            "{}", "[\"v1\"]" })
    void malformedFromVersionIsRejected(String raw) {
        JsonNode before = skills.skill("crm-lookup");
        byte[] body = ("{\"fromVersion\":" + raw + "}").getBytes(StandardCharsets.UTF_8);

        Reply reply = api.post(skills.path("crm-lookup") + "/publish")
            .token(skills.token())
            .body(body, "application/json")
            .send();

        assertError(reply, 400, "invalid_request");
        assertDetail(reply, "fromVersion");
        assertThat(skills.skill("crm-lookup")).isEqualTo(before);
    }

    @Test
    void nullFromVersionPublishesTheCurrentState() {
        Reply reply = api.post(skills.path("crm-lookup") + "/publish")
            .token(skills.token())
            .json(Json.object().putNull("fromVersion"))
            .send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(skills.skill("crm-lookup").get("title").asString()).isEqualTo("Edited");
    }

}
