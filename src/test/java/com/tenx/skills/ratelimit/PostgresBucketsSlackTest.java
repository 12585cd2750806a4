package com.tenx.skills.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.SettableClock;
import io.github.bucket4j.ConsumptionProbe;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A quota large enough to be written back per burst is still enforced, within its slack
 * of 2%, and a small one exactly; a caller over its quota costs no round trip until its
 * bucket gains a token.
 */
class PostgresBucketsSlackTest extends ApiTest {

    @Autowired
    private DataSource dataSource;

    private int allowedOf(long capacity, int attempts) {
        RateLimitSettings settings = new RateLimitSettings(true,
                new RateLimitSettings.Quota(capacity, Duration.ofHours(1)), null, null, null);
        RateLimiter limiter = new RateLimiter(new PostgresBuckets(dataSource, new ClockTimeMeter(Clock.systemUTC())),
                settings, Clock.systemUTC());
        UUID user = UUID.randomUUID();
        int allowed = 0;
        for (int i = 0; i < attempts; i++) {
            Decision decision = limiter.forUser(user);
            assertThat(decision.remaining()).as("the store answered").isNotEqualTo(-1);
            allowed += decision.allowed() ? 1 : 0;
        }
        return allowed;
    }

    @Test
    void largeQuotaIsEnforcedWithinItsSlack() {
        assertThat(allowedOf(600, 700)).isBetween(600, 612);
    }

    @Test
    void smallQuotaIsExact() {
        assertThat(allowedOf(20, 40)).isEqualTo(20);
    }

    @Test
    void anEmptyBucketIsAnsweredFromMemoryUntilItGainsAToken() throws Exception {
        SettableClock clock = new SettableClock(Instant.now());
        AtomicInteger trips = new AtomicInteger();
        DataSource counted = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                trips.incrementAndGet();
                return super.getConnection();
            }
        };
        RateLimitPolicy twoPerMinute = new RateLimitPolicy("login-address", 2, Duration.ofMinutes(1));
        PostgresBuckets buckets = new PostgresBuckets(counted, new ClockTimeMeter(clock));
        String key = twoPerMinute.key(UUID.randomUUID().toString());
        assertThat(buckets.tryConsume(key, twoPerMinute.bucket()).isConsumed()).isTrue();
        assertThat(buckets.tryConsume(key, twoPerMinute.bucket()).isConsumed()).isTrue();
        assertThat(buckets.tryConsume(key, twoPerMinute.bucket()).isConsumed()).isFalse();
        int tripsWhenEmpty = trips.get();

        clock.advance(Duration.ofSeconds(20));
        for (int i = 0; i < 50; i++) {
            ConsumptionProbe probe = buckets.tryConsume(key, twoPerMinute.bucket());
            assertThat(probe.isConsumed()).isFalse();
            assertThat(probe.getNanosToWaitForRefill()).isEqualTo(Duration.ofSeconds(10).toNanos());
        }
        assertThat(trips.get()).as("round trips while the bucket is known empty").isEqualTo(tripsWhenEmpty);

        clock.advance(Duration.ofSeconds(10));
        assertThat(buckets.tryConsume(key, twoPerMinute.bucket()).isConsumed()).isTrue();
        assertThat(trips.get()).isGreaterThan(tripsWhenEmpty);
    }

}
