package com.tenx.skills.identity;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Pats;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v2/account/openanalyst/me}: the handles where the user may use OpenAnalyst,
 * read on every call.
 */
class OpenAnalystSessionTest extends ApiTest {

    private static final String ME = "/v2/account/openanalyst/me";

    @Test
    void anEntitledUserSeesTheEntitledHandlesWithWhetherTheyMayImport() {
        World.Member creator = world.member("CREATOR", "openanalyst", "growth_tools");
        World.Member viewerSide = world.member("OWNER", "openanalyst");
        world.grant(viewerSide.handle(), creator.user().id(), "VIEWER");
        World.Member plain = world.member("OWNER", "growth_tools");
        world.grant(plain.handle(), creator.user().id(), "ADMIN");

        Reply reply = api.get(ME).token(creator.token()).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(body.get("user"))
            .isEqualTo(Json.object().put("id", creator.user().id()).put("email", creator.user().email()));
        JsonNode handles = body.get("handles");
        assertThat(handles.size()).isEqualTo(2);
        JsonNode mine = find(handles, creator.handle());
        assertThat(mine.get("role").asString()).isEqualTo("CREATOR");
        assertThat(mine.get("canImport").asBoolean()).isTrue();
        assertThat(mine.get("features")).isEqualTo(Json.array().add("openanalyst").add("growth_tools"));
        JsonNode viewing = find(handles, viewerSide.handle());
        assertThat(viewing.get("role").asString()).isEqualTo("VIEWER");
        assertThat(viewing.get("canImport").asBoolean()).isFalse();
    }

    @Test
    void aUserWithoutTheEntitlementIsFeatureLocked() {
        World.Member member = world.member("OWNER", "growth_tools");

        assertError(api.get(ME).token(member.token()).send(), 403, "feature_locked");
        assertError(api.get(ME).token(world.user().token()).send(), 403, "feature_locked");
        assertError(api.get(ME).token(world.adminToken()).send(), 403, "feature_locked");
    }

    @Test
    void losingTheFeatureOrTheMembershipEndsTheEntitlementAtOnce() {
        World.Member member = world.member("CREATOR", "openanalyst");
        assertThat(api.get(ME).token(member.token()).send().status()).isEqualTo(200);

        api.put("/v2/platform-admin/tenants/" + member.tenantId())
            .token(world.adminToken())
            .json(Json.object().put("plan", "free").set("features", Json.array()))
            .send();

        assertError(api.get(ME).token(member.token()).send(), 403, "feature_locked");
    }

    @Test
    void onlyAControlPlaneTokenOpensTheSession() {
        World.Member member = world.member("CREATOR", "openanalyst", "growth_tools");
        Pats.Pat pat = new Pats(api).create(member, "skills.*");

        assertError(api.get(ME).send(), 401, "missing_bearer_token");
        assertError(api.get(ME).token(pat.token()).send(), 401, "invalid_token");
        assertError(api.get(ME).token("not-a-token").send(), 401, "invalid_token");
    }

    private static JsonNode find(JsonNode handles, String handle) {
        return handles.valueStream()
            .filter(h -> h.get("handle").asString().equals(handle))
            .findFirst()
            .orElseThrow(() -> new AssertionError(handle + " not in " + handles));
    }

}
