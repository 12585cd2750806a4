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
import tools.jackson.databind.node.ObjectNode;

/** Published versions: the list, the frozen snapshots, and unknown versions. */
class VersionsTest extends ApiTest {

    private SkillApi skills;

    @BeforeEach
    void creator() {
        skills = new SkillApi(api, world.creator());
    }

    @Test
    void versionsAreListedNewestFirst() {
        String v1 = skills.createPublished("crm-lookup");
        String v2 = skills.publish("crm-lookup").json().get("version").asString();
        String v3 = skills.publish("crm-lookup").json().get("version").asString();

        Reply reply = skills.versions("crm-lookup");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode versions = reply.json().get("versions");
        assertThat(versions.valueStream().map(v -> v.get("version").asString()).toList()).containsExactly(v3, v2, v1);
        JsonNode newest = versions.get(0);
        assertThat(newest.propertyNames()).containsExactlyInAnyOrder("version", "publishedAt", "publishedBy");
        assertThat(newest.get("publishedAt").asString())
            .isEqualTo(skills.skill("crm-lookup").get("updatedAt").asString());
        assertThat(newest.get("publishedBy").asString()).isEqualTo(skills.member().user().id());
    }

    @Test
    void unpublishedSkillHasNoVersions() {
        skills.put("crm-lookup", Json.skill());

        assertThat(skills.versions("crm-lookup").json()).isEqualTo(Json.parse("{\"versions\":[]}"));
    }

    @Test
    void versionsOfMissingSkillIsSkillNotFound() {
        assertError(skills.versions("crm-lookup"), 404, "skill_not_found");
        assertError(skills.version("crm-lookup", "v1770000000000"), 404, "skill_not_found");
    }

    @Test
    void versionReturnsTheSnapshot() {
        ObjectNode runtime = Json.runtime();
        runtime.set("secretsRefs", Json.array().add("crm/key"));
        skills.put("crm-lookup", Json.skill());
        skills.putRuntime("crm-lookup", runtime);
        String v1 = skills.publish("crm-lookup").json().get("version").asString();

        Reply reply = skills.version("crm-lookup", v1);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode snapshot = reply.json();
        assertThat(snapshot.get("version").asString()).isEqualTo(v1);
        assertThat(snapshot.get("publishedAt").asString())
            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(snapshot.get("publishedBy").asString()).isEqualTo(skills.member().user().id());
        assertThat(snapshot.get("title").asString()).isEqualTo("CRM Lookup");
        assertThat(snapshot.get("description").asString()).isEqualTo("Look up CRM records.");
        assertThat(snapshot.get("systemPrompt").asString()).isEqualTo("Use this skill when CRM context is needed.");
        assertThat(snapshot.get("tools")).isEqualTo(Json.skill().get("tools"));
        assertThat(snapshot.get("runtime")).isEqualTo(skills.getRuntime("crm-lookup").json());
        assertThat(snapshot.get("runtime").get("secretsRefs")).isEqualTo(Json.array().add("crm/key"));
    }

    @Test
    void snapshotDoesNotChangeAfterLaterEdits() {
        String v1 = skills.createPublished("crm-lookup");
        JsonNode before = skills.version("crm-lookup", v1).json();

        skills.put("crm-lookup",
                Json.skill()
                    .put("displayName", "Renamed")
                    .put("systemPrompt", "New prompt")
                    .set("tools", Json.array()));
        skills.putRuntime("crm-lookup", Json.runtime().put("imageRef", "catalog/python:3").put("cpu", 2048));
        String v2 = skills.publish("crm-lookup").json().get("version").asString();

        assertThat(skills.version("crm-lookup", v1).json()).isEqualTo(before);
        JsonNode after = skills.version("crm-lookup", v2).json();
        assertThat(after.get("title").asString()).isEqualTo("Renamed");
        assertThat(after.get("tools")).isEqualTo(Json.array());
        assertThat(after.get("runtime").get("imageRef").asString()).isEqualTo("catalog/python:3");
    }

    @Test
    void unknownVersionIsVersionNotFound() {
        String v1 = skills.createPublished("crm-lookup");
        long millis = Long.parseLong(v1.substring(1));

        assertError(skills.version("crm-lookup", "v" + (millis + 1)), 404, "version_not_found");
        assertError(skills.version("crm-lookup", "latest"), 404, "version_not_found");
    }

    @Test
    void anotherSkillsVersionIsNotFoundHere() {
        String other = skills.createPublished("other-skill");
        skills.createPublished("crm-lookup");

        assertError(skills.version("crm-lookup", other), 404, "version_not_found");
    }

}
