package com.tenx.skills.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The draft-ietf-httpapi-ratelimit-headers fields and Retry-After. */
class RateLimitHeadersTest {

    static final RateLimitPolicy USER = new RateLimitPolicy("user", 600, Duration.ofMinutes(1));

    static final long SECOND = 1_000_000_000L;

    @Test
    void policyNamesQuotaAndWindowInSeconds() {
        assertThat(RateLimitHeaders.policy(USER)).isEqualTo("\"user\";q=600;w=60");
        assertThat(RateLimitHeaders.policy(new RateLimitPolicy("login", 10, Duration.ofHours(1))))
            .isEqualTo("\"login\";q=10;w=3600");
    }

    @Test
    void limitNamesRemainingAndSecondsToReset() {
        assertThat(RateLimitHeaders.limit(USER, 42, 7)).isEqualTo("\"user\";r=42;t=7");
        assertThat(RateLimitHeaders.limit(USER, -3, -1)).isEqualTo("\"user\";r=0;t=0");
    }

    @Test
    void policyNameIsAnEscapedString() {
        assertThat(RateLimitHeaders.policy(new RateLimitPolicy("a\"b\\c", 1, Duration.ofSeconds(1))))
            .isEqualTo("\"a\\\"b\\\\c\";q=1;w=1");
    }

    @Test
    void allowedResponseCarriesBothFieldsAndNoRetryAfter() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        Decision.of(USER, ConsumptionProbe.consumed(599, SECOND / 10)).applyTo(response);

        assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("\"user\";q=600;w=60");
        assertThat(response.getHeader("RateLimit")).isEqualTo("\"user\";r=599;t=1");
        assertThat(response.getHeader("Retry-After")).isNull();
    }

    @Test
    void deniedResponseRoundsTheWaitUpIntoRetryAfterAndT() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        Decision decision = Decision.of(USER, ConsumptionProbe.rejected(0, 5 * SECOND + 1, 60 * SECOND));
        decision.applyTo(response);

        assertThat(decision.allowed()).isFalse();
        assertThat(response.getHeader("Retry-After")).isEqualTo("6");
        assertThat(response.getHeader("RateLimit")).isEqualTo("\"user\";r=0;t=6");
        assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("\"user\";q=600;w=60");
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        assertThat(Decision.of(USER, ConsumptionProbe.rejected(0, 1, 1)).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void unknownStateSendsOnlyThePolicy() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        Decision.unknown(USER).applyTo(response);

        assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("\"user\";q=600;w=60");
        assertThat(response.getHeader("RateLimit")).isNull();
        assertThat(response.getHeader("Retry-After")).isNull();
    }

}
