package com.tenx.skills.skill;

import com.tenx.skills.config.Deployment;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.InvalidInput;
import com.tenx.skills.identity.HandleChangeCounter;
import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.web.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads of a handle's skills: the list (full, paged or {@code ?since=}) and the runtime.
 * The handle's change counter is identity's, read through {@link HandleChangeCounter}. A
 * full list reads the counter and the skills in one read-only snapshot (REPEATABLE READ
 * on PostgreSQL; H2 gives a snapshot only at SERIALIZABLE), so the answer and its cursor
 * describe one committed state. A {@code ?since=} answer needs no snapshot: every
 * statement after the counter is bounded by it, so a change committed meanwhile is left
 * to the next call, never delivered twice.
 */
@Service
class SkillQueries {

    static final int MAX_LIMIT = 500;

    private static final String SKILL_COLUMNS = """
            SELECT s.skill_key, s.title, s.description, s.system_prompt, s.tools, s.status, s.published_version,
                   s.change_seq, s.updated_at, (r.skill_id IS NOT NULL) AS has_runtime
            FROM skills s LEFT JOIN skill_runtimes r ON r.skill_id = s.id
            """;

    private final JdbcClient jdbc;

    private final HandleChangeCounter counter;

    private final TransactionTemplate snapshot;

    private final TransactionTemplate readOnly;

    SkillQueries(JdbcClient jdbc, HandleChangeCounter counter, PlatformTransactionManager transactions,
            Deployment deployment) {
        this.jdbc = jdbc;
        this.counter = counter;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(deployment.embeddedDatabase() ? TransactionDefinition.ISOLATION_SERIALIZABLE
                : TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The list's ETag as of now, without reading the skills: enough to answer 304. */
    @Transactional(readOnly = true)
    String currentListEtag(HandleGrant grant, String since, Integer limit) {
        SyncCursor cursor = validated(grant, since, limit);
        HandleChangeCounter.Position position = counter.position(grant.handleId());
        if (cursor != null
                && (cursor.seq() > position.seq() || !cursor.isPage() && cursor.seq() < position.expiredSeq())) {
            throw new CursorExpired();
        }
        return listEtag(position.seq(), since, limit);
    }

    SkillList list(HandleGrant grant, String since, Integer limit) {
        SyncCursor cursor = validated(grant, since, limit);
        return cursor == null || cursor.isPage() ? snapshot.execute(status -> fullList(grant, cursor, since, limit))
                : readOnly.execute(status -> changesSince(grant, cursor.seq(), since, limit));
    }

    private static SyncCursor validated(HandleGrant grant, String since, Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw InvalidInput.field(ErrorCode.INVALID_REQUEST, "limit", "must be from 1 to " + MAX_LIMIT);
        }
        SyncCursor cursor = since == null ? null : SyncCursor.decode(since);
        if (cursor != null && cursor.handleId() != grant.handleId()) {
            throw new CursorExpired();
        }
        return cursor;
    }

    private SkillList fullList(HandleGrant grant, SyncCursor page, String since, Integer limit) {
        long seq = counter.position(grant.handleId()).seq();
        if (page != null && page.seq() > seq) {
            throw new CursorExpired();
        }
        long asOf = page == null ? seq : page.seq();
        List<SkillView> skills = jdbc.sql(SKILL_COLUMNS + """
                WHERE s.handle_id = :handle AND s.change_seq <= :upper AND s.skill_key > :after
                ORDER BY s.skill_key""" + (limit == null ? "" : " LIMIT " + (limit + 1)))
            .param("handle", grant.handleId())
            .param("upper", asOf)
            .param("after", page == null ? "" : page.afterKey())
            .query((rs, n) -> skill(rs))
            .list();
        if (limit != null && skills.size() > limit) {
            skills = skills.subList(0, limit);
            String next = SyncCursor.page(grant.handleId(), asOf, skills.get(limit - 1).skillKey()).encode();
            return new SkillList(skills, null, next, next, listEtag(seq, since, limit), seq);
        }
        return new SkillList(skills, null, SyncCursor.sync(grant.handleId(), asOf).encode(), null,
                listEtag(seq, since, limit), seq);
    }

    private SkillList changesSince(HandleGrant grant, long since, String sinceParam, Integer limit) {
        HandleChangeCounter.Position position = counter.position(grant.handleId());
        if (since > position.seq() || since < position.expiredSeq()) {
            throw new CursorExpired();
        }
        List<SkillView> skills = jdbc.sql(SKILL_COLUMNS + """
                WHERE s.handle_id = :handle AND s.change_seq > :since AND s.change_seq <= :upper
                ORDER BY s.change_seq""" + (limit == null ? "" : " LIMIT " + (limit + 1)))
            .param("handle", grant.handleId())
            .param("since", since)
            .param("upper", position.seq())
            .query((rs, n) -> skill(rs))
            .list();
        List<SkillList.Deleted> deleted = jdbc.sql("""
                SELECT skill_key, deleted_at, change_seq FROM skill_tombstones
                WHERE handle_id = :handle AND change_seq > :since AND change_seq <= :upper
                ORDER BY change_seq""" + (limit == null ? "" : " LIMIT " + (limit + 1)))
            .param("handle", grant.handleId())
            .param("since", since)
            .param("upper", position.seq())
            .query((rs, n) -> new SkillList.Deleted(rs.getString("skill_key"),
                    Timestamps.format(rs.getObject("deleted_at", OffsetDateTime.class).toInstant()),
                    rs.getLong("change_seq")))
            .list();
        if (since < counter.position(grant.handleId()).expiredSeq()) {
            throw new CursorExpired(); // deletions were forgotten while this answer was
                                       // being read
        }
        long upTo = position.seq();
        boolean more = false;
        if (limit != null && skills.size() + deleted.size() > limit) {
            // Keep the `limit` earliest changes of both kinds; the cursor resumes after
            // the last kept.
            List<Long> order = new ArrayList<>();
            skills.forEach(skill -> order.add(skill.changeSeq()));
            deleted.forEach(tombstone -> order.add(tombstone.changeSeq()));
            order.sort(Comparator.naturalOrder());
            long last = order.get(limit - 1);
            skills = skills.stream().filter(skill -> skill.changeSeq() <= last).toList();
            deleted = deleted.stream().filter(tombstone -> tombstone.changeSeq() <= last).toList();
            upTo = last;
            more = true;
        }
        List<SkillView> byKey = skills.stream().sorted(Comparator.comparing(SkillView::skillKey)).toList();
        String cursor = SyncCursor.sync(grant.handleId(), upTo).encode();
        return new SkillList(byKey, deleted, cursor, more ? cursor : null, listEtag(position.seq(), sinceParam, limit),
                position.seq());
    }

    @Transactional(readOnly = true)
    RuntimeView runtime(HandleGrant grant, String key) {
        List<RuntimeView> found = jdbc.sql("""
                SELECT s.id AS skill_id, r.* FROM skills s LEFT JOIN skill_runtimes r ON r.skill_id = s.id
                WHERE s.handle_id = :handle AND s.skill_key = :key""")
            .param("handle", grant.handleId())
            .param("key", key)
            .query((rs, n) -> rs.getString("image_ref") == null ? null
                    : RuntimeView.full(grant.handle(), key,
                            new RuntimeSpec(rs.getString("image_ref"), rs.getString("command"), rs.getString("args"),
                                    rs.getInt("cpu"), rs.getInt("memory"), rs.getInt("idle_timeout_sec"),
                                    rs.getInt("max_session_sec"), rs.getString("secrets_refs"),
                                    rs.getString("network_policy"), rs.getString("plan_gates"))))
            .list();
        if (found.isEmpty()) {
            throw new SkillNotFound();
        }
        if (found.get(0) == null) {
            throw new RuntimeNotFound();
        }
        return found.get(0);
    }

    private static SkillView skill(ResultSet rs) throws SQLException {
        SkillStatus status = SkillStatus.valueOf(rs.getString("status"));
        return new SkillView(rs.getString("skill_key"), rs.getString("title"), rs.getString("description"),
                rs.getString("system_prompt"), rs.getString("tools"),
                status.runtimeStatus(rs.getBoolean("has_runtime")),
                Timestamps.format(rs.getObject("updated_at", OffsetDateTime.class).toInstant()),
                rs.getString("published_version"), rs.getLong("change_seq"));
    }

    private static String listEtag(long seq, String since, Integer limit) {
        String variant = since == null && limit == null ? ""
                : "-" + Integer.toHexString((since + "|" + limit).hashCode());
        return "\"h" + seq + variant + "\"";
    }

}
