package com.tenx.skills.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A quota large enough to be written back per burst is still enforced, within its slack
 * of 2%, and a small one exactly.
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

}
