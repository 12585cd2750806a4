package com.tenx.skills.skill;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A handle's skills rendered to JSON once per change and served from memory until the
 * next one. Entries are keyed by the handle's change counter, which the access check
 * reads from the database on every request: a request never gets a rendering older than
 * the last write committed before it, on any instance, so every instance can keep its own
 * cache.
 */
@Service
class SkillCatalog {

    private static final int MAX_HANDLES = 10_000;

    private final SkillReads reads;

    private final JsonMapper json;

    private final Map<Long, Rendered> byHandle = new ConcurrentHashMap<>();

    SkillCatalog(SkillReads reads, JsonMapper json) {
        this.reads = reads;
        this.json = json;
    }

    /** A JSON body with its strong ETag. */
    record Body(byte[] json, String etag) {
    }

    /** The full list and each skill of a handle as of change {@code seq}. */
    record Rendered(long seq, Body list, Map<String, Body> skills) {
    }

    /** The handle's skills as of the grant's change counter or later. */
    Rendered current(com.tenx.skills.identity.HandleGrant grant) {
        Rendered cached = byHandle.get(grant.handleId());
        if (cached != null && cached.seq() >= grant.changeSeq()) {
            return cached;
        }
        Rendered fresh = render(reads.list(grant, null, null));
        if (byHandle.size() >= MAX_HANDLES) {
            byHandle.clear();
        }
        byHandle.merge(grant.handleId(), fresh, (old, candidate) -> candidate.seq() >= old.seq() ? candidate : old);
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
