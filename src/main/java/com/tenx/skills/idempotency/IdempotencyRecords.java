package com.tenx.skills.idempotency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The records of table {@code idempotency_keys}. Every statement is a transaction of its
 * own (autocommit): the record of a running request must be visible to every instance
 * before its write starts.
 */
@Component
class IdempotencyRecords {

    static final Duration RETENTION = Duration.ofHours(24);

    private static final String RUNNING = "RUNNING";

    private static final String DONE = "DONE";

    private final JdbcClient jdbc;

    private final Clock clock;

    private final Duration lease;

    IdempotencyRecords(JdbcClient jdbc, Clock clock,
            @Value("${skills.idempotency.running-lease:PT1M}") Duration lease) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
    }

    /** What became of a request's claim on its key. */
    sealed interface Claim {

        /**
         * The key was free: the request runs, then {@link #complete} or {@link #release}.
         */
        record Started() implements Claim {
        }

        /** The same request ran before: its answer. */
        record Replay(StoredAnswer answer) implements Claim {
        }

        /** The same key came with another request. */
        record Reused() implements Claim {
        }

        /** The same request is still running. */
        record InUse() implements Claim {
        }

    }

    Claim claim(String caller, String key, String fingerprint) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (insert(caller, key, fingerprint)) {
                return new Claim.Started();
            }
            Optional<Existing> found = find(caller, key);
            if (found.isEmpty()) {
                continue; // expired and removed meanwhile
            }
            Existing existing = found.get();
            OffsetDateTime now = now();
            if (existing.createdAt().isBefore(now.minus(RETENTION))) {
                removeIfUnchanged(caller, key, existing.createdAt());
                continue;
            }
            if (!existing.fingerprint().equals(fingerprint)) {
                return new Claim.Reused();
            }
            if (DONE.equals(existing.state())) {
                return new Claim.Replay(existing.answer());
            }
            // A running record older than the lease belongs to a request whose instance
            // stopped before it finished: the retry takes it over.
            if (existing.createdAt().isBefore(now.minus(lease)) && takeOver(caller, key, existing.createdAt())) {
                return new Claim.Started();
            }
            return new Claim.InUse();
        }
        return new Claim.InUse();
    }

    void complete(String caller, String key, StoredAnswer answer) {
        jdbc.sql("""
                UPDATE idempotency_keys SET state = :done, status = :status, etag = :etag, location = :location,
                       content_type = :contentType, body = :body
                WHERE caller = :caller AND idem_key = :key""")
            .param("done", DONE)
            .param("status", answer.status())
            .param("etag", answer.etag())
            .param("location", answer.location())
            .param("contentType", answer.contentType())
            .param("body", answer.body())
            .param("caller", caller)
            .param("key", key)
            .update();
    }

    /** Frees the key of a request whose answer is not kept, so a retry runs again. */
    void release(String caller, String key) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE caller = :caller AND idem_key = :key AND state = :running")
            .param("caller", caller)
            .param("key", key)
            .param("running", RUNNING)
            .update();
    }

    /** Forgets the records older than the retention; answers how many. */
    int expire() {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :cutoff")
            .param("cutoff", now().minus(RETENTION))
            .update();
    }

    private boolean insert(String caller, String key, String fingerprint) {
        try {
            return jdbc.sql("""
                    INSERT INTO idempotency_keys (caller, idem_key, fingerprint, state, created_at)
                    VALUES (:caller, :key, :fingerprint, :running, :now)
                    ON CONFLICT DO NOTHING""")
                .param("caller", caller)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("running", RUNNING)
                .param("now", now())
                .update() == 1;
        }
        catch (DuplicateKeyException e) {
            return false;
        }
    }

    private Optional<Existing> find(String caller, String key) {
        return jdbc.sql("""
                SELECT fingerprint, state, status, etag, location, content_type, body, created_at
                FROM idempotency_keys WHERE caller = :caller AND idem_key = :key""")
            .param("caller", caller)
            .param("key", key)
            .query((rs, n) -> existing(rs))
            .optional();
    }

    private boolean takeOver(String caller, String key, OffsetDateTime was) {
        return jdbc.sql("""
                UPDATE idempotency_keys SET created_at = :now
                WHERE caller = :caller AND idem_key = :key AND state = :running AND created_at = :was""")
            .param("now", now())
            .param("caller", caller)
            .param("key", key)
            .param("running", RUNNING)
            .param("was", was)
            .update() == 1;
    }

    private void removeIfUnchanged(String caller, String key, OffsetDateTime was) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE caller = :caller AND idem_key = :key AND created_at = :was")
            .param("caller", caller)
            .param("key", key)
            .param("was", was)
            .update();
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }

    private static Existing existing(ResultSet rs) throws SQLException {
        return new Existing(rs.getString("fingerprint"), rs.getString("state"),
                new StoredAnswer(rs.getInt("status"), rs.getString("etag"), rs.getString("location"),
                        rs.getString("content_type"), rs.getBytes("body")),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private record Existing(String fingerprint, String state, StoredAnswer answer, OffsetDateTime createdAt) {
    }

}
