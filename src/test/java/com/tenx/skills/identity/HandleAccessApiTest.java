package com.tenx.skills.identity;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Who may use a handle's skill routes: role first, then the plan feature, then the key.
 */
class HandleAccessApiTest extends ApiTest {

    private static String skills(World.Member member) {
        return "/v2/handles/" + member.handle() + "/skills";
    }

    @Test
    void myHandlesListsMembershipsWithRoleAndFeatures() {
        World.Member creator = world.member("CREATOR", "growth_tools", "sso");
        String other = world.handle(world.tenant());
        world.grant(other, creator.user().id(), "VIEWER");
        world.handle(world.tenant());

        Reply reply = api.get("/v2/handles").token(creator.token()).send();

        assertThat(reply.status()).isEqualTo(200);
        String expected = """
                {"handles":[{"handle":"%s","role":"CREATOR","features":["growth_tools","sso"]},
                            {"handle":"%s","role":"VIEWER","features":[]}]}""";
        boolean creatorFirst = creator.handle().compareTo(other) < 0;
        assertThat(reply.json()).isEqualTo(Json.parse(creatorFirst ? expected.formatted(creator.handle(), other) : """
                {"handles":[{"handle":"%s","role":"VIEWER","features":[]},
                            {"handle":"%s","role":"CREATOR","features":["growth_tools","sso"]}]}""".formatted(other,
                creator.handle())));
    }

    @Test
    void userWithoutMembershipsHasAnEmptyList() {
        assertThat(api.get("/v2/handles").token(world.user().token()).send().json())
            .isEqualTo(Json.parse("{\"handles\":[]}"));
    }

    @Test
    void viewerIs403InsufficientRoleAndCreatorAdminOwnerMayList() {
        World.Member viewer = world.member("VIEWER", "growth_tools");

        assertError(api.get(skills(viewer)).token(viewer.token()).send(), 403, "insufficient_role");
        for (String role : new String[] { "CREATOR", "ADMIN", "OWNER" }) {
            World.User user = world.user();
            world.grant(viewer.handle(), user.id(), role);
            assertThat(api.get(skills(viewer)).token(user.token()).send().status()).as(role).isEqualTo(200);
        }
    }

    @Test
    void nonMemberAndNonexistentHandleAreTheSame403() {
        World.Member creator = world.creator();
        World.User stranger = world.user();

        Reply notMember = api.get(skills(creator)).token(stranger.token()).send();
        Reply noHandle = api.get("/v2/handles/" + World.unique("h") + "/skills").token(stranger.token()).send();

        assertError(notMember, 403, "insufficient_role");
        assertThat(noHandle.status()).isEqualTo(403);
        assertThat(noHandle.body()).isEqualTo(notMember.body());
    }

    @Test
    void handleBreakingTheKeyRuleIs403InsufficientRole() {
        String token = world.creator().token();

        for (String bad : new String[] { "bad_handle", "-h", "h--x", "x", "h%20x", "h" + "x".repeat(64) }) {
            assertError(api.get("/v2/handles/" + bad + "/skills").token(token).send(), 403, "insufficient_role");
        }
    }

    @Test
    void handleSegmentIsLowerCased() {
        World.Member creator = world.creator();

        assertThat(api.get("/v2/handles/" + creator.handle().toUpperCase(Locale.ROOT) + "/skills")
            .token(creator.token())
            .send()
            .status()).isEqualTo(200);
    }

    @Test
    void creatorWithoutGrowthToolsReadsAndDeletesButCannotWrite() {
        World.Member creator = world.member("CREATOR");

        assertThat(api.get(skills(creator)).token(creator.token()).send().status()).isEqualTo(200);
        assertError(api.put(skills(creator) + "/crm-lookup").token(creator.token()).json(Json.skill()).send(), 403,
                "feature_locked");
        assertError(api.put(skills(creator) + "/crm-lookup/runtime").token(creator.token()).json(Json.runtime()).send(),
                403, "feature_locked");
        assertError(api.post(skills(creator) + "/crm-lookup/publish").token(creator.token()).send(), 403,
                "feature_locked");
        assertThat(api.delete(skills(creator) + "/crm-lookup").token(creator.token()).send().status()).isEqualTo(204);
        assertThat(api.get(skills(creator)).token(creator.token()).send().json().path("skills").size()).isZero();
    }

    @Test
    void insufficientRoleBeatsFeatureLockedAndInvalidKey() {
        World.Member viewer = world.member("VIEWER");

        assertError(api.put(skills(viewer) + "/Bad_Key").token(viewer.token()).json("{broken").send(), 403,
                "insufficient_role");
    }

    @Test
    void featureLockedBeatsInvalidKeyAndBody() {
        World.Member creator = world.member("CREATOR");

        assertError(api.put(skills(creator) + "/Bad_Key").token(creator.token()).json("{broken").send(), 403,
                "feature_locked");
    }

    @Test
    void invalidKeyBeatsBodyValidation() {
        World.Member creator = world.creator();

        assertError(api.put(skills(creator) + "/bad_key").token(creator.token()).json(Json.object()).send(), 400,
                "invalid_skill_key");
        assertError(api.put(skills(creator) + "/bad_key").token(creator.token()).json("{broken").send(), 400,
                "invalid_skill_key");
    }

}
