package com.tenx.skills.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets in this process, for the embedded default (one instance by design). The map is
 * bounded: when it is full, buckets that have refilled completely go first (forgetting
 * them changes nothing), then arbitrary ones, so a flood of distinct callers costs memory
 * only up to the bound.
 */
final class LocalBuckets implements BucketStore {

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    private final int maxBuckets;

    private final TimeMeter time;

    LocalBuckets(int maxBuckets, TimeMeter time) {
        this.maxBuckets = maxBuckets;
        this.time = time;
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        Entry entry = buckets.get(key);
        if (entry == null) {
            if (buckets.size() >= maxBuckets) {
                evict();
            }
            entry = buckets.computeIfAbsent(key, k -> create(configuration));
        }
        return entry.bucket().tryConsumeAndReturnRemaining(1);
    }

    int size() {
        return buckets.size();
    }

    private Entry create(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
        long capacity = Long.MAX_VALUE;
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
            capacity = Math.min(capacity, bandwidth.getCapacity());
        }
        return new Entry(builder.build(), capacity);
    }

    private synchronized void evict() {
        if (buckets.size() < maxBuckets) {
            return;
        }
        buckets.values().removeIf(entry -> entry.bucket().getAvailableTokens() >= entry.capacity());
        int target = maxBuckets - Math.max(1, maxBuckets / 10);
        Iterator<String> keys = buckets.keySet().iterator();
        while (buckets.size() > target && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private record Entry(Bucket bucket, long capacity) {
    }

}
