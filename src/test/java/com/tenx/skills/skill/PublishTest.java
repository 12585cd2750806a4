package com.tenx.skills.skill;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Publishing: its preconditions, its version names, and updatedAt moving on every write.
 */
class PublishTest extends ApiTest {

    private SkillApi skills;

    @BeforeEach
    void creator() {
        skills = new SkillApi(api, world.creator());
    }

    @Test
    void publishOfMissingSkillIsSkillNotFound() {
        assertError(skills.publish("crm-lookup"), 404, "skill_not_found");
    }

    @Test
    void publishWithoutRuntimeIsRejected() {
        skills.put("crm-lookup", Json.skill());
        JsonNode before = skills.skill("crm-lookup");

        assertError(skills.publish("crm-lookup"), 400, "runtime_not_configured");

        assertThat(skills.skill("crm-lookup")).isEqualTo(before);
        assertThat(skills.versions("crm-lookup").json().get("versions").size()).isZero();
    }

    @Test
    void publishAnswersVersionNamedAfterTheEpochMillisOfTheWrite() {
        skills.createReady("crm-lookup");

        Reply published = skills.publish("CRM-Lookup");

        assertThat(published.status()).isEqualTo(200);
        String version = published.json().get("version").asString();
        assertThat(published.json())
            .isEqualTo(Json.object().put("ok", true).put("skillKey", "crm-lookup").put("version", version));
        assertThat(version).matches("v[0-9]{13}");
        JsonNode skill = skills.skill("crm-lookup");
        assertThat(version).isEqualTo("v" + Instant.parse(skill.get("updatedAt").asString()).toEpochMilli());
        assertThat(skill.get("runtimeStatus").asString()).isEqualTo("published");
        assertThat(skill.get("publishedVersion").asString()).isEqualTo(version);
    }

    @Test
    void successivePublishesHaveStrictlyIncreasingVersions() {
        skills.createReady("crm-lookup");
        List<Long> versions = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            Reply published = skills.publish("crm-lookup");
            assertThat(published.status()).isEqualTo(200);
            versions.add(Long.parseLong(published.json().get("version").asString().substring(1)));
        }

        for (int i = 1; i < versions.size(); i++) {
            assertThat(versions.get(i)).isGreaterThan(versions.get(i - 1));
        }
        assertThat(skills.skill("crm-lookup").get("publishedVersion").asString())
            .isEqualTo("v" + versions.get(versions.size() - 1));
    }

    @Test
    void updatedAtStrictlyIncreasesOnEveryWrite() {
        List<Instant> seen = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            skills.put("crm-lookup", Json.skill().put("description", "round " + round));
            seen.add(skills.updatedAt("crm-lookup"));
            skills.putRuntime("crm-lookup", Json.runtime().put("cpu", 256 + round));
            seen.add(skills.updatedAt("crm-lookup"));
            skills.publish("crm-lookup");
            seen.add(skills.updatedAt("crm-lookup"));
        }

        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).as("write %d", i).isAfter(seen.get(i - 1));
        }
    }

    @Test
    void identicalRewritesStillMoveUpdatedAt() {
        skills.put("crm-lookup", Json.skill());
        Instant first = skills.updatedAt("crm-lookup");

        skills.put("crm-lookup", Json.skill());
        Instant second = skills.updatedAt("crm-lookup");
        skills.put("crm-lookup", Json.skill());

        assertThat(second).isAfter(first);
        assertThat(skills.updatedAt("crm-lookup")).isAfter(second);
    }

    @Test
    void emptyObjectBodyPublishesAsTheSeedSays() {
        skills.createReady("crm-lookup");

        Reply published = api.post(skills.path("crm-lookup") + "/publish")
            .token(skills.token())
            .json(Json.object())
            .send();

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().has("fromVersion")).isFalse();
        assertThat(skills.skill("crm-lookup").get("runtimeStatus").asString()).isEqualTo("published");
    }

}
