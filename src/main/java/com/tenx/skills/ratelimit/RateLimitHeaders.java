package com.tenx.skills.ratelimit;

/**
 * The fields of draft-ietf-httpapi-ratelimit-headers (structured fields):
 * {@code RateLimit-Policy:
 * "user";q=600;w=60} describes the limit, {@code RateLimit: "user";r=12;t=30} the
 * caller's state: {@code r} requests remain, and in {@code t} seconds the quota is whole
 * again (when {@code r=0}: the next request may pass).
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";

    static final String LIMIT = "RateLimit";

    private RateLimitHeaders() {
    }

    static String policy(RateLimitPolicy policy) {
        return quoted(policy.name()) + ";q=" + policy.quota() + ";w=" + policy.window().toSeconds();
    }

    static String limit(RateLimitPolicy policy, long remaining, long resetSeconds) {
        return quoted(policy.name()) + ";r=" + Math.max(0, remaining) + ";t=" + Math.max(0, resetSeconds);
    }

    /** An sf-string; policy names are plain tokens, but quote and escape anyway. */
    private static String quoted(String name) {
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

}
