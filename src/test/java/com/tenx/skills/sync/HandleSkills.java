package com.tenx.skills.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** One member's view of a handle's skills through one server instance. */
final class HandleSkills {

    private final Api api;

    private final World.Member member;

    private final String path;

    HandleSkills(Api api, World.Member member) {
        this.api = api;
        this.member = member;
        this.path = "/v2/handles/" + member.handle() + "/skills";
    }

    /** The same member's view through another instance. */
    HandleSkills through(Api other) {
        return new HandleSkills(other, member);
    }

    Reply put(String key, String description) {
        return api.put(path + "/" + key)
            .token(member.token())
            .json(Json.skill().put("description", description))
            .send();
    }

    Reply putRuntime(String key) {
        return api.put(path + "/" + key + "/runtime").token(member.token()).json(Json.runtime()).send();
    }

    Reply publish(String key) {
        return api.post(path + "/" + key + "/publish").token(member.token()).send();
    }

    Reply delete(String key) {
        return api.delete(path + "/" + key).token(member.token()).send();
    }

    void create(String... keys) {
        for (String key : keys) {
            assertThat(put(key, "about " + key).status()).isEqualTo(201);
        }
    }

    /**
     * The list answer for a raw query string, such as {@code "?since=abc"}; any status.
     */
    Reply list(String query) {
        return api.get(path + query).token(member.token()).send();
    }

    /**
     * A successful list answer, optionally since {@code cursor} and limited to
     * {@code limit} items.
     */
    JsonNode list(String cursor, Integer limit) {
        StringBuilder query = new StringBuilder();
        if (cursor != null) {
            query.append("?since=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        if (limit != null) {
            query.append(query.isEmpty() ? "?" : "&").append("limit=").append(limit);
        }
        Reply reply = list(query.toString());
        assertThat(reply.status()).as("GET %s%s: %s", path, query, reply).isEqualTo(200);
        return reply.json();
    }

    JsonNode one(String key) {
        Reply reply = api.get(path + "/" + key).token(member.token()).send();
        assertThat(reply.status()).as("GET %s", key).isEqualTo(200);
        return reply.json();
    }

}
