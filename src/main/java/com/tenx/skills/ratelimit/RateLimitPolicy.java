package com.tenx.skills.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * One named limit: {@code quota} requests per {@code window}, as a token bucket that
 * holds the whole quota and refills it evenly over the window.
 */
public record RateLimitPolicy(String name, long quota, Duration window) {

    static RateLimitPolicy of(String name, RateLimitSettings.Quota quota) {
        return new RateLimitPolicy(name, quota.capacity(), quota.period());
    }

    BucketConfiguration bucket() {
        return BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(quota).refillGreedy(quota, window))
            .build();
    }

    /**
     * The bucket id of a caller. It names the quota too, so that instances configured
     * differently (or a changed configuration) never share a bucket stored with other
     * limits.
     */
    String key(String subject) {
        return name + ":" + quota + "/" + window.toSeconds() + "s:" + subject;
    }
}
