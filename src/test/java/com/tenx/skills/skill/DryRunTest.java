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
 * {@code ?dryRun=true}: every check, the answer the write would give, and no trace at
 * all.
 */
class DryRunTest extends ApiTest {

    private SkillApi skills;

    @BeforeEach
    void admin() {
        skills = new SkillApi(api, world.member("ADMIN", "growth_tools"));
    }

    private Reply dryPut(String key, JsonNode body) {
        return api.put(skills.path(key) + "?dryRun=true").token(skills.token()).json(body).send();
    }

    private Reply dryRuntime(String key, JsonNode body) {
        return api.put(skills.path(key) + "/runtime?dryRun=true").token(skills.token()).json(body).send();
    }

    private JsonNode auditEntries() {
        Reply audit = api.get("/v2/handles/" + skills.member().handle() + "/audit").token(skills.token()).send();
        assertThat(audit.status()).isEqualTo(200);
        return audit.json().get("entries");
    }

    @Test
    void dryRunCreateAnswers201AndCreatesNothing() {
        String listTag = skills.listEtag();
        int audited = auditEntries().size();

        Reply reply = dryPut("CRM-Lookup", Json.skill());

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json())
            .isEqualTo(Json.parse("{\"ok\":true,\"skillKey\":\"crm-lookup\",\"status\":\"DRAFT\",\"dryRun\":true}"));
        assertError(skills.get("crm-lookup"), 404, "skill_not_found");
        assertThat(skills.listEtag()).isEqualTo(listTag);
        assertThat(auditEntries().size()).isEqualTo(audited);
    }

    @Test
    void dryRunUpdateAnswers200AndChangesNothing() {
        skills.put("crm-lookup", Json.skill());
        JsonNode before = skills.skill("crm-lookup");
        String skillTag = skills.etag("crm-lookup");
        String listTag = skills.listEtag();
        int audited = auditEntries().size();

        Reply reply = dryPut("crm-lookup", Json.skill().put("displayName", "Not stored").put("status", "DISABLED"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json())
            .isEqualTo(Json.parse("{\"ok\":true,\"skillKey\":\"crm-lookup\",\"status\":\"DISABLED\",\"dryRun\":true}"));
        assertThat(skills.skill("crm-lookup")).isEqualTo(before);
        assertThat(skills.etag("crm-lookup")).isEqualTo(skillTag);
        assertThat(skills.listEtag()).isEqualTo(listTag);
        assertThat(auditEntries().size()).isEqualTo(audited);
    }

    @Test
    void dryRunRuntimeAnswersTheRuntimeAndStoresNothing() {
        skills.put("crm-lookup", Json.skill());
        JsonNode before = skills.skill("crm-lookup");
        String listTag = skills.listEtag();
        int audited = auditEntries().size();

        Reply reply = dryRuntime("crm-lookup", Json.runtime());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("dryRun").asBoolean()).isTrue();
        assertThat(reply.json().get("ok").asBoolean()).isTrue();
        assertThat(reply.json().get("runtime")).isEqualTo(Json.parse("""
                {"handle":"%s","skillKey":"crm-lookup","imageRef":"catalog/node:20",
                 "command":["node","server.js"],"args":[],"cpu":512,"memory":1024,"idleTimeoutSec":900,
                 "maxSessionSec":3600}""".formatted(skills.member().handle())));
        assertError(skills.getRuntime("crm-lookup"), 404, "runtime_not_found");
        assertThat(skills.skill("crm-lookup")).isEqualTo(before);
        assertThat(skills.listEtag()).isEqualTo(listTag);
        assertThat(auditEntries().size()).isEqualTo(audited);
    }

    @Test
    void dryRunRuntimeReplacingOneLeavesTheStoredOne() {
        skills.createReady("crm-lookup");
        JsonNode runtime = skills.getRuntime("crm-lookup").json();
        String updatedAt = skills.skill("crm-lookup").get("updatedAt").asString();

        Reply reply = dryRuntime("crm-lookup", Json.runtime().put("imageRef", "catalog/python:3"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("runtime").get("imageRef").asString()).isEqualTo("catalog/python:3");
        assertThat(skills.getRuntime("crm-lookup").json()).isEqualTo(runtime);
        assertThat(skills.skill("crm-lookup").get("updatedAt").asString()).isEqualTo(updatedAt);
    }

    @Test
    void dryRunStillValidates() {
        skills.put("crm-lookup", Json.skill());

        assertError(dryPut("crm-lookup", Json.skill().put("status", "PUBLISHED")), 400, "invalid_status");
        assertError(dryPut("crm_lookup", Json.skill()), 400, "invalid_skill_key");
        assertError(dryPut("crm-lookup", Json.object()), 400, "invalid_request");
        assertError(dryRuntime("crm-lookup", Json.runtime().put("imageRef", "node:20")), 400, "invalid_image_ref");
        assertError(dryRuntime("crm-lookup", Json.runtime().put("memory", 1)), 400, "invalid_runtime");
    }

    @Test
    void dryRunRuntimeOnAMissingSkillIs404() {
        assertError(dryRuntime("missing", Json.runtime()), 404, "skill_not_found");
    }

    @Test
    void dryRunChecksPreconditions() {
        skills.put("crm-lookup", Json.skill());

        assertError(api.put(skills.path("crm-lookup") + "?dryRun=true")
            .token(skills.token())
            .header("If-None-Match", "*")
            .json(Json.skill())
            .send(), 412, "precondition_failed");
        assertError(api.put(skills.path("crm-lookup") + "?dryRun=true")
            .token(skills.token())
            .header("If-Match", "\"0\"")
            .json(Json.skill())
            .send(), 412, "precondition_failed");
    }

    @Test
    void dryRunNeedsTheFeature() {
        SkillApi locked = new SkillApi(api, world.member("CREATOR"));

        assertError(api.put(locked.path("crm-lookup") + "?dryRun=true").token(locked.token()).json(Json.skill()).send(),
                403, "feature_locked");
    }

    @Test
    void dryRunPublishAnswersTheNextVersionAndPublishesNothing() {
        skills.put("crm-lookup", Json.skill());
        skills.putRuntime("crm-lookup", Json.runtime());
        JsonNode before = skills.skill("crm-lookup");
        int audited = auditEntries().size();

        Reply reply = api.post(skills.path("crm-lookup") + "/publish?dryRun=true").token(skills.token()).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("dryRun").asBoolean()).isTrue();
        String previewed = reply.json().get("version").asString();
        assertThat(previewed).matches("v[0-9]{13}");
        assertThat(skills.skill("crm-lookup")).isEqualTo(before);
        assertThat(auditEntries().size()).isEqualTo(audited);
        Reply versions = api.get(skills.path("crm-lookup") + "/versions").token(skills.token()).send();
        assertThat(versions.json().get("versions").size()).isZero();
        String published = skills.publish("crm-lookup").json().get("version").asString();
        assertThat(Long.parseLong(published.substring(1)))
            .isGreaterThanOrEqualTo(Long.parseLong(previewed.substring(1)));
    }

    @Test
    void dryRunPublishStillNeedsTheRuntime() {
        skills.put("crm-lookup", Json.skill());

        Reply reply = api.post(skills.path("crm-lookup") + "/publish?dryRun=true").token(skills.token()).send();

        assertError(reply, 400, "runtime_not_configured");
    }

    @Test
    void dryRunDeleteAnswers204AndKeepsTheSkill() {
        skills.put("crm-lookup", Json.skill());
        JsonNode before = skills.skill("crm-lookup");
        int audited = auditEntries().size();

        Reply reply = api.delete(skills.path("crm-lookup") + "?dryRun=true").token(skills.token()).send();

        assertThat(reply.status()).isEqualTo(204);
        assertThat(skills.skill("crm-lookup")).isEqualTo(before);
        assertThat(auditEntries().size()).isEqualTo(audited);
    }

}
