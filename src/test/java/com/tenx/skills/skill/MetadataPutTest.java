package com.tenx.skills.skill;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The metadata PUT that succeeds: create, update, aliases, defaults, and what GET reads
 * back.
 */
class MetadataPutTest extends ApiTest {

    private SkillApi skills;

    @BeforeEach
    void creator() {
        skills = new SkillApi(api, world.creator());
    }

    @Test
    void putCreatesWith201ThenUpdatesWith200() {
        Reply created = skills.put("crm-lookup", Json.skill());
        Reply updated = skills.put("crm-lookup", Json.skill().put("displayName", "CRM Lookup 2"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json())
            .isEqualTo(Json.parse("{\"ok\":true,\"skillKey\":\"crm-lookup\",\"status\":\"DRAFT\"}"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json()).isEqualTo(created.json());
        assertThat(skills.skill("crm-lookup").get("title").asString()).isEqualTo("CRM Lookup 2");
    }

    @Test
    void getOneHasTheListItemShapePlusPublishedVersion() {
        skills.put("crm-lookup", Json.skill());

        JsonNode one = skills.skill("crm-lookup");
        JsonNode item = skills.getList().json().get("skills").get(0);

        assertThat(one).isEqualTo(item);
        assertThat(one.propertyNames()).containsExactlyInAnyOrder("skillKey", "title", "description", "systemPrompt",
                "tools", "runtimeStatus", "updatedAt", "publishedVersion");
        assertThat(one.get("skillKey").asString()).isEqualTo("crm-lookup");
        assertThat(one.get("title").asString()).isEqualTo("CRM Lookup");
        assertThat(one.get("description").asString()).isEqualTo("Look up CRM records.");
        assertThat(one.get("systemPrompt").asString()).isEqualTo("Use this skill when CRM context is needed.");
        assertThat(one.get("tools")).isEqualTo(Json.skill().get("tools"));
        assertThat(one.get("runtimeStatus").asString()).isEqualTo("draft");
        assertThat(one.get("updatedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(one.get("publishedVersion").isNull()).isTrue();
    }

    @Test
    void missingSkillIs404() {
        assertError(skills.get("crm-lookup"), 404, "skill_not_found");
    }

    @Test
    void titleIsAcceptedWhenDisplayNameIsAbsent() {
        var body = Json.skill();
        body.remove("displayName");
        body.put("title", "Alias Title");

        assertThat(skills.put("crm-lookup", body).status()).isEqualTo(201);
        assertThat(skills.skill("crm-lookup").get("title").asString()).isEqualTo("Alias Title");
    }

    @Test
    void displayNameWinsOverTitle() {
        skills.put("crm-lookup", Json.skill().put("title", "Ignored"));

        assertThat(skills.skill("crm-lookup").get("title").asString()).isEqualTo("CRM Lookup");
    }

    @Test
    void displayNameIsTrimmed() {
        skills.put("crm-lookup", Json.skill().put("displayName", " \t CRM Lookup \n"));

        assertThat(skills.skill("crm-lookup").get("title").asString()).isEqualTo("CRM Lookup");
    }

    @Test
    void fieldsAtTheirLimitsAreAccepted() {
        var body = Json.skill()
            .put("displayName", "n".repeat(200))
            .put("description", "d".repeat(2000))
            .put("systemPrompt", "p".repeat(100_000));

        assertThat(skills.put("crm-lookup", body).status()).isEqualTo(201);
        JsonNode stored = skills.skill("crm-lookup");
        assertThat(stored.get("title").asString()).hasSize(200);
        assertThat(stored.get("description").asString()).hasSize(2000);
        assertThat(stored.get("systemPrompt").asString()).hasSize(100_000);
    }

    @Test
    void limitsCountCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00".repeat(2000);

        assertThat(skills.put("crm-lookup", Json.skill().put("description", emoji)).status()).isEqualTo(201);
        assertThat(skills.skill("crm-lookup").get("description").asString()).isEqualTo(emoji);
    }

    @Test
    void disabledStatusIsStoredAndShownAsDisabled() {
        skills.createReady("crm-lookup");

        Reply disabled = skills.put("crm-lookup", Json.skill().put("status", "DISABLED"));

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("status").asString()).isEqualTo("DISABLED");
        assertThat(skills.skill("crm-lookup").get("runtimeStatus").asString()).isEqualTo("disabled");
    }

    @Test
    void missingStatusMeansDraft() {
        var body = Json.skill();
        body.remove("status");

        Reply created = skills.put("crm-lookup", body);

        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(skills.skill("crm-lookup").get("runtimeStatus").asString()).isEqualTo("draft");
    }

    @Test
    void readOnlyFieldsEchoedFromAGetAreIgnored() {
        skills.put("crm-lookup", Json.skill());
        JsonNode before = skills.skill("crm-lookup");
        var echoed = Json.skill()
            .put("skillKey", "other-key")
            .put("runtimeStatus", "published")
            .put("updatedAt", "2000-01-01T00:00:00.000Z")
            .put("publishedVersion", "v1");

        Reply reply = skills.put("crm-lookup", echoed);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("skillKey").asString()).isEqualTo("crm-lookup");
        JsonNode after = skills.skill("crm-lookup");
        assertThat(after.get("skillKey").asString()).isEqualTo("crm-lookup");
        assertThat(after.get("runtimeStatus").asString()).isEqualTo("draft");
        assertThat(after.get("updatedAt").asString()).isGreaterThan(before.get("updatedAt").asString());
        assertThat(after.get("publishedVersion").isNull()).isTrue();
        assertError(skills.get("other-key"), 404, "skill_not_found");
    }

    @Test
    void putReplacesAndOmittedFieldsBecomeDefaults() {
        skills.put("crm-lookup", Json.skill().put("status", "DISABLED"));

        Reply replaced = skills.put("crm-lookup", Json.object().put("displayName", "Only a name"));

        assertThat(replaced.status()).isEqualTo(200);
        JsonNode stored = skills.skill("crm-lookup");
        assertThat(stored.get("title").asString()).isEqualTo("Only a name");
        assertThat(stored.get("description").asString()).isEmpty();
        assertThat(stored.get("systemPrompt").asString()).isEmpty();
        assertThat(stored.get("tools")).isEqualTo(Json.array());
        assertThat(stored.get("runtimeStatus").asString()).isEqualTo("draft");
    }

    @Test
    void editingAPublishedSkillMakesItReadyAgain() {
        skills.createPublished("crm-lookup");
        assertThat(skills.skill("crm-lookup").get("runtimeStatus").asString()).isEqualTo("published");

        skills.put("crm-lookup", Json.skill().put("description", "Edited."));

        JsonNode edited = skills.skill("crm-lookup");
        assertThat(edited.get("runtimeStatus").asString()).isEqualTo("ready");
        assertThat(edited.get("publishedVersion").asString()).startsWith("v");
    }

    @Test
    void runtimeStatusFollowsDraftReadyPublishedDisabled() {
        skills.put("crm-lookup", Json.skill());
        assertThat(skills.skill("crm-lookup").get("runtimeStatus").asString()).isEqualTo("draft");
        skills.putRuntime("crm-lookup", Json.runtime());
        assertThat(skills.skill("crm-lookup").get("runtimeStatus").asString()).isEqualTo("ready");
        skills.publish("crm-lookup");

        skills.put("crm-lookup", Json.skill().put("status", "DISABLED"));

        assertThat(skills.skill("crm-lookup").get("runtimeStatus").asString()).isEqualTo("disabled");
    }

    @Test
    void toolsOfBothTypesAreStoredAsGiven() {
        var mcp = Json.tool("mcp", "Search_tool-2", "https://mcp.example.com/sse?x=1");
        mcp.set("config", Json.object().put("url", "https://mcp.example.com/sse?x=1").put("timeoutMs", 500));
        var tools = Json.array().add(Json.tool("http", "lookup", "https://api.example.com/lookup")).add(mcp);

        assertThat(skills.put("crm-lookup", Json.skill().set("tools", tools)).status()).isEqualTo(201);
        assertThat(skills.skill("crm-lookup").get("tools")).isEqualTo(tools);
    }

}
