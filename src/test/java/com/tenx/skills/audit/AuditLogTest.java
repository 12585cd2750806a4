package com.tenx.skills.audit;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import com.tenx.skills.support.World;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The handle's audit log: one entry per successful write, newest first, for ADMIN and
 * OWNER only.
 */
class AuditLogTest extends ApiTest {

    private World.Member admin;

    private SkillApi skills;

    @BeforeEach
    void admin() {
        admin = world.member("ADMIN", "growth_tools");
        skills = new SkillApi(api, admin);
    }

    private Reply audit(String token, String query) {
        return api.get("/v2/handles/" + admin.handle() + "/audit" + query).token(token).send();
    }

    private JsonNode entries() {
        Reply reply = audit(admin.token(), "");
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().get("entries");
    }

    private Reply withRequestId(String id, com.tenx.skills.support.Api.Call call) {
        return call.token(admin.token()).header("X-Request-Id", id).send();
    }

    @Test
    void everyWriteIsRecordedNewestFirstWithActorAndRequestId() {
        World.User colleague = world.user();
        withRequestId("req-put-1", api.put(skills.path("CRM-Lookup")).json(Json.skill()));
        withRequestId("req-runtime-2", api.put(skills.path("crm-lookup") + "/runtime").json(Json.runtime()));
        String version = withRequestId("req-publish-3", api.post(skills.path("crm-lookup") + "/publish")).json()
            .get("version")
            .asString();
        withRequestId("req-member-4", api.put("/v2/handles/" + admin.handle() + "/members/" + colleague.id())
            .json(Json.object().put("role", "CREATOR")));
        withRequestId("req-unmember-5", api.delete("/v2/handles/" + admin.handle() + "/members/" + colleague.id()));
        withRequestId("req-delete-6", api.delete(skills.path("crm-lookup")));

        JsonNode entries = entries();

        List<String> actions = new ArrayList<>();
        entries.valueStream().limit(6).forEach(entry -> actions.add(entry.get("action").asString()));
        assertThat(actions).containsExactly("skill.delete", "member.delete", "member.put", "skill.publish",
                "skill.runtime.put", "skill.put");
        List<String> requestIds = entries.valueStream().limit(6).map(e -> e.get("requestId").asString()).toList();
        assertThat(requestIds).containsExactly("req-delete-6", "req-unmember-5", "req-member-4", "req-publish-3",
                "req-runtime-2", "req-put-1");
        for (int i = 0; i < 6; i++) {
            JsonNode entry = entries.get(i);
            assertThat(entry.get("at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(entry.get("actor"))
                .isEqualTo(Json.object().put("userId", admin.user().id()).put("email", admin.user().email()));
        }
        assertThat(entries.get(0).get("skillKey").asString()).isEqualTo("crm-lookup");
        assertThat(entries.get(3).get("skillKey").asString()).isEqualTo("crm-lookup");
        assertThat(entries.get(3).get("version").asString()).isEqualTo(version);
        assertThat(entries.get(4).has("version")).isFalse();
        assertThat(entries.get(5).get("skillKey").asString()).isEqualTo("crm-lookup");
        assertThat(entries.get(2).has("skillKey")).isFalse();
    }

    @Test
    void generatedRequestIdIsTheOneRecorded() {
        Reply put = api.put(skills.path("crm-lookup"))
            .token(admin.token())
            .header("X-Request-Id", "not sane!")
            .json(Json.skill())
            .send();

        assertThat(put.header("X-Request-Id")).isNotEqualTo("not sane!");
        assertThat(entries().get(0).get("requestId").asString()).isEqualTo(put.header("X-Request-Id"));
    }

    @Test
    void adminOfAnotherHandleMayNotReadThisLog() {
        World.Member stranger = world.member("ADMIN", "growth_tools");

        assertError(audit(stranger.token(), ""), 403, "insufficient_role");
    }

    @Test
    void ownerMayReadTheAuditLog() {
        World.Member owner = world.member("OWNER", "growth_tools");
        new SkillApi(api, owner).put("crm-lookup", Json.skill());

        Reply reply = api.get("/v2/handles/" + owner.handle() + "/audit").token(owner.token()).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("entries").get(0).get("action").asString()).isEqualTo("skill.put");
    }

    @Test
    void creatorMayNotReadTheAuditLog() {
        World.Member creator = world.creator();

        Reply reply = api.get("/v2/handles/" + creator.handle() + "/audit").token(creator.token()).send();

        assertError(reply, 403, "insufficient_role");
    }

    @Test
    void failedWritesLeaveNoEntry() {
        skills.createReady("crm-lookup");
        int before = entries().size();
        String stale = "\"0\"";

        assertError(skills.put("crm-lookup", Json.skill().put("status", "PUBLISHED")), 400, "invalid_status");
        assertError(skills.put("crm_lookup", Json.skill()), 400, "invalid_skill_key");
        assertError(skills.putRuntime("crm-lookup", Json.runtime().put("cpu", 1)), 400, "invalid_runtime");
        assertError(skills.putRuntime("missing", Json.runtime()), 404, "skill_not_found");
        assertError(skills.publish("missing"), 404, "skill_not_found");
        assertError(skills.rollback("crm-lookup", "v1000000000000"), 404, "version_not_found");
        assertError(api.put(skills.path("crm-lookup"))
            .token(admin.token())
            .header("If-Match", stale)
            .json(Json.skill())
            .send(), 412, "precondition_failed");
        assertError(api.delete(skills.path("crm-lookup")).token(admin.token()).header("If-Match", stale).send(), 412,
                "precondition_failed");

        JsonNode after = entries();
        assertThat(after.size()).isEqualTo(before);
        assertThat(after.get(0).get("action").asString()).isEqualTo("skill.runtime.put");
    }

    @Test
    void deletingAMissingSkillRecordsNothing() {
        int before = entries().size();

        assertThat(skills.delete("never-was").status()).isEqualTo(204);

        assertThat(entries().size()).isEqualTo(before);
    }

    @Test
    void pagesFollowNextCursorWithoutOverlap() {
        for (int i = 0; i < 5; i++) {
            skills.put("skill-" + i, Json.skill());
        }
        int total = entries().size();
        List<String> seen = new ArrayList<>();
        Set<String> unique = new HashSet<>();

        Reply page = audit(admin.token(), "?limit=2");
        int pages = 0;
        while (true) {
            assertThat(page.status()).isEqualTo(200);
            JsonNode entries = page.json().get("entries");
            assertThat(entries.size()).isLessThanOrEqualTo(2);
            entries.valueStream().forEach(e -> {
                String id = e.get("action").asString() + "|" + e.path("skillKey").asString("") + "|" + e.get("at");
                seen.add(id);
                unique.add(id);
            });
            pages++;
            if (!page.json().has("nextCursor")) {
                break;
            }
            assertThat(entries.size()).isEqualTo(2);
            page = audit(admin.token(), "?limit=2&before=" + page.json().get("nextCursor").asString());
        }

        assertThat(seen).hasSize(total);
        assertThat(unique).hasSize(total);
        assertThat(pages).isEqualTo((total + 1) / 2);
        assertThat(seen.subList(0, 5)).extracting(s -> s.split("\\|")[1])
            .containsExactly("skill-4", "skill-3", "skill-2", "skill-1", "skill-0");
    }

    @Test
    void malformedBeforeCursorIs400() {
        assertThat(audit(admin.token(), "?before=not-a-cursor").status()).isEqualTo(400);
        assertError(audit(admin.token(), "?before=not-a-cursor"), 400, "invalid_cursor");
        assertError(audit(admin.token(), "?before=YTEueA"), 400, "invalid_cursor");
    }

    @Test
    void limitOutOfRangeIs400() {
        assertError(audit(admin.token(), "?limit=0"), 400, "invalid_request");
        assertError(audit(admin.token(), "?limit=501"), 400, "invalid_request");
        assertError(audit(admin.token(), "?limit=two"), 400, "invalid_request");
    }

}
