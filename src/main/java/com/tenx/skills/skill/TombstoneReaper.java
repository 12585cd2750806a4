package com.tenx.skills.skill;

import com.tenx.skills.identity.HandleChangeCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets deletions older than the retention (at least 30 days) and records, per handle,
 * the highest change number forgotten: sync cursors at or before it are answered
 * {@code 410}. Idempotent, so every instance may run it.
 */
@Component
class TombstoneReaper {

    private static final Logger log = LoggerFactory.getLogger(TombstoneReaper.class);

    private final JdbcClient jdbc;

    private final HandleChangeCounter counter;

    private final Clock clock;

    private final Duration retention;

    TombstoneReaper(JdbcClient jdbc, HandleChangeCounter counter, Clock clock,
            @Value("${skills.sync.tombstone-retention:30d}") Duration retention) {
        if (retention.compareTo(Duration.ofDays(30)) < 0) {
            throw new IllegalArgumentException("skills.sync.tombstone-retention must be at least 30 days");
        }
        this.jdbc = jdbc;
        this.counter = counter;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${skills.sync.reap-initial-delay:PT1M}", fixedDelayString = "PT1H")
    @Transactional
    public void reap() {
        var cutoff = clock.instant().minus(retention).atOffset(ZoneOffset.UTC);
        List<long[]> expired = jdbc.sql("""
                SELECT handle_id, MAX(change_seq) AS seq FROM skill_tombstones
                WHERE deleted_at < :cutoff GROUP BY handle_id""")
            .param("cutoff", cutoff)
            .query((rs, n) -> new long[] { rs.getLong("handle_id"), rs.getLong("seq") })
            .list();
        for (long[] handle : expired) {
            counter.forgetUpTo(handle[0], handle[1]);
            jdbc.sql("DELETE FROM skill_tombstones WHERE handle_id = :handle AND deleted_at < :cutoff")
                .param("handle", handle[0])
                .param("cutoff", cutoff)
                .update();
        }
        if (!expired.isEmpty()) {
            log.info("Forgot deletions older than {} on {} handles", retention, expired.size());
        }
    }

}
