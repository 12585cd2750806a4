package com.tenx.skills.skill;

import static com.tenx.skills.support.Errors.assertError;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.SkillApi;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract's order of checks on skill routes, first failure wins: role, feature, key,
 * body, existence, then state rules.
 */
class CheckOrderTest extends ApiTest {

    private SkillApi skills;

    @BeforeEach
    void creator() {
        skills = new SkillApi(api, world.creator());
    }

    @Test
    void invalidKeyBeatsBodyValidation() {
        assertError(skills.put("crm_lookup", Json.skill().put("status", 5)), 400, "invalid_skill_key");
        assertError(skills.put("crm_lookup", Json.object()), 400, "invalid_skill_key");
        assertError(skills.putRuntime("crm_lookup", Json.runtime().put("imageRef", "node:20")), 400,
                "invalid_skill_key");
        assertError(skills.putRuntime("crm_lookup", Json.runtime().put("cpu", 1)), 400, "invalid_skill_key");
        assertError(api.post(skills.path("crm_lookup") + "/publish")
            .token(skills.token())
            .json(Json.object().put("fromVersion", "bad"))
            .send(), 400, "invalid_skill_key");
    }

    @Test
    void invalidKeyBeatsUnparsableOrNonJsonBodies() {
        byte[] broken = "{\"displayName\":".getBytes(StandardCharsets.UTF_8);

        assertError(api.put(skills.path("crm_lookup")).token(skills.token()).body(broken, "application/json").send(),
                400, "invalid_skill_key");
        assertError(api.put(skills.path("crm_lookup"))
            .token(skills.token())
            .body("hi".getBytes(StandardCharsets.UTF_8), "text/plain")
            .send(), 400, "invalid_skill_key");
    }

    @Test
    void bodyValidationBeatsSkillNotFound() {
        assertError(skills.putRuntime("missing", Json.runtime().put("imageRef", "node:20")), 400, "invalid_image_ref");
        assertError(skills.putRuntime("missing", Json.runtime().put("cpu", 1)), 400, "invalid_runtime");
        assertError(api.put(skills.path("missing") + "/runtime")
            .token(skills.token())
            .body("{".getBytes(StandardCharsets.UTF_8), "application/json")
            .send(), 400, "invalid_json");
        assertError(api.post(skills.path("missing") + "/publish")
            .token(skills.token())
            .json(Json.object().put("fromVersion", "bad"))
            .send(), 400, "invalid_request");
        assertError(skills.putRuntime("missing", Json.runtime()), 404, "skill_not_found");
    }

    @Test
    void skillNotFoundBeatsRuntimeNotConfiguredAndVersionNotFound() {
        assertError(skills.publish("missing"), 404, "skill_not_found");
        assertError(skills.rollback("missing", "v1770000000000"), 404, "skill_not_found");
    }

    @Test
    void roleBeatsFeatureKeyAndBody() {
        SkillApi viewer = new SkillApi(api, world.member("VIEWER", "growth_tools"));
        SkillApi lockedViewer = new SkillApi(api, world.member("VIEWER"));

        assertError(viewer.put("crm_lookup", Json.object()), 403, "insufficient_role");
        assertError(viewer.get("crm_lookup"), 403, "insufficient_role");
        assertError(lockedViewer.put("crm_lookup", Json.object()), 403, "insufficient_role");
        assertError(viewer.delete("crm_lookup"), 403, "insufficient_role");
    }

    @Test
    void featureBeatsKeyAndBody() {
        SkillApi locked = new SkillApi(api, world.member("CREATOR"));

        assertError(locked.put("crm_lookup", Json.object()), 403, "feature_locked");
        assertError(locked.putRuntime("crm_lookup", Json.object()), 403, "feature_locked");
        assertError(locked.publish("crm_lookup"), 403, "feature_locked");
        assertError(locked.delete("crm_lookup"), 400, "invalid_skill_key");
    }

}
