package com.tenx.skills.skill;

import com.tenx.skills.identity.HandleChangeCounter;
import com.tenx.skills.identity.HandleGrant;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * A handle's skills rendered to JSON once per change and served from memory until the
 * next one. Entries are keyed by the handle's change counter, which the access check
 * reads from the database on every request: a request never gets a rendering older than
 * the last write committed before it, on any instance, so every instance can keep its own
 * cache. What it keeps is bounded by {@code skills.list-cache.max-size} (32 MB by
 * default); its hit ratio is in the metrics as the cache {@code skill.renderings}.
 */
@Service
class SkillRenderings implements MeterBinder {

    private final SkillQueries queries;

    private final HandleChangeCounter counter;

    private final JsonMapper json;

    private final Cache<Long, Rendered> byHandle;

    private final long maxBytes;

    SkillRenderings(SkillQueries queries, HandleChangeCounter counter, JsonMapper json,
            @Value("${skills.list-cache.max-size:32MB}") DataSize maxSize) {
        this.queries = queries;
        this.counter = counter;
        this.json = json;
        this.maxBytes = maxSize.toBytes();
        this.byHandle = Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((Long handle, Rendered rendered) -> (int) Math.min(Integer.MAX_VALUE, rendered.bytes()))
            .executor(Runnable::run)
            .recordStats()
            .build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, byHandle, "skill.renderings");
    }

    /** A JSON body with its strong ETag. */
    record Body(byte[] json, String etag) {
    }

    /** The full list and each skill of a handle as of change {@code seq}. */
    record Rendered(long seq, Body list, Map<String, Body> skills) {

        /**
         * The memory it holds, near enough: the list and each skill's copy of its item.
         */
        long bytes() {
            return 2L * list.json().length;
        }
    }

    /**
     * The handle's skills with every write committed before this call, from memory while
     * the handle's committed change counter stands.
     */
    Rendered current(HandleGrant grant) {
        Rendered cached = byHandle.getIfPresent(grant.handleId());
        if (cached != null && cached.seq() >= counter.committed(grant.handleId())) {
            return cached;
        }
        Rendered fresh = render(queries.list(grant, null, null));
        if (fresh.bytes() <= maxBytes) {
            byHandle.asMap().merge(grant.handleId(), fresh, (old, given) -> old.seq() >= given.seq() ? old : given);
        }
        return fresh;
    }

    private Rendered render(SkillList list) {
        Map<String, Body> skills = new HashMap<>();
        for (SkillView skill : list.skills()) {
            skills.put(skill.skillKey(), new Body(json.writeValueAsBytes(skill), skill.etag()));
        }
        return new Rendered(list.asOf(), new Body(json.writeValueAsBytes(list), list.etag()), Map.copyOf(skills));
    }

}
