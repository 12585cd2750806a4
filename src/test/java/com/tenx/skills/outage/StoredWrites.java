package com.tenx.skills.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.outage.Traffic.Op;
import com.tenx.skills.outage.Traffic.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks, straight in the database, that an outage left no write half done: each write is
 * the skill change, its audit entry and one step of the handle's counter, all or nothing.
 * The audit entries, in order, are the handle's writes; the stored skills must be exactly
 * what the last of them wrote.
 */
final class StoredWrites {

    private record Entry(long seq, String requestId, String action, String key, String version, OffsetDateTime at) {
    }

    private StoredWrites() {
    }

    /**
     * Verifies the writes of {@code handle}; {@code sent} are all requests made to it.
     */
    static void verify(Connection db, String handle, List<Outcome> sent) throws SQLException {
        Map<String, Outcome> writes = new HashMap<>();
        sent.stream().filter(o -> o.op() != Op.LIST).forEach(o -> writes.put(o.requestId(), o));
        List<Entry> entries = entries(db, handle);

        // every entry is one request's write, at most once, and of the kind the request
        // asked for
        for (Entry entry : entries) {
            Outcome write = writes.get(entry.requestId());
            assertThat(write).as("the request behind audit entry %s", entry).isNotNull();
            assertThat(entry.action()).as("action of %s", write).isEqualTo(write.op().auditAction);
            assertThat(entry.key()).as("key of %s", write).isEqualTo(write.key());
        }
        assertThat(entries).extracting(Entry::requestId).doesNotHaveDuplicates();
        // no acknowledged write is missing (a 503 may have committed or not, never half)
        List<String> recorded = entries.stream().map(Entry::requestId).toList();
        writes.values()
            .stream()
            .filter(Outcome::succeeded)
            .forEach(write -> assertThat(recorded).as("audit entry of acknowledged %s", write)
                .contains(write.requestId()));

        System.out.printf("writes: %d acknowledged, %d answered 503 of which %d had committed%n",
                writes.values().stream().filter(Outcome::succeeded).count(),
                writes.values().stream().filter(w -> w.status() == 503).count(),
                writes.values().stream().filter(w -> w.status() == 503 && recorded.contains(w.requestId())).count());

        // the handle's counter and clock advanced once per write, exactly
        try (PreparedStatement query = db
            .prepareStatement("SELECT change_seq, clock_ms FROM handles WHERE handle = ?")) {
            query.setString(1, handle);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong("change_seq")).as("handle counter").isEqualTo(entries.size());
                assertThat(row.getLong("clock_ms")).as("handle clock")
                    .isEqualTo(entries.get(entries.size() - 1).at().toInstant().toEpochMilli());
            }
        }

        try (PreparedStatement query = db.prepareStatement("""
                SELECT s.skill_key, s.description, s.status, s.published_version, s.change_seq, s.updated_at,
                       r.args, r.updated_at AS runtime_at,
                       (SELECT count(*) FROM skill_versions v WHERE v.skill_id = s.id) AS versions
                FROM skills s JOIN handles h ON h.id = s.handle_id
                LEFT JOIN skill_runtimes r ON r.skill_id = s.id
                WHERE h.handle = ?""")) {
            query.setString(1, handle);
            try (ResultSet skill = query.executeQuery()) {
                while (skill.next()) {
                    verifySkill(skill, entries);
                }
            }
        }
    }

    private static void verifySkill(ResultSet skill, List<Entry> all) throws SQLException {
        String key = skill.getString("skill_key");
        List<Entry> entries = all.stream().filter(e -> key.equals(e.key())).toList();
        Entry last = entries.get(entries.size() - 1);
        assertThat(skill.getLong("change_seq")).as("change_seq of %s", key).isEqualTo(last.seq());
        assertThat(skill.getObject("updated_at", OffsetDateTime.class).toInstant()).as("updated_at of %s", key)
            .isEqualTo(last.at().toInstant());

        Entry put = lastOf(entries, e -> e.action().equals("skill.put"));
        assertThat(skill.getString("description")).as("description of %s", key).isEqualTo("rev " + put.requestId());
        Entry runtime = lastOf(entries, e -> e.action().equals("skill.runtime.put"));
        assertThat(skill.getString("args")).as("runtime of %s", key).contains(runtime.requestId());
        assertThat(skill.getObject("runtime_at", OffsetDateTime.class).toInstant()).as("runtime updated_at of %s", key)
            .isEqualTo(runtime.at().toInstant());

        List<Entry> publishes = entries.stream().filter(e -> e.action().equals("skill.publish")).toList();
        assertThat(skill.getLong("versions")).as("versions of %s", key).isEqualTo(publishes.size());
        Entry state = lastOf(entries, e -> !e.action().equals("skill.runtime.put"));
        assertThat(skill.getString("status")).as("status of %s", key)
            .isEqualTo(state.action().equals("skill.publish") ? "PUBLISHED" : "DRAFT");
        assertThat(skill.getString("published_version")).as("published version of %s", key)
            .isEqualTo(publishes.isEmpty() ? null : publishes.get(publishes.size() - 1).version());
    }

    private static Entry lastOf(List<Entry> entries, Predicate<Entry> which) {
        List<Entry> matching = entries.stream().filter(which).toList();
        assertThat(matching).isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    /** The handle's skill writes in commit order; the n-th took counter value n. */
    private static List<Entry> entries(Connection db, String handle) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("""
                SELECT a.request_id, a.action, a.skill_key, a.version, a.at
                FROM audit_entries a JOIN handles h ON h.id = a.handle_id
                WHERE h.handle = ? AND a.action LIKE 'skill.%'
                ORDER BY a.at, a.id""")) {
            query.setString(1, handle);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Entry entry = new Entry(entries.size() + 1, row.getString("request_id"), row.getString("action"),
                            row.getString("skill_key"), row.getString("version"),
                            row.getObject("at", OffsetDateTime.class));
                    if (!entries.isEmpty()) {
                        assertThat(entry.at()).as("stamp of %s", entry).isAfter(entries.get(entries.size() - 1).at());
                    }
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

}
