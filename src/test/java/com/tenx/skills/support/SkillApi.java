package com.tenx.skills.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** The skill routes of one handle, called as one member: paths and the common calls. */
public final class SkillApi {

    private final Api api;

    private final World.Member member;

    public SkillApi(Api api, World.Member member) {
        this.api = api;
        this.member = member;
    }

    public World.Member member() {
        return member;
    }

    public String token() {
        return member.token();
    }

    public String list() {
        return "/v2/handles/" + member.handle() + "/skills";
    }

    public String path(String key) {
        return list() + "/" + key;
    }

    public Reply put(String key, JsonNode body) {
        return api.put(path(key)).token(token()).json(body).send();
    }

    public Reply putRuntime(String key, JsonNode body) {
        return api.put(path(key) + "/runtime").token(token()).json(body).send();
    }

    public Reply publish(String key) {
        return api.post(path(key) + "/publish").token(token()).send();
    }

    public Reply rollback(String key, String fromVersion) {
        return api.post(path(key) + "/publish")
            .token(token())
            .json(Json.object().put("fromVersion", fromVersion))
            .send();
    }

    public Reply get(String key) {
        return api.get(path(key)).token(token()).send();
    }

    public Reply getRuntime(String key) {
        return api.get(path(key) + "/runtime").token(token()).send();
    }

    public Reply versions(String key) {
        return api.get(path(key) + "/versions").token(token()).send();
    }

    public Reply version(String key, String version) {
        return api.get(path(key) + "/versions/" + version).token(token()).send();
    }

    public Reply delete(String key) {
        return api.delete(path(key)).token(token()).send();
    }

    public Reply getList() {
        return api.get(list()).token(token()).send();
    }

    /** The stored skill, read back over GET; fails unless it exists. */
    public JsonNode skill(String key) {
        Reply reply = get(key);
        assertThat(reply.status()).as("GET %s: %s", key, reply).isEqualTo(200);
        return reply.json();
    }

    public Instant updatedAt(String key) {
        return Instant.parse(skill(key).get("updatedAt").asString());
    }

    public String etag(String key) {
        return get(key).header("ETag");
    }

    public String listEtag() {
        return getList().header("ETag");
    }

    /**
     * Creates the seed's skill under {@code key} with the seed's runtime: runtimeStatus
     * {@code ready}.
     */
    public void createReady(String key) {
        expectOk(put(key, Json.skill()));
        expectOk(putRuntime(key, Json.runtime()));
    }

    /** Creates a ready skill and publishes it; answers the version. */
    public String createPublished(String key) {
        createReady(key);
        Reply published = publish(key);
        expectOk(published);
        return published.json().get("version").asString();
    }

    private static void expectOk(Reply reply) {
        assertThat(reply.status()).as("set-up call: %s", reply).isBetween(200, 201);
    }

}
