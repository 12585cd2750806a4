package com.tenx.skills.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Concurrently;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.Rows;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.World;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Many writes to one skill at the same moment, half of them through a second server
 * instance on the same database. The handle's row lock orders them; the answers and the
 * stored rows must show exactly one effect per write, in one order.
 */
class ConcurrentWritesTest extends ApiTest {

    private static final int WRITERS = 32;

    @RegisterExtension
    static final SecondServer second = new SecondServer();

    private World.Member creator;

    private long handleId;

    private String skills;

    @BeforeEach
    void handle() {
        creator = world.creator();
        handleId = Rows.handleId(creator.handle());
        skills = "/v2/handles/" + creator.handle() + "/skills";
    }

    @Test
    void concurrentPutsOfANewKeyCreateItExactlyOnce() {
        List<Reply> replies = Concurrently.run(WRITERS,
                i -> through(i).put(skills + "/race-key")
                    .token(creator.token())
                    .header("X-Request-Id", "create-race-" + i)
                    .json(Json.skill().put("description", "writer " + i))
                    .send());

        assertThat(replies).extracting(Reply::status).allMatch(status -> status == 200 || status == 201, "200 or 201");
        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(1);
        assertThat(Rows.count("SELECT count(*) FROM skills WHERE handle_id = ? AND skill_key = 'race-key'", handleId))
            .isEqualTo(1);
        List<Object> requestIds = Rows.column("""
                SELECT request_id FROM audit_entries
                WHERE handle_id = ? AND skill_key = 'race-key' AND action = 'skill.put' ORDER BY id""", handleId);
        assertThat(requestIds).hasSize(WRITERS).doesNotHaveDuplicates();
        String lastWriter = ((String) requestIds.get(WRITERS - 1)).substring("create-race-".length());
        assertThat(get("race-key").json().get("description").asString()).isEqualTo("writer " + lastWriter);
    }

    @Test
    void concurrentPutsWithTheSameIfMatchLetExactlyOneThrough() {
        create("guarded");
        String etag = get("guarded").header("ETag");

        List<Reply> replies = Concurrently.run(WRITERS,
                i -> through(i).put(skills + "/guarded")
                    .token(creator.token())
                    .header("If-Match", etag)
                    .json(Json.skill().put("description", "writer " + i))
                    .send());

        assertThat(replies).filteredOn(reply -> reply.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() != 200)
            .hasSize(WRITERS - 1)
            .allSatisfy(reply -> assertThat(reply.error()).isEqualTo("precondition_failed"));
        assertThat(Rows.count("SELECT count(*) FROM audit_entries WHERE handle_id = ? AND skill_key = 'guarded'"
                + " AND action = 'skill.put'", handleId))
            .isEqualTo(2);
    }

    @Test
    void concurrentPublishesThroughTwoInstancesGetDistinctIncreasingVersions() {
        create("race-publish");

        List<Reply> replies = Concurrently.run(WRITERS,
                i -> through(i).post(skills + "/race-publish/publish").token(creator.token()).send());

        assertThat(replies).extracting(Reply::status).containsOnly(200);
        List<String> answered = replies.stream().map(reply -> reply.json().get("version").asString()).toList();
        assertThat(answered).doesNotHaveDuplicates().allMatch(version -> version.matches("v[0-9]{13}"));

        List<Object> stored = Rows.column("""
                SELECT v.version FROM skill_versions v JOIN skills s ON s.id = v.skill_id
                WHERE s.handle_id = ? AND s.skill_key = 'race-publish' ORDER BY v.id""", handleId);
        assertThat(stored).hasSize(WRITERS).containsExactlyInAnyOrderElementsOf(answered);
        assertThat(millisOf(stored)).isSorted().doesNotHaveDuplicates();
        List<Object> publishedAt = Rows.column("""
                SELECT v.published_at FROM skill_versions v JOIN skills s ON s.id = v.skill_id
                WHERE s.handle_id = ? AND s.skill_key = 'race-publish' ORDER BY v.id""", handleId);
        assertThat(publishedAt.stream().map(at -> "v" + ((Instant) at).toEpochMilli()).toList()).isEqualTo(stored);

        List<Object> audited = Rows.column("""
                SELECT version FROM audit_entries
                WHERE handle_id = ? AND skill_key = 'race-publish' AND action = 'skill.publish' ORDER BY id""",
                handleId);
        assertThat(audited).isEqualTo(stored);
        assertThat(get("race-publish").json().get("publishedVersion").asString()).isEqualTo(stored.get(WRITERS - 1));
    }

    @Test
    void concurrentWritesThroughTwoInstancesGetStrictlyIncreasingUpdatedAt() {
        create("race-writes");

        List<Reply> replies = Concurrently.run(WRITERS,
                i -> i % 2 == 0
                        ? through(i / 2).put(skills + "/race-writes")
                            .token(creator.token())
                            .json(Json.skill().put("description", "edit " + i))
                            .send()
                        : through(i / 2).put(skills + "/race-writes/runtime")
                            .token(creator.token())
                            .json(Json.runtime().put("cpu", 256 + i))
                            .send());

        assertThat(replies).extracting(Reply::status).containsOnly(200);
        List<Instant> times = Rows.column("""
                SELECT at FROM audit_entries WHERE handle_id = ? AND skill_key = 'race-writes' ORDER BY id""", handleId)
            .stream()
            .map(Instant.class::cast)
            .toList();
        assertThat(times).hasSize(WRITERS + 2);
        assertThat(new HashSet<>(times)).hasSameSizeAs(times);
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).as("write %d after write %d", i, i - 1).isAfter(times.get(i - 1));
        }
        Instant last = times.get(times.size() - 1);
        assertThat(Instant.parse(get("race-writes").json().get("updatedAt").asString())).isEqualTo(last);
        assertThat(Rows.column("SELECT updated_at FROM skills WHERE handle_id = ? AND skill_key = 'race-writes'",
                handleId))
            .containsExactly(last);
        assertThat(Rows.column("SELECT change_seq FROM handles WHERE id = ?", handleId))
            .isEqualTo(Rows.column("SELECT change_seq FROM skills WHERE handle_id = ?", handleId));
    }

    @Test
    void concurrentCreatesAndDeletesLeaveTheSkillOrItsTombstoneNeverBoth() {
        String cursor = api.get(skills).token(creator.token()).send().json().get("cursor").asString();

        List<Reply> replies = Concurrently.run(WRITERS,
                i -> i % 2 == 0
                        ? through(i / 2).put(skills + "/flicker").token(creator.token()).json(Json.skill()).send()
                        : through(i / 2).delete(skills + "/flicker").token(creator.token()).send());

        assertThat(replies).extracting(Reply::status)
            .allMatch(status -> status == 200 || status == 201 || status == 204, "200, 201 or 204");
        long created = replies.stream().filter(reply -> reply.status() == 201).count();
        long deletions = Rows
            .count("""
                    SELECT count(*) FROM audit_entries WHERE handle_id = ? AND skill_key = 'flicker' AND action = 'skill.delete'""",
                    handleId);
        long rows = Rows.count("SELECT count(*) FROM skills WHERE handle_id = ? AND skill_key = 'flicker'", handleId);
        long tombstones = Rows
            .count("SELECT count(*) FROM skill_tombstones WHERE handle_id = ? AND skill_key = 'flicker'", handleId);
        assertThat(rows + tombstones).isEqualTo(1);
        assertThat(created - deletions).isEqualTo(rows);
        assertThat(api.get(skills + "/flicker").token(creator.token()).send().status())
            .isEqualTo(rows == 1 ? 200 : 404);

        JsonNode changes = api.get(skills + "?since=" + cursor).token(creator.token()).send().json();
        assertThat(changes.get("skills").size()).isEqualTo(rows);
        assertThat(changes.get("deleted").size()).isEqualTo(tombstones);
    }

    @Test
    void writesOneAfterAnotherAlwaysMoveUpdatedAtForward() {
        create("quick-writes");
        Instant previous = Instant.parse(get("quick-writes").json().get("updatedAt").asString());
        for (int i = 0; i < 20; i++) {
            Reply write = i % 2 == 0
                    ? through(i).put(skills + "/quick-writes").token(creator.token()).json(Json.skill()).send()
                    : through(i).put(skills + "/quick-writes/runtime")
                        .token(creator.token())
                        .json(Json.runtime())
                        .send();
            assertThat(write.status()).isEqualTo(200);
            Instant updatedAt = Instant.parse(get("quick-writes").json().get("updatedAt").asString());
            assertThat(updatedAt).as("updatedAt after write %d", i).isAfter(previous);
            previous = updatedAt;
        }
    }

    /** Call {@code i} goes to the first instance when even, the second when odd. */
    private Api through(int i) {
        return i % 2 == 0 ? api : second.api();
    }

    private void create(String key) {
        assertThat(api.put(skills + "/" + key).token(creator.token()).json(Json.skill()).send().status())
            .isEqualTo(201);
        assertThat(api.put(skills + "/" + key + "/runtime").token(creator.token()).json(Json.runtime()).send().status())
            .isEqualTo(200);
    }

    private Reply get(String key) {
        Reply reply = api.get(skills + "/" + key).token(creator.token()).send();
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    private static List<Long> millisOf(List<Object> versions) {
        return versions.stream().map(version -> Long.parseLong(((String) version).substring(1))).toList();
    }

}
