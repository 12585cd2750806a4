package com.tenx.skills.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;

/**
 * Buckets in this process, for the embedded default (one instance by design). A bucket
 * left alone until it has refilled completely is forgotten (a full bucket and no bucket
 * are the same), and there are at most {@code maxBuckets}, so a flood of distinct callers
 * costs memory only up to the bound; over it, the callers seen least often go first.
 */
final class LocalBuckets implements BucketStore, MeterBinder {

    private final Cache<String, Refilling> buckets;

    private final TimeMeter time;

    LocalBuckets(int maxBuckets, TimeMeter time) {
        this.time = time;
        this.buckets = Caffeine.newBuilder()
            .maximumSize(maxBuckets)
            .expireAfter(Expiry.accessing((String key, Refilling bucket) -> bucket.refillsFullyIn()))
            .ticker(time::currentTimeNanos)
            .executor(Runnable::run)
            .recordStats()
            .build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return buckets.get(key, k -> create(configuration)).bucket().tryConsumeAndReturnRemaining(1);
    }

    /** The buckets' hit ratio, as the cache {@code rate.limit.buckets}. */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, buckets, "rate.limit.buckets");
    }

    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Refilling create(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
        long refillNanos = 0;
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
            long refills = (bandwidth.getCapacity() + bandwidth.getRefillTokens() - 1) / bandwidth.getRefillTokens();
            refillNanos = Math.max(refillNanos, refills * bandwidth.getRefillPeriodNanos());
        }
        return new Refilling(builder.build(), Duration.ofNanos(refillNanos));
    }

    /** A bucket and how long it takes to refill from empty. */
    private record Refilling(Bucket bucket, Duration refillsFullyIn) {
    }

}
