package com.tenx.skills.identity;

import com.tenx.skills.config.Deployment;
import com.tenx.skills.config.PendingWrites;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.NotFound;
import com.tenx.skills.web.DatabaseTimeBudget;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handle's change counter, which identity keeps on the handle's row and the skill
 * feature reads and advances only through this interface. A write first locks the row,
 * which serialises it against every other write to the handle on any server instance,
 * then takes its stamp; a read asks for the counter's position.
 */
@Service
public class HandleChangeCounter {

    private final HandleRepository handles;

    private final Clock clock;

    private final HandleChangeNotifications notifications;

    private final JdbcClient jdbc;

    private final PendingWrites writes;

    private final JdbcTemplate jdbcTemplate;

    /** The embedded database takes one statement per call. */
    private final boolean oneByOne;

    private final String lockSql;

    private final SharedCounterReads reads = new SharedCounterReads(this::seqs, DatabaseTimeBudget::millisLeft);

    HandleChangeCounter(HandleRepository handles, Clock clock, HandleChangeNotifications notifications, JdbcClient jdbc,
            PendingWrites writes, JdbcTemplate jdbcTemplate, Deployment deployment) {
        this.handles = handles;
        this.clock = clock;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.writes = writes;
        this.jdbcTemplate = jdbcTemplate;
        this.oneByOne = deployment.embeddedDatabase();
        // FOR NO KEY UPDATE leaves the row's key to the foreign keys of rows inserted
        // meanwhile
        this.lockSql = "SELECT change_seq, clock_ms FROM handles WHERE id = ? "
                + (oneByOne ? "FOR UPDATE" : "FOR NO KEY UPDATE");
    }

    /**
     * The handle's change counter as committed now: it counts every write a caller saw
     * committed before asking, on any instance; call it outside a transaction. Requests
     * that ask at the same time share one query ({@link SharedCounterReads}).
     */
    public long committed(long handleId) {
        Long seq = reads.committed(handleId);
        if (seq == null) {
            throw new NotFound(ErrorCode.NOT_FOUND, "No such handle.");
        }
        return seq;
    }

    /**
     * Locks the handle until the surrounding transaction ends and returns its lock. The
     * handle's row is read here and written once, as the transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Lock lock(long handleId) {
        return jdbcTemplate.execute(lockSql, (PreparedStatement statement) -> {
            statement.setLong(1, handleId);
            try (ResultSet row = statement.executeQuery()) {
                return lockFrom(handleId, row);
            }
        });
    }

    /**
     * Locks the handle as {@link #lock(long)} does and reads {@code sql} (with {@code ?}
     * placeholders for {@code args}) once the lock is held, in the same round trip on
     * PostgreSQL: the query runs after the lock is granted, in a snapshot of its own, so
     * it sees every write committed to the handle before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> Locked<T> lockAndRead(long handleId, String sql, RowMapper<T> rows, Object... args) {
        if (oneByOne) {
            return new Locked<>(lock(handleId), jdbcTemplate.query(sql, rows, args));
        }
        return jdbcTemplate.execute(lockSql + ";\n" + sql, (PreparedStatement statement) -> {
            statement.setLong(1, handleId);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 2, args[i]);
            }
            statement.execute();
            Lock lock;
            try (ResultSet row = statement.getResultSet()) {
                lock = lockFrom(handleId, row);
            }
            statement.getMoreResults();
            List<T> read = new ArrayList<>();
            try (ResultSet each = statement.getResultSet()) {
                while (each.next()) {
                    read.add(rows.mapRow(each, read.size()));
                }
            }
            return new Locked<>(lock, read);
        });
    }

    private Lock lockFrom(long handleId, ResultSet row) throws SQLException {
        if (!row.next()) {
            throw new NotFound(ErrorCode.NOT_FOUND, "No such handle.");
        }
        return new Lock(handleId, row.getLong("change_seq"), row.getLong("clock_ms"));
    }

    /**
     * Reads the handle's sync position without locking, in the caller's transaction (so
     * within its snapshot, when it has one).
     */
    @Transactional(readOnly = true)
    public Position position(long handleId) {
        Handle handle = handles.findById(handleId)
            .orElseThrow(() -> new NotFound(ErrorCode.NOT_FOUND, "No such handle."));
        return new Position(handle.changeSeq(), handle.expiredSeq());
    }

    /**
     * The change counters of several handles, as committed now; a handle that no longer
     * exists is absent.
     */
    public Map<Long, Long> seqs(Collection<Long> handleIds) {
        if (handleIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> seqs = new HashMap<>();
        jdbc.sql("SELECT id, change_seq FROM handles WHERE id IN (:ids)")
            .param("ids", handleIds)
            .query((rs, n) -> seqs.put(rs.getLong("id"), rs.getLong("change_seq")))
            .list();
        return seqs;
    }

    /** The stamp the next write would take if it came now: what a dry run answers. */
    @Transactional(readOnly = true)
    public WriteStamp preview(long handleId) {
        Handle handle = handles.findById(handleId)
            .orElseThrow(() -> new NotFound(ErrorCode.NOT_FOUND, "No such handle."));
        return handle.next(clock.instant());
    }

    /**
     * Records that the deletions up to change {@code seq} are forgotten: cursors at or
     * before it are expired.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forgetUpTo(long handleId, long seq) {
        handles.raiseExpiredSeq(handleId, seq);
    }

    /** A handle's lock, with what was read under it. */
    public record Locked<T>(Lock lock, List<T> rows) {

        /** The first row read, if any. */
        public Optional<T> first() {
            return rows.stream().findFirst();
        }

    }

    /**
     * A handle's change counter and the highest counter value whose tombstones are gone.
     */
    public record Position(long seq, long expiredSeq) {
    }

    /** A handle locked for writing; each {@link #stamp()} is one write. */
    public final class Lock {

        private final long handleId;

        private long seq;

        private long clockMs;

        private Lock(long handleId, long seq, long clockMs) {
            this.handleId = handleId;
            this.seq = seq;
            this.clockMs = clockMs;
        }

        /**
         * Takes the write's stamp: the handle's counter and clock move on, and the change
         * is announced, to be delivered to every instance when the transaction commits.
         * Both are sent with the transaction's other {@link PendingWrites}.
         */
        public WriteStamp stamp() {
            WriteStamp stamp = WriteStamp.after(seq, clockMs, clock.instant());
            seq = stamp.seq();
            clockMs = stamp.at().toEpochMilli();
            writes.add("UPDATE handles SET change_seq = ?, clock_ms = ? WHERE id = ?", seq, clockMs, handleId);
            notifications.announce(handleId, seq);
            return stamp;
        }

    }

}
