package com.tenx.skills.token;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.AcrossInstances;
import com.tenx.skills.support.Api;
import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Pats;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances on one database: revoking a token, demoting or removing its creator, or
 * taking a feature from the tenant on one instance takes effect on the other within the
 * contract's 5 seconds ({@link AcrossInstances}): at once where nothing is remembered (a
 * token's validity), when the change's notification arrives where the access check is
 * remembered.
 */
class PatAcrossInstancesTest extends ApiTest {

    @RegisterExtension
    static final SecondServer second = new SecondServer();

    private Api other;

    private World.Member creator;

    private Pats.Pat pat;

    @BeforeEach
    void tokenUsedOnBothInstances() {
        other = second.api();
        creator = world.creator();
        pat = new Pats(api).create(creator, "skills.*");
        assertThat(put(api).status()).isEqualTo(201);
        assertThat(put(other).status()).isEqualTo(200);
    }

    private Reply put(Api server) {
        return server.put(Pats.skill(creator.handle(), "crm-lookup")).token(pat.token()).json(Json.skill()).send();
    }

    private Reply list(Api server) {
        return server.get(Pats.skills(creator.handle())).token(pat.token()).send();
    }

    @Test
    void aTokenRevokedOnOneInstanceIsRefusedOnTheOther() {
        assertThat(other.delete(Pats.tokensPath(creator.handle()) + "/" + pat.tokenId())
            .token(creator.token())
            .send()
            .status()).isEqualTo(204);

        assertError(list(api), 401, "invalid_token");
        assertError(list(other), 401, "invalid_token");
        assertError(put(other), 401, "invalid_token");
    }

    @Test
    void aDemotedCreatorsTokenLosesItsPowerOnEveryInstance() {
        world.grant(creator.handle(), creator.user().id(), "VIEWER");

        assertError(AcrossInstances.once(403, () -> list(other)), 403, "insufficient_role");
        assertError(put(other), 403, "insufficient_role");
        assertError(put(api), 403, "insufficient_role");

        world.grant(creator.handle(), creator.user().id(), "CREATOR");
        AcrossInstances.once(200, () -> put(other));
    }

    @Test
    void aRemovedCreatorsTokenLosesItsPowerOnEveryInstance() {
        assertThat(api.delete("/v2/handles/" + creator.handle() + "/members/" + creator.user().id())
            .token(world.adminToken())
            .send()
            .status()).isEqualTo(204);

        assertError(AcrossInstances.once(403, () -> list(other)), 403, "insufficient_role");
        assertError(put(other), 403, "insufficient_role");
    }

    @Test
    void aLostFeatureLocksTokenWritesOnEveryInstance() {
        assertThat(api.put("/v2/platform-admin/tenants/" + creator.tenantId())
            .token(world.adminToken())
            .json(Json.object().put("plan", "free").set("features", Json.array()))
            .send()
            .status()).isEqualTo(200);

        assertError(AcrossInstances.once(403, () -> put(other)), 403, "feature_locked");
        assertThat(list(other).status()).isEqualTo(200);
    }

}
