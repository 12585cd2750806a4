package com.tenx.skills.skill;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Skill keys in the path: lower-cased with ASCII rules, then held to the key rule on
 * every route.
 */
class SkillKeyTest extends ApiTest {

    private static SkillApi shared;

    private SkillApi skills;

    @BeforeEach
    void creator() {
        if (shared == null) {
            shared = new SkillApi(api, world.creator());
        }
        skills = shared;
    }

    @Test
    void upperCaseKeyIsStoredAndAnsweredLowerCase() {
        SkillApi own = new SkillApi(api, world.creator());

        Reply created = own.put("CRM-Lookup", Json.skill());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("skillKey").asString()).isEqualTo("crm-lookup");
        assertThat(own.skill("crm-lookup").get("skillKey").asString()).isEqualTo("crm-lookup");
        assertThat(own.skill("CRM-LOOKUP").get("skillKey").asString()).isEqualTo("crm-lookup");
        assertThat(own.getList().json().get("skills").valueStream().map(s -> s.get("skillKey").asString()).toList())
            .containsExactly("crm-lookup");
        assertThat(own.put("Crm-LookUp", Json.skill().put("displayName", "Again")).status()).isEqualTo(200);
        assertThat(own.skill("crm-lookup").get("title").asString()).isEqualTo("Again");
    }

    @Test
    void keysAtTheLengthLimitsAreAccepted() {
        SkillApi own = new SkillApi(api, world.creator());
        String longest = "a" + "b".repeat(63);

        assertThat(own.put("ab", Json.skill()).status()).isEqualTo(201);
        assertThat(own.put(longest, Json.skill()).status()).isEqualTo(201);
        assertThat(own.put("a1-b2-c3", Json.skill()).status()).isEqualTo(201);
        assertThat(own.skill(longest).get("skillKey").asString()).isEqualTo(longest);
    }

    @ParameterizedTest
    @ValueSource(strings = { "crm_lookup", "-crm", "crm--x", "crm-", "c", "1crm", "crm.lookup",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", // 65
                                                                                 // characters
            "crm%E2%80%90lookup", // U+2010 HYPHEN
            "%EF%BD%83%EF%BD%92%EF%BD%8D", // fullwidth crm
            "crm-loo%E2%84%AAup", // KELVIN SIGN, which Unicode lower-cases to k
            "crm%2Flookup", "%2Fcrm", "crm%20lookup" })
    void invalidKeyIsRejectedOnEveryRoute(String key) {
        String path = skills.path(key);

        assertError(api.get(path).token(skills.token()).send(), 400, "invalid_skill_key");
        assertError(api.put(path).token(skills.token()).json(Json.skill()).send(), 400, "invalid_skill_key");
        assertError(api.put(path + "/runtime").token(skills.token()).json(Json.runtime()).send(), 400,
                "invalid_skill_key");
        assertError(api.get(path + "/runtime").token(skills.token()).send(), 400, "invalid_skill_key");
        assertError(api.post(path + "/publish").token(skills.token()).send(), 400, "invalid_skill_key");
        assertError(api.get(path + "/versions").token(skills.token()).send(), 400, "invalid_skill_key");
        assertError(api.delete(path).token(skills.token()).send(), 400, "invalid_skill_key");
    }

    @Test
    void rejectedKeysLeaveNothingBehind() {
        SkillApi own = new SkillApi(api, world.creator());

        assertError(own.put("crm_lookup", Json.skill()), 400, "invalid_skill_key");
        assertError(own.put("crm%E2%80%90lookup", Json.skill()), 400, "invalid_skill_key");

        assertThat(own.getList().json().get("skills").size()).isZero();
    }

}
