package com.tenx.skills.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import org.junit.jupiter.api.Test;

/**
 * Roles and features are read on every request: a change reaches the very next call made
 * with a token issued before it.
 */
class RevocationApiTest extends ApiTest {

    private static String skills(World.Member member) {
        return "/v2/handles/" + member.handle() + "/skills";
    }

    private Reply putSkill(World.Member member) {
        return api.put(skills(member) + "/crm-lookup").token(member.token()).json(Json.skill()).send();
    }

    private static void assertForbidden(Reply reply, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.error()).isEqualTo(code);
    }

    @Test
    void removedMemberIsRefusedOnTheNextCall() {
        World.Member creator = world.creator();
        assertThat(api.get(skills(creator)).token(creator.token()).send().status()).isEqualTo(200);

        Reply removed = api.delete("/v2/handles/" + creator.handle() + "/members/" + creator.user().id())
            .token(world.adminToken())
            .send();

        assertThat(removed.status()).isEqualTo(204);
        assertForbidden(api.get(skills(creator)).token(creator.token()).send(), "insufficient_role");
        assertForbidden(putSkill(creator), "insufficient_role");
        assertThat(api.get("/v2/handles").token(creator.token()).send().json().path("handles").size()).isZero();
    }

    @Test
    void removedFeatureLocksTheNextWrite() {
        World.Member creator = world.creator();
        assertThat(putSkill(creator).status()).isEqualTo(201);

        Reply downgraded = api.put("/v2/platform-admin/tenants/" + creator.tenantId())
            .token(world.adminToken())
            .json(Json.object().put("plan", "free").set("features", Json.array()))
            .send();

        assertThat(downgraded.status()).isEqualTo(200);
        assertForbidden(putSkill(creator), "feature_locked");
        assertThat(api.get(skills(creator) + "/crm-lookup").token(creator.token()).send().status()).isEqualTo(200);
        assertThat(api.get("/v2/handles")
            .token(creator.token())
            .send()
            .json()
            .path("handles")
            .get(0)
            .path("features")
            .size()).isZero();
    }

    @Test
    void downgradeToViewerIsRefusedOnTheNextCall() {
        World.Member creator = world.creator();
        assertThat(putSkill(creator).status()).isEqualTo(201);

        world.grant(creator.handle(), creator.user().id(), "VIEWER");

        assertForbidden(api.get(skills(creator)).token(creator.token()).send(), "insufficient_role");
        assertForbidden(putSkill(creator), "insufficient_role");
        assertThat(api.get("/v2/handles")
            .token(creator.token())
            .send()
            .json()
            .path("handles")
            .get(0)
            .path("role")
            .asString()).isEqualTo("VIEWER");
    }

    @Test
    void handleMovedToATenantWithoutTheFeatureIsLocked() {
        World.Member creator = world.creator();
        String free = world.tenant();

        api.put("/v2/platform-admin/handles/" + creator.handle())
            .token(world.adminToken())
            .json(Json.object().put("tenantId", free))
            .send();

        assertForbidden(putSkill(creator), "feature_locked");
    }

}
