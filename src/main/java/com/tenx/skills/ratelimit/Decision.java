package com.tenx.skills.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;

/**
 * The answer of the {@link RateLimiter} for one request.
 *
 * @param allowed whether the request may proceed
 * @param remaining requests left in the quota, or -1 when unknown (limiting off or store
 * unreachable)
 * @param resetSeconds seconds until the quota is whole again
 * @param retryAfterSeconds when denied, seconds until the next request may pass (at least
 * 1)
 */
public record Decision(RateLimitPolicy policy, boolean allowed, long remaining, long resetSeconds,
        long retryAfterSeconds) {

    static Decision of(RateLimitPolicy policy, ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return new Decision(policy, true, probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()), 0);
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        return new Decision(policy, false, 0, retryAfter, retryAfter);
    }

    /**
     * Allowed without counting: the limit is off, or its store cannot be reached (fail
     * open).
     */
    static Decision unknown(RateLimitPolicy policy) {
        return new Decision(policy, true, -1, 0, 0);
    }

    /**
     * Sets {@code RateLimit-Policy}, {@code RateLimit} and, when denied,
     * {@code Retry-After}.
     */
    public void applyTo(HttpServletResponse response) {
        response.setHeader(RateLimitHeaders.POLICY, RateLimitHeaders.policy(policy));
        if (remaining >= 0) {
            response.setHeader(RateLimitHeaders.LIMIT, RateLimitHeaders.limit(policy, remaining, resetSeconds));
        }
        if (!allowed) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
