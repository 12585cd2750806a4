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
 * DELETE: idempotent, takes the runtime and the versions with it, and a later PUT starts
 * afresh.
 */
class DeleteTest extends ApiTest {

    private SkillApi skills;

    @BeforeEach
    void creator() {
        skills = new SkillApi(api, world.creator());
    }

    @Test
    void deleteAnswers204WithEmptyBodyTwice() {
        skills.createPublished("crm-lookup");

        Reply first = skills.delete("crm-lookup");
        Reply second = skills.delete("crm-lookup");

        assertThat(first.status()).isEqualTo(204);
        assertThat(first.body()).isEmpty();
        assertThat(second.status()).isEqualTo(204);
        assertThat(second.body()).isEmpty();
    }

    @Test
    void deleteOfASkillThatNeverExistedIs204() {
        Reply reply = skills.delete("never-was");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void deleteRemovesTheSkillItsRuntimeAndItsVersions() {
        String v1 = skills.createPublished("crm-lookup");
        skills.put("keeper", Json.skill());

        skills.delete("CRM-Lookup");

        assertError(skills.get("crm-lookup"), 404, "skill_not_found");
        assertError(skills.getRuntime("crm-lookup"), 404, "skill_not_found");
        assertError(skills.versions("crm-lookup"), 404, "skill_not_found");
        assertError(skills.version("crm-lookup", v1), 404, "skill_not_found");
        assertError(skills.publish("crm-lookup"), 404, "skill_not_found");
        assertThat(skills.getList().json().get("skills").valueStream().map(s -> s.get("skillKey").asString()).toList())
            .containsExactly("keeper");
    }

    @Test
    void putAfterDeleteCreatesTheSkillAfresh() {
        String v1 = skills.createPublished("crm-lookup");
        skills.delete("crm-lookup");

        Reply created = skills.put("crm-lookup", Json.skill().put("displayName", "Second life"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode skill = skills.skill("crm-lookup");
        assertThat(skill.get("title").asString()).isEqualTo("Second life");
        assertThat(skill.get("publishedVersion").isNull()).isTrue();
        assertThat(skill.get("runtimeStatus").asString()).isEqualTo("draft");
        assertError(skills.getRuntime("crm-lookup"), 404, "runtime_not_found");
        assertThat(skills.versions("crm-lookup").json().get("versions").size()).isZero();
        assertError(skills.version("crm-lookup", v1), 404, "version_not_found");
        assertError(skills.rollback("crm-lookup", v1), 404, "version_not_found");
    }

    @Test
    void deleteNeedsNoFeatureGate() {
        var creator = world.member("CREATOR");
        SkillApi locked = new SkillApi(api, creator);

        assertError(locked.put("crm-lookup", Json.skill()), 403, "feature_locked");
        assertThat(locked.delete("crm-lookup").status()).isEqualTo(204);
    }

}
