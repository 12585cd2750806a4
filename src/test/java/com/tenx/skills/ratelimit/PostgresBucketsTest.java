package com.tenx.skills.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tenx.skills.web.DatabaseOutage;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The shared store when its database cannot be reached. */
class PostgresBucketsTest {

    /**
     * The request that finds the database gone answers 503 (its own work needs that
     * database too); the next ones pass unchecked instead of each waiting on it.
     */
    @Test
    void unreachableDatabaseFailsTheFirstRequestThenFailsOpen() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/skills?connectTimeout=1");
        RateLimiter limiter = new RateLimiter(new PostgresBuckets(nowhere, new ClockTimeMeter(Clock.systemUTC())),
                RateLimiterTest.SETTINGS, Clock.systemUTC());
        UUID user = UUID.randomUUID();

        assertThatThrownBy(() -> limiter.forUser(user)).matches(DatabaseOutage::causedBy, "a database outage");
        for (int i = 0; i < 5; i++) {
            Decision decision = limiter.forUser(user);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(-1);
        }
    }

}
