package com.tenx.skills.ratelimit;

import com.tenx.skills.support.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-memory buckets of the embedded default. */
class LocalBucketsTest {

    static final RateLimitPolicy TEN_PER_MINUTE = new RateLimitPolicy("user", 10, Duration.ofMinutes(1));

    final SettableClock clock = new SettableClock(Instant.parse("2026-05-08T10:30:00Z"));

    final LocalBuckets buckets = new LocalBuckets(100, new ClockTimeMeter(clock));

    private Decision take(String subject) {
        return Decision.of(TEN_PER_MINUTE, buckets.tryConsume(TEN_PER_MINUTE.key(subject), TEN_PER_MINUTE.bucket()));
    }

    @Test
    void theWholeQuotaMayBeSpentAtOnceThenOneRequestPerRefill() {
        for (int i = 9; i >= 0; i--) {
            Decision decision = take("alice");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(i);
        }

        Decision denied = take("alice");
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.retryAfterSeconds()).isEqualTo(6);

        clock.advance(Duration.ofSeconds(6));
        assertThat(take("alice").allowed()).isTrue();
        assertThat(take("alice").allowed()).isFalse();
    }

    @Test
    void callersHaveTheirOwnBuckets() {
        for (int i = 0; i < 10; i++) {
            take("alice");
        }

        assertThat(take("alice").allowed()).isFalse();
        assertThat(take("bob").allowed()).isTrue();
    }

    @Test
    void resetIsTheTimeUntilTheQuotaIsWholeAgain() {
        take("alice");
        Decision decision = take("alice");

        assertThat(decision.remaining()).isEqualTo(8);
        assertThat(decision.resetSeconds()).isEqualTo(12);
    }

    @Test
    void theBucketsStayBounded() {
        LocalBuckets small = new LocalBuckets(10, new ClockTimeMeter(clock));
        for (int i = 0; i < 50; i++) {
            ConsumptionProbe probe = small.tryConsume(TEN_PER_MINUTE.key("caller-" + i), TEN_PER_MINUTE.bucket());
            assertThat(probe.isConsumed()).isTrue();
        }

        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void aBucketLeftAloneUntilItHasRefilledIsForgotten() {
        for (int i = 0; i < 10; i++) {
            take("alice");
        }
        take("bob");
        clock.advance(Duration.ofSeconds(59));
        assertThat(buckets.size()).isEqualTo(2);
        assertThat(take("alice").remaining()).as("still counting after 59 s").isEqualTo(8);

        clock.advance(Duration.ofSeconds(60));

        assertThat(buckets.size()).isZero();
        assertThat(take("bob").remaining()).isEqualTo(9);
    }

    @Test
    void aFloodOfNewCallersDoesNotResetABusyCallersBucket() {
        LocalBuckets small = new LocalBuckets(10, new ClockTimeMeter(clock));
        for (int i = 0; i < 9; i++) {
            small.tryConsume(TEN_PER_MINUTE.key("idle-" + i), TEN_PER_MINUTE.bucket());
        }
        for (int i = 0; i < 10; i++) {
            small.tryConsume(TEN_PER_MINUTE.key("busy"), TEN_PER_MINUTE.bucket());
        }

        for (int i = 0; i < 100; i++) {
            small.tryConsume(TEN_PER_MINUTE.key("flood-" + i), TEN_PER_MINUTE.bucket());
        }

        assertThat(small.tryConsume(TEN_PER_MINUTE.key("busy"), TEN_PER_MINUTE.bucket()).isConsumed()).isFalse();
        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

}
