package com.tenx.skills.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * What an importing client keeps: the handle's skills by key, brought up to date by
 * following the cursor. It fails on a change delivered twice or a change older than what
 * it already holds.
 */
final class Replica {

    private final Map<String, JsonNode> skills = new TreeMap<>();

    private final Set<String> delivered = new HashSet<>();

    private String cursor;

    private int upserts;

    private int deletions;

    /** Starts over from the full list, in pages of {@code limit} when given. */
    void load(HandleSkills via, Integer limit) {
        skills.clear();
        JsonNode page = via.list(null, limit);
        apply(page);
        while (page.has("nextCursor")) {
            page = via.list(page.get("nextCursor").asString(), limit);
            apply(page);
        }
        cursor = page.get("cursor").asString();
    }

    /**
     * Follows the cursor, in pages of {@code limit} when given, until the answer says
     * nothing more remains.
     */
    void catchUp(HandleSkills via, Integer limit) {
        JsonNode page = via.list(cursor, limit);
        apply(page);
        while (page.has("nextCursor")) {
            page = via.list(page.get("nextCursor").asString(), limit);
            apply(page);
        }
        cursor = page.get("cursor").asString();
    }

    /** Applies one {@code ?since=} answer (a held one, say) and moves to its cursor. */
    void follow(JsonNode answer) {
        apply(answer);
        cursor = answer.get("cursor").asString();
    }

    String cursor() {
        return cursor;
    }

    Map<String, JsonNode> skills() {
        return skills;
    }

    int upserts() {
        return upserts;
    }

    int deletions() {
        return deletions;
    }

    private void apply(JsonNode answer) {
        for (JsonNode skill : answer.get("skills")) {
            String key = skill.get("skillKey").asString();
            String updatedAt = skill.get("updatedAt").asString();
            assertThat(delivered.add(key + " updated " + updatedAt)).as("%s at %s delivered twice", key, updatedAt)
                .isTrue();
            JsonNode held = skills.get(key);
            if (held != null) {
                assertThat(Instant.parse(updatedAt)).as("%s delivered out of order", key)
                    .isAfter(Instant.parse(held.get("updatedAt").asString()));
            }
            skills.put(key, skill);
            upserts++;
        }
        for (JsonNode tombstone : answer.path("deleted")) {
            String key = tombstone.get("skillKey").asString();
            String deletedAt = tombstone.get("deletedAt").asString();
            assertThat(delivered.add(key + " deleted " + deletedAt))
                .as("deletion of %s at %s delivered twice", key, deletedAt)
                .isTrue();
            JsonNode held = skills.remove(key);
            if (held != null) {
                assertThat(Instant.parse(deletedAt)).as("deletion of %s delivered out of order", key)
                    .isAfter(Instant.parse(held.get("updatedAt").asString()));
            }
            deletions++;
        }
    }

    /**
     * The replica a follower built, waiting at most a minute; an assertion that failed in
     * the follower fails the caller as itself.
     */
    static Replica await(Future<Replica> follower) throws Exception {
        try {
            return follower.get(60, TimeUnit.SECONDS);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** A list answer's skills by key. */
    static Map<String, JsonNode> byKey(JsonNode list) {
        Map<String, JsonNode> skills = new TreeMap<>();
        list.get("skills").forEach(skill -> skills.put(skill.get("skillKey").asString(), skill));
        return skills;
    }

}
