package com.tenx.skills.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits ({@code skills.rate-limit.*}): each is a token bucket of {@code capacity}
 * requests, refilled evenly over {@code period}, so a caller may spend the whole quota at
 * once and then one request every {@code period / capacity}.
 *
 * @param enabled whether any limit applies
 * @param handles per authenticated user, over every {@code /v2/handles} route
 * @param login per client address and email, on {@code POST /v2/auth/login}
 * @param localMaxBuckets how many buckets the embedded default keeps in memory
 * @param loginAddress per client address, whatever the email, on
 * {@code POST /v2/auth/login}: one address trying one password on many accounts
 */
@ConfigurationProperties("skills.rate-limit")
public record RateLimitSettings(Boolean enabled, Quota handles, Quota login, Integer localMaxBuckets,
        Quota loginAddress) {

    public RateLimitSettings {
        enabled = enabled == null || enabled;
        handles = handles == null ? new Quota(600L, Duration.ofMinutes(1)) : handles;
        login = login == null ? new Quota(10L, Duration.ofMinutes(1)) : login;
        loginAddress = loginAddress == null ? new Quota(30L, Duration.ofMinutes(1)) : loginAddress;
        localMaxBuckets = localMaxBuckets == null ? 10_000 : localMaxBuckets;
        if (localMaxBuckets < 1) {
            throw new IllegalArgumentException("skills.rate-limit.local-max-buckets must be positive");
        }
    }

    /** {@code capacity} requests per {@code period}. */
    public record Quota(Long capacity, Duration period) {

        public Quota {
            if (capacity == null || capacity < 1) {
                throw new IllegalArgumentException("a rate limit's capacity must be a positive number");
            }
            if (period == null || period.toSeconds() < 1) {
                throw new IllegalArgumentException("a rate limit's period must be at least one second");
            }
        }
    }
}
