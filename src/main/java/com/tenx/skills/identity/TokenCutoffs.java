package com.tenx.skills.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tenx.skills.security.TokensNotBefore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Each user's {@code tokens_not_before}, asked on every authenticated request. Kept for
 * {@link #FRESH_FOR}, so a password change on one instance ends the old tokens on every
 * other within that time; on the instance that made the change, at once.
 */
@Component
class TokenCutoffs implements TokensNotBefore, MeterBinder {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final JdbcClient jdbc;

    private final Cache<UUID, Long> cutoffs = Caffeine.newBuilder()
        .expireAfterWrite(FRESH_FOR)
        .maximumSize(100_000)
        .recordStats()
        .build();

    TokenCutoffs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 0 for a user that does not exist: the access check refuses that one. */
    @Override
    public long epochSecond(UUID user) {
        Long known = cutoffs.getIfPresent(user);
        if (known != null) {
            return known;
        }
        // Read outside the cache's lock: when the database is gone, every waiting request
        // fails in its own time instead of one after another behind a single load.
        long read = jdbc.sql("SELECT tokens_not_before FROM users WHERE id = :id")
            .param("id", user)
            .query(Long.class)
            .optional()
            .orElse(0L);
        cutoffs.put(user, read);
        return read;
    }

    @TransactionalEventListener
    void passwordChanged(PasswordChanged event) {
        cutoffs.invalidate(event.user());
    }

    /** The hit ratio, as the cache {@code token.cutoffs}. */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cutoffs, "token.cutoffs");
    }

}
