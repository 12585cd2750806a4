package com.tenx.skills.skill;

import com.tenx.skills.identity.HandleGrant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * default).
 */
@Service
class SkillCatalog {

    private final SkillReads reads;

    private final JsonMapper json;

    private final Map<Long, Rendered> byHandle = new ConcurrentHashMap<>();

    private final long maxBytes;

    private long heldBytes;

    SkillCatalog(SkillReads reads, JsonMapper json, @Value("${skills.list-cache.max-size:32MB}") DataSize maxSize) {
        this.reads = reads;
        this.json = json;
        this.maxBytes = maxSize.toBytes();
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

    /** The handle's skills as of the grant's change counter or later. */
    Rendered current(HandleGrant grant) {
        Rendered cached = byHandle.get(grant.handleId());
        if (cached != null && cached.seq() >= grant.changeSeq()) {
            return cached;
        }
        Rendered fresh = render(reads.list(grant, null, null));
        keep(grant.handleId(), fresh);
        return fresh;
    }

    /**
     * Keeps a rendering unless a newer one is already kept, within the memory budget:
     * when it would be exceeded, everything is dropped and re-rendered on demand.
     */
    private synchronized void keep(long handleId, Rendered fresh) {
        Rendered old = byHandle.get(handleId);
        if (old != null && old.seq() >= fresh.seq() || fresh.bytes() > maxBytes) {
            return;
        }
        if (heldBytes - (old == null ? 0 : old.bytes()) + fresh.bytes() > maxBytes) {
            byHandle.clear();
            heldBytes = 0;
            old = null;
        }
        byHandle.put(handleId, fresh);
        heldBytes += fresh.bytes() - (old == null ? 0 : old.bytes());
    }

    private Rendered render(SkillList list) {
        Map<String, Body> skills = new HashMap<>();
        for (SkillView skill : list.skills()) {
            skills.put(skill.skillKey(), new Body(json.writeValueAsBytes(skill), skill.etag()));
        }
        return new Rendered(list.asOf(), new Body(json.writeValueAsBytes(list), list.etag()), Map.copyOf(skills));
    }

}
