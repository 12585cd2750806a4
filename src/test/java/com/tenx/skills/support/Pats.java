package com.tenx.skills.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Personal access tokens for tests: creation through the API as the seed shows it, and
 * the paths of the PAT route family.
 */
public final class Pats {

    private final Api api;

    public Pats(Api api) {
        this.api = api;
    }

    /** A created token: the full token and its id. */
    public record Pat(String token, String tokenId, JsonNode info) {
    }

    /** The body of a token request with {@code scopes}. */
    public static ObjectNode request(String name, String... scopes) {
        ArrayNode list = Json.array();
        for (String scope : scopes) {
            list.add(scope);
        }
        ObjectNode body = Json.object().put("name", name);
        body.set("scopes", list);
        return body;
    }

    public Reply createReply(World.Member member, JsonNode body) {
        return api.post(tokensPath(member.handle())).token(member.token()).json(body).send();
    }

    /** Creates a token on the member's handle with {@code scopes}; fails unless 201. */
    public Pat create(World.Member member, String... scopes) {
        Reply reply = createReply(member, request(World.unique("ci"), scopes));
        assertThat(reply.status()).as("token creation: %s", reply).isEqualTo(201);
        JsonNode body = reply.json();
        return new Pat(body.get("token").asString(), body.get("tokenInfo").get("tokenId").asString(),
                body.get("tokenInfo"));
    }

    public static String tokensPath(String handle) {
        return "/v2/handles/" + handle + "/tokens";
    }

    /** The PAT family's list of a handle's skills. */
    public static String skills(String handle) {
        return "/v2/public/handles/" + handle + "/skills";
    }

    public static String skill(String handle, String key) {
        return skills(handle) + "/" + key;
    }

}
