package com.tenx.skills.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Buckets in the {@code rate_limit_buckets} table, shared by every instance on the
 * database. A check is one short transaction on one pooled connection: the bucket's row
 * is read {@code FOR UPDATE}, its new state written back (the row is inserted on a
 * caller's first request); a busy caller's checks on this instance are written back
 * together (see {@link #optimizationFor}). Rows of buckets that have refilled completely
 * expire and are deleted in the background.
 */
final class PostgresBuckets implements BucketStore, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(PostgresBuckets.class);

    private static final int CLEANUP_BATCH = 1_000;

    private static final int MAX_PROXIES = 10_000;

    static final Duration MAX_UNSYNCED_TIME = Duration.ofMillis(100);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    /**
     * One proxy per bucket, reused so that a caller's requests on this instance share one
     * view of the bucket instead of each queueing on its row lock (see
     * {@link #optimizationFor}).
     */
    private final Cache<String, BucketProxy> proxies = Caffeine.newBuilder()
        .maximumSize(MAX_PROXIES)
        .recordStats()
        .build();

    /**
     * Buckets found empty, until they next gain a token: a caller over its quota is
     * answered from memory instead of a round trip per request. No other instance can add
     * tokens to a bucket sooner, so this never lets a request through that the shared
     * bucket would refuse.
     */
    private final Cache<String, Empty> empty;

    private final TimeMeter time;

    PostgresBuckets(DataSource dataSource, TimeMeter time) {
        this.time = time;
        this.empty = Caffeine.newBuilder()
            .maximumSize(MAX_PROXIES)
            .expireAfter(Expiry.creating((String key, Empty bucket) -> Duration.ofNanos(bucket.refillsIn())))
            .ticker(time::currentTimeNanos)
            .build();
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .expirationAfterWrite(
                    ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
            .clientClock(time)
            .build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        Empty known = empty.getIfPresent(key);
        long now = time.currentTimeNanos();
        if (known != null && now < known.refillsAt()) {
            return ConsumptionProbe.rejected(0, known.refillsAt() - now, known.fullAt() - now);
        }
        BucketProxy proxy = proxies.get(key,
                id -> buckets.builder()
                    .withOptimization(optimizationFor(configuration))
                    .build(id, () -> configuration));
        ConsumptionProbe probe = proxy.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            empty.put(key, new Empty(now, now + probe.getNanosToWaitForRefill(), now + probe.getNanosToWaitForReset()));
        }
        return probe;
    }

    /** The reused proxies' hit ratio, as the cache {@code rate.limit.buckets}. */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, proxies, "rate.limit.buckets");
    }

    /**
     * How far this instance may run ahead of the shared bucket before writing back: at
     * most 2% of the quota and {@link #MAX_UNSYNCED_TIME}, so a large quota costs a round
     * trip per burst instead of per request, and across N instances can be overrun by at
     * most N times that slack. Quotas under 50 are checked against the database on every
     * request until the bucket is empty (then see {@link #empty}).
     */
    static Optimization optimizationFor(BucketConfiguration configuration) {
        long slack = configuration.getBandwidths()[0].getCapacity() / 50;
        return slack < 1 ? Optimization.NONE_OPTIMIZED
                : Optimizations.delaying(new DelayParameters(slack, MAX_UNSYNCED_TIME));
    }

    /**
     * Deletes expired buckets; any instance may do it, and several at once do no harm.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
    void removeExpired() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(CLEANUP_BATCH);
            }
            while (removed == CLEANUP_BATCH);
        }
        catch (RuntimeException e) {
            log.debug("Could not remove expired rate limit buckets: {}", e.toString());
        }
    }

    /**
     * A bucket seen empty at {@code seenAt}, and when it gains a token and is full again.
     */
    private record Empty(long seenAt, long refillsAt, long fullAt) {

        long refillsIn() {
            return refillsAt - seenAt;
        }

    }

}
