package com.tenx.skills.token;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * Every skill route, as a method and a path after {@code /handles/{handle}}, with the
 * body a caller would send, the scope a personal access token needs for it and whether it
 * needs the {@code growth_tools} feature. {@code KEY} in a path is the skill key.
 */
enum SkillRoute {

    LIST("GET", "/skills", "skills.read", false), LIST_PAGE("GET", "/skills?limit=10", "skills.read", false),
    LIST_SINCE("GET", "/skills?since=bm90LWEtY3Vyc29y", "skills.read", false),
    GET("GET", "/skills/KEY", "skills.read", false), PUT("PUT", "/skills/KEY", "skills.write", true),
    DELETE("DELETE", "/skills/KEY", "skills.write", false),
    GET_RUNTIME("GET", "/skills/KEY/runtime", "skills.read", false),
    PUT_RUNTIME("PUT", "/skills/KEY/runtime", "skills.write", true),
    PUBLISH("POST", "/skills/KEY/publish", "skills.publish", true),
    ROLLBACK("POST", "/skills/KEY/publish", "skills.publish", true),
    VERSIONS("GET", "/skills/KEY/versions", "skills.read", false),
    VERSION("GET", "/skills/KEY/versions/v1770000000000", "skills.read", false);

    private final String method;

    private final String path;

    final String scope;

    final boolean growthTools;

    SkillRoute(String method, String path, String scope, boolean growthTools) {
        this.method = method;
        this.path = path;
        this.scope = scope;
        this.growthTools = growthTools;
    }

    /** Whether the path names a skill (so a bad key can be checked). */
    boolean keyed() {
        return path.contains("KEY");
    }

    /** The scopes other than this route's: a token with them may not call it. */
    String[] otherScopes() {
        return java.util.stream.Stream.of("skills.read", "skills.write", "skills.publish")
            .filter(s -> !s.equals(scope))
            .toArray(String[]::new);
    }

    JsonNode body() {
        return switch (this) {
            case PUT -> Json.skill();
            case PUT_RUNTIME -> Json.runtime();
            case ROLLBACK -> Json.object().put("fromVersion", "v1770000000000");
            default -> null;
        };
    }

    /** The call on the PAT family of {@code handle}. */
    Api.Call onPatFamily(Api api, String handle, String key) {
        return call(api, "/v2/public/handles/" + handle, key);
    }

    /** The call on the JWT family of {@code handle}. */
    Api.Call onJwtFamily(Api api, String handle, String key) {
        return call(api, "/v2/handles/" + handle, key);
    }

    private Api.Call call(Api api, String prefix, String key) {
        Api.Call call = api.call(method, prefix + path.replace("KEY", key));
        JsonNode body = body();
        return body == null ? call : call.json(body);
    }

}
