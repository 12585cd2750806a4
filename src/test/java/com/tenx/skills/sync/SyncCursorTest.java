package com.tenx.skills.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.Rows;
import com.tenx.skills.support.World;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET .../skills?since=<cursor>}: exactly the changes after the cursor, and which
 * cursors are refused.
 */
class SyncCursorTest extends ApiTest {

    private World.Member creator;

    private HandleSkills skills;

    @BeforeEach
    void handle() {
        creator = world.creator();
        skills = new HandleSkills(api, creator);
    }

    @Test
    void fullListAnswersACursor() {
        skills.create("alpha");

        JsonNode list = skills.list(null, null);

        assertThat(list.get("cursor").asString()).isNotBlank();
        assertThat(list.has("deleted")).isFalse();
        assertThat(list.has("nextCursor")).isFalse();
    }

    @Test
    void cursorOfAnEmptyHandleAnswersItsFirstSkill() {
        JsonNode empty = skills.list(null, null);
        assertThat(empty.get("skills").size()).isZero();

        skills.create("first");
        JsonNode changes = skills.list(empty.get("cursor").asString(), null);

        assertThat(keys(changes.get("skills"))).containsExactly("first");
        assertThat(changes.get("deleted").size()).isZero();
    }

    @Test
    void sinceWithoutChangesIsEmpty() {
        skills.create("alpha", "beta");
        String cursor = skills.list(null, null).get("cursor").asString();

        JsonNode changes = skills.list(cursor, null);

        assertThat(changes.get("skills").size()).isZero();
        assertThat(changes.get("deleted").size()).isZero();
        assertThat(skills.list(changes.get("cursor").asString(), null).get("skills").size()).isZero();
    }

    @Test
    void sinceAnswersExactlyTheCreatedUpdatedAndDeletedSkills() {
        skills.create("alpha", "beta", "gamma");
        String cursor = skills.list(null, null).get("cursor").asString();

        assertThat(skills.put("beta", "edited").status()).isEqualTo(200);
        skills.create("delta");
        assertThat(skills.delete("gamma").status()).isEqualTo(204);
        JsonNode changes = skills.list(cursor, null);

        assertThat(keys(changes.get("skills"))).containsExactly("beta", "delta");
        assertThat(changes.get("skills").get(0)).isEqualTo(skills.one("beta"));
        assertThat(changes.get("skills").get(1)).isEqualTo(skills.one("delta"));
        assertThat(changes.get("deleted").size()).isEqualTo(1);
        JsonNode deleted = changes.get("deleted").get(0);
        assertThat(fieldNames(deleted)).containsExactly("skillKey", "deletedAt");
        assertThat(deleted.get("skillKey").asString()).isEqualTo("gamma");
        assertThat(deleted.get("deletedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")
            .isGreaterThan(changes.get("skills").get(1).get("updatedAt").asString());

        JsonNode after = skills.list(changes.get("cursor").asString(), null);
        assertThat(after.get("skills").size()).isZero();
        assertThat(after.get("deleted").size()).isZero();
    }

    @Test
    void runtimeAndPublishAreChangesToo() {
        skills.create("alpha", "beta");
        String cursor = skills.list(null, null).get("cursor").asString();

        assertThat(skills.putRuntime("alpha").status()).isEqualTo(200);
        JsonNode afterRuntime = skills.list(cursor, null);
        assertThat(keys(afterRuntime.get("skills"))).containsExactly("alpha");
        assertThat(afterRuntime.get("skills").get(0).get("runtimeStatus").asString()).isEqualTo("ready");

        assertThat(skills.publish("alpha").status()).isEqualTo(200);
        JsonNode afterPublish = skills.list(afterRuntime.get("cursor").asString(), null);
        assertThat(keys(afterPublish.get("skills"))).containsExactly("alpha");
        assertThat(afterPublish.get("skills").get(0).get("runtimeStatus").asString()).isEqualTo("published");
    }

    @Test
    void deleteThenRecreateAnswersTheSkillAndNoTombstone() {
        skills.create("alpha", "beta");
        String cursor = skills.list(null, null).get("cursor").asString();

        assertThat(skills.delete("alpha").status()).isEqualTo(204);
        assertThat(skills.put("alpha", "born again").status()).isEqualTo(201);
        JsonNode changes = skills.list(cursor, null);

        assertThat(keys(changes.get("skills"))).containsExactly("alpha");
        assertThat(changes.get("skills").get(0).get("description").asString()).isEqualTo("born again");
        assertThat(changes.get("deleted").size()).isZero();
    }

    @Test
    void deletingAMissingSkillIsNoChange() {
        skills.create("alpha");
        String cursor = skills.list(null, null).get("cursor").asString();

        assertThat(skills.delete("never-there").status()).isEqualTo(204);
        JsonNode changes = skills.list(cursor, null);

        assertThat(changes.get("skills").size()).isZero();
        assertThat(changes.get("deleted").size()).isZero();
    }

    @Test
    void dryRunIsNoChange() {
        skills.create("alpha");
        String cursor = skills.list(null, null).get("cursor").asString();

        Reply dryRun = api.put("/v2/handles/" + creator.handle() + "/skills/alpha?dryRun=true")
            .token(creator.token())
            .json(Json.skill().put("description", "not really"))
            .send();
        assertThat(dryRun.status()).isEqualTo(200);

        assertThat(skills.list(cursor, null).get("skills").size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "!!!", "%20", "Y1.1.1", "junk-but-long-enough-to-decode" })
    void malformedCursorIs400(String cursor) {
        skills.create("alpha");

        Reply reply = skills.list("?since=" + cursor);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("invalid_cursor");
    }

    @Test
    void base64OfJunkIs400() {
        for (String junk : List.of("junk", "c1.x.y", "c1.1", "c2.1.1", "c1.1.1.UPPER", "{\"seq\":1}")) {
            String cursor = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(junk.getBytes(StandardCharsets.UTF_8));
            Reply reply = skills.list("?since=" + cursor);
            assertThat(reply.status()).as(junk).isEqualTo(400);
            assertThat(reply.error()).as(junk).isEqualTo("invalid_cursor");
        }
    }

    @Test
    void cursorOfAnotherHandleIs410() {
        HandleSkills other = new HandleSkills(api, world.creator());
        other.create("alpha");
        String foreign = other.list(null, null).get("cursor").asString();
        skills.create("alpha");

        Reply reply = skills.list("?since=" + foreign);

        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.error()).isEqualTo("cursor_expired");
    }

    /**
     * A cursor ahead of the handle, as after the database was restored from an older
     * backup.
     */
    @Test
    void cursorFromTheFutureIs410() {
        skills.create("alpha", "beta");
        String cursor = skills.list(null, null).get("cursor").asString();
        Rows.update("UPDATE handles SET change_seq = 1 WHERE id = ?", Rows.handleId(creator.handle()));

        Reply reply = skills.list("?since=" + cursor);

        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.error()).isEqualTo("cursor_expired");
    }

    @Test
    void cursorOlderThanTheExpiredChangesIs410() {
        skills.create("alpha");
        String old = skills.list(null, null).get("cursor").asString();
        skills.create("beta");
        String current = skills.list(null, null).get("cursor").asString();
        long seq = (Long) Rows.column("SELECT change_seq FROM handles WHERE id = ?", Rows.handleId(creator.handle()))
            .get(0);
        Rows.update("UPDATE handles SET expired_seq = ? WHERE id = ?", seq, Rows.handleId(creator.handle()));

        Reply expired = skills.list("?since=" + old);

        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.error()).isEqualTo("cursor_expired");
        assertThat(skills.list("?since=" + current).status()).isEqualTo(200);
    }

    private static List<String> keys(JsonNode items) {
        List<String> keys = new ArrayList<>();
        items.forEach(item -> keys.add(item.get("skillKey").asString()));
        return keys;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

}
