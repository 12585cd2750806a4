package com.tenx.skills.identity;

import com.tenx.skills.config.PendingWrites;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.NotFound;
import com.tenx.skills.web.DatabaseTimeBudget;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    private final SharedCounterReads reads = new SharedCounterReads(this::seqs, DatabaseTimeBudget::millisLeft);

    HandleChangeCounter(HandleRepository handles, Clock clock, HandleChangeNotifications notifications, JdbcClient jdbc,
            PendingWrites writes) {
        this.handles = handles;
        this.clock = clock;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.writes = writes;
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
        Handle handle = handles.lockById(handleId)
            .orElseThrow(() -> new NotFound(ErrorCode.NOT_FOUND, "No such handle."));
        return new Lock(handle);
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

        private Lock(Handle handle) {
            this.handleId = handle.id();
            this.seq = handle.changeSeq();
            this.clockMs = handle.clockMs();
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
