package com.tenx.skills.support;

import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;

/**
 * Sets up tenants, handles, users and memberships through the admin routes, each with
 * fresh random names so that tests never see each other's data.
 */
public final class World {

    public static final String ADMIN_EMAIL = "root-admin@example.com";

    public static final String ADMIN_PASSWORD = "root-admin-password";

    private final Api api;

    private String adminToken;

    public World(Api api) {
        this.api = api;
    }

    /** A user with a token. */
    public record User(String id, String email, String password, String token) {
    }

    /** A handle, its tenant, and a user holding {@code role} on it. */
    public record Member(String handle, String tenantId, User user) {

        public String token() {
            return user.token();
        }
    }

    public String adminToken() {
        if (adminToken == null) {
            adminToken = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        }
        return adminToken;
    }

    public String login(String email, String password) {
        Reply reply = api.post("/v2/auth/login")
            .json(Json.object().put("email", email).put("password", password))
            .send();
        if (reply.status() != 200) {
            throw new IllegalStateException("login failed: " + reply);
        }
        return reply.json().get("accessToken").asString();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public String tenant(String... features) {
        String id = unique("t");
        ArrayNode list = Json.array();
        for (String feature : features) {
            list.add(feature);
        }
        expect(200, 201,
                api.put("/v2/platform-admin/tenants/" + id)
                    .token(adminToken())
                    .json(Json.object().put("plan", "growth").set("features", list))
                    .send());
        return id;
    }

    public String handle(String tenantId) {
        String handle = unique("h");
        expect(201, 201,
                api.put("/v2/platform-admin/handles/" + handle)
                    .token(adminToken())
                    .json(Json.object().put("tenantId", tenantId))
                    .send());
        return handle;
    }

    public User user() {
        String email = unique("user") + "@example.com";
        String password = "password-" + UUID.randomUUID();
        Reply reply = api.post("/v2/platform-admin/users")
            .token(adminToken())
            .json(Json.object().put("email", email).put("password", password))
            .send();
        expect(201, 201, reply);
        return new User(reply.json().get("user").get("id").asString(), email, password, login(email, password));
    }

    public void grant(String handle, String userId, String role) {
        expect(200, 200,
                api.put("/v2/handles/" + handle + "/members/" + userId)
                    .token(adminToken())
                    .json(Json.object().put("role", role))
                    .send());
    }

    /**
     * A fresh tenant with {@code features}, a handle on it, and a new user with
     * {@code role} there.
     */
    public Member member(String role, String... features) {
        String tenant = tenant(features);
        String handle = handle(tenant);
        User user = user();
        grant(handle, user.id(), role);
        return new Member(handle, tenant, user);
    }

    /**
     * A CREATOR on a handle whose tenant has {@code growth_tools}: the usual skill
     * writer.
     */
    public Member creator() {
        return member("CREATOR", "growth_tools");
    }

    private static void expect(int low, int high, Reply reply) {
        if (reply.status() < low || reply.status() > high) {
            throw new IllegalStateException("set-up call failed: " + reply);
        }
    }

}
