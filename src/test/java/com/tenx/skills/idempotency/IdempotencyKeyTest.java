package com.tenx.skills.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.Rows;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.SkillApi;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.World;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes retried with the same Idempotency-Key, on the same instance and on another one:
 * one write, the first answer again byte for byte, and the refusals of a reused or busy
 * key.
 */
class IdempotencyKeyTest extends ApiTest {

    @RegisterExtension
    static final SecondServer second = new SecondServer();

    private static String key() {
        return "retry-" + UUID.randomUUID();
    }

    private static Api.Call publish(Api via, SkillApi skills, String skillKey, String idempotencyKey) {
        return via.post(skills.path(skillKey) + "/publish")
            .token(skills.token())
            .header("Idempotency-Key", idempotencyKey);
    }

    @Test
    void aRetriedPublishMakesOneVersionOnAnyInstance() {
        SkillApi skills = new SkillApi(api, world.creator());
        skills.createReady("crm-lookup");
        String key = key();

        Reply first = publish(api, skills, "crm-lookup", key).send();
        Reply again = publish(api, skills, "crm-lookup", key).send();
        Reply elsewhere = publish(second.api(), skills, "crm-lookup", key).send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        for (Reply retry : new Reply[] { again, elsewhere }) {
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("Content-Type")).isEqualTo(first.header("Content-Type"));
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        }
        assertThat(skills.versions("crm-lookup").json().get("versions")).hasSize(1);
    }

    @Test
    void aReplayRepeatsTheFirstAnswerByteForByte() {
        SkillApi skills = new SkillApi(api, world.creator());
        String key = key();
        Reply created = api.put(skills.path("notes"))
            .token(skills.token())
            .header("Idempotency-Key", key)
            .json(Json.skill())
            .send();
        Reply replayed = second.api()
            .put(skills.path("notes"))
            .token(skills.token())
            .header("Idempotency-Key", key)
            .json(Json.skill())
            .send();

        assertThat(created.status()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.body()).isEqualTo(created.body());
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.header("X-Request-Id")).isNotEqualTo(created.header("X-Request-Id"));
        assertThat(Rows.count("SELECT count(*) FROM audit_entries WHERE action = 'skill.put' AND skill_key = 'notes'"
                + " AND handle_id = ?", Rows.handleId(skills.member().handle())))
            .isEqualTo(1);
    }

    @Test
    void aReplayedDeleteIsAnEmpty204() {
        SkillApi skills = new SkillApi(api, world.creator());
        skills.createReady("gone");
        String key = key();
        Reply first = api.delete(skills.path("gone")).token(skills.token()).header("Idempotency-Key", key).send();
        skills.createReady("gone");
        Reply retry = second.api()
            .delete(skills.path("gone"))
            .token(skills.token())
            .header("Idempotency-Key", key)
            .send();

        assertThat(first.status()).isEqualTo(204);
        assertThat(retry.status()).isEqualTo(204);
        assertThat(retry.body()).isEmpty();
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(skills.get("gone").status()).as("the retry deleted nothing").isEqualTo(200);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        SkillApi skills = new SkillApi(api, world.creator());
        String key = key();
        Reply first = api.put(skills.path("notes"))
            .token(skills.token())
            .header("Idempotency-Key", key)
            .json(Json.skill())
            .send();
        Reply other = second.api()
            .put(skills.path("notes"))
            .token(skills.token())
            .header("Idempotency-Key", key)
            .json(Json.skill().put("description", "something else"))
            .send();
        Reply otherPath = api.put(skills.path("other"))
            .token(skills.token())
            .header("Idempotency-Key", key)
            .json(Json.skill())
            .send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.error()).isEqualTo("idempotency_key_reused");
        assertThat(otherPath.status()).isEqualTo(422);
        assertThat(skills.skill("notes").get("description").asString())
            .isEqualTo(Json.skill().get("description").asString());
        assertThat(skills.get("other").status()).isEqualTo(404);
    }

    @Test
    void keysAreKeptPerCaller() {
        World.Member owner = world.creator();
        World.User colleague = world.user();
        world.grant(owner.handle(), colleague.id(), "CREATOR");
        SkillApi skills = new SkillApi(api, owner);
        skills.createReady("crm-lookup");
        String key = key();

        Reply mine = publish(api, skills, "crm-lookup", key).send();
        Reply theirs = api.post(skills.path("crm-lookup") + "/publish")
            .token(colleague.token())
            .header("Idempotency-Key", key)
            .send();

        assertThat(mine.status()).isEqualTo(200);
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(skills.versions("crm-lookup").json().get("versions")).hasSize(2);
    }

    @Test
    void aRetryWhileTheFirstStillRunsIs409() throws Exception {
        SkillApi skills = new SkillApi(api, world.creator());
        skills.createReady("crm-lookup");
        String key = key();
        CompletableFuture<Reply> first;
        try (Connection blocker = TestDatabase.get().connect()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker
                .prepareStatement("SELECT id FROM handles WHERE handle = ? FOR UPDATE")) {
                lock.setString(1, skills.member().handle());
                lock.executeQuery();
            }
            first = CompletableFuture.supplyAsync(() -> publish(api, skills, "crm-lookup", key).send());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (Rows.count("SELECT count(*) FROM idempotency_keys WHERE idem_key = ?", key) == 0
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            Reply busy = publish(second.api(), skills, "crm-lookup", key).send();
            Reply busyHere = publish(api, skills, "crm-lookup", key).send();
            assertThat(busy.status()).isEqualTo(409);
            assertThat(busy.error()).isEqualTo("idempotency_key_in_use");
            assertThat(busyHere.status()).isEqualTo(409);
            blocker.rollback();
        }
        Reply done = first.get(20, TimeUnit.SECONDS);
        Reply later = publish(second.api(), skills, "crm-lookup", key).send();

        assertThat(done.status()).isEqualTo(200);
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.body()).isEqualTo(done.body());
        assertThat(skills.versions("crm-lookup").json().get("versions")).hasSize(1);
    }

    @Test
    void aRefusalForAccessIsNotKeptSoTheRetryCanSucceed() {
        World.Member viewer = world.member("VIEWER", "growth_tools");
        String key = key();
        String path = "/v2/handles/" + viewer.handle() + "/skills/notes";
        Reply refused = api.put(path).token(viewer.token()).header("Idempotency-Key", key).json(Json.skill()).send();
        world.grant(viewer.handle(), viewer.user().id(), "CREATOR");
        Reply retried = api.put(path).token(viewer.token()).header("Idempotency-Key", key).json(Json.skill()).send();

        assertThat(refused.status()).isEqualTo(403);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aValidationFailureIsKeptAndReplayed() {
        SkillApi skills = new SkillApi(api, world.creator());
        String key = key();
        Reply first = api.put(skills.path("notes"))
            .token(skills.token())
            .header("Idempotency-Key", key)
            .json(Json.object().put("displayName", ""))
            .send();
        Reply retry = api.put(skills.path("notes"))
            .token(skills.token())
            .header("Idempotency-Key", key)
            .json(Json.object().put("displayName", ""))
            .send();

        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aMalformedKeyIs400() {
        SkillApi skills = new SkillApi(api, world.creator());
        Reply tooLong = api.put(skills.path("notes"))
            .token(skills.token())
            .header("Idempotency-Key", "k".repeat(256))
            .json(Json.skill())
            .send();

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.error()).isEqualTo("invalid_request");
        assertThat(tooLong.json().get("details").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(skills.get("notes").status()).isEqualTo(404);
    }

    @Test
    void writesWithoutAKeyAreUnchanged() {
        SkillApi skills = new SkillApi(api, world.creator());
        skills.createReady("crm-lookup");
        assertThat(skills.publish("crm-lookup").status()).isEqualTo(200);
        assertThat(skills.publish("crm-lookup").status()).isEqualTo(200);
        assertThat(skills.versions("crm-lookup").json().get("versions")).hasSize(2);
    }

}
