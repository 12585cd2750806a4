package com.tenx.skills.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Reply;

/** What every {@code 429} must look like. */
final class RateLimitAssertions {

    private RateLimitAssertions() {
    }

    static void assertRateLimited(Reply reply, String policyName, long quota, long windowSeconds) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
        assertThat(reply.json().path("ok").isBoolean()).isTrue();
        assertThat(reply.json().path("ok").asBoolean(true)).isFalse();
        assertThat(reply.error()).isEqualTo("rate_limited");
        assertThat(reply.json().path("message").asString()).isNotBlank();
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        long retryAfter = Long.parseLong(reply.header("Retry-After"));
        assertThat(retryAfter).isPositive().isLessThanOrEqualTo(windowSeconds);
        assertThat(reply.header("RateLimit-Policy"))
            .isEqualTo("\"" + policyName + "\";q=" + quota + ";w=" + windowSeconds);
        assertThat(reply.header("RateLimit")).isEqualTo("\"" + policyName + "\";r=0;t=" + retryAfter);
    }

}
