package com.tenx.skills.web;

import static com.tenx.skills.support.Errors.assertDetail;
import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON types are strict on every route that takes a body: a value of another JSON type
 * than the field's is never coerced (no number for a string, no string for a number, no
 * single value for an array, no object for an array), also for an alias and for a field
 * the request does not use, and the answer is a 400 naming the field.
 */
class StrictJsonTypesTest extends ApiTest {

    private static void assertRejected(Reply reply, String code, String field) {
        assertError(reply, 400, code);
        assertDetail(reply, field);
    }

    private Reply putSkill(World.Member member, ObjectNode body) {
        return api.put("/v2/handles/" + member.handle() + "/skills/typed-skill")
            .token(member.token())
            .json(body)
            .send();
    }

    private Reply putRuntime(World.Member member, ObjectNode body) {
        return api.put("/v2/handles/" + member.handle() + "/skills/typed-skill/runtime")
            .token(member.token())
            .json(body)
            .send();
    }

    @Test
    void skillMetadataFieldsAreStrict() {
        World.Member creator = world.creator();

        assertRejected(putSkill(creator, Json.skill().put("displayName", 5)), "invalid_request", "displayName");
        assertRejected(putSkill(creator, Json.skill().set("displayName", Json.array().add("CRM"))), "invalid_request",
                "displayName");
        assertRejected(putSkill(creator, Json.skill().put("description", true)), "invalid_request", "description");
        assertRejected(putSkill(creator, Json.skill().set("systemPrompt", Json.object())), "invalid_request",
                "systemPrompt");
        assertRejected(putSkill(creator, Json.skill().set("tools", Json.object())), "invalid_tools", "tools");
        assertRejected(putSkill(creator, Json.skill().put("status", 1)), "invalid_status", "status");

        assertThat(api.get("/v2/handles/" + creator.handle() + "/skills/typed-skill")
            .token(creator.token())
            .send()
            .status()).isEqualTo(404);
    }

    @Test
    void theAliasAndTheReadOnlyFieldsAreTypedToo() {
        World.Member creator = world.creator();

        assertRejected(putSkill(creator, Json.skill().put("title", 5)), "invalid_request", "title");
        assertRejected(putSkill(creator, Json.skill().put("skillKey", 5)), "invalid_request", "skillKey");
        assertRejected(putSkill(creator, Json.skill().set("runtimeStatus", Json.object())), "invalid_request",
                "runtimeStatus");
        assertRejected(putSkill(creator, Json.skill().put("updatedAt", 1770000000000L)), "invalid_request",
                "updatedAt");
        assertRejected(putSkill(creator, Json.skill().put("publishedVersion", false)), "invalid_request",
                "publishedVersion");

        ObjectNode echoed = Json.skill()
            .put("title", "CRM Lookup")
            .put("skillKey", "typed-skill")
            .put("runtimeStatus", "draft")
            .put("updatedAt", "2026-05-08T10:30:00.000Z")
            .putNull("publishedVersion");
        assertThat(putSkill(creator, echoed).status()).isEqualTo(201);
    }

    @Test
    void runtimeFieldsAreStrict() {
        World.Member creator = world.creator();

        assertRejected(putRuntime(creator, Json.runtime().put("cpu", "512")), "invalid_runtime", "cpu");
        assertRejected(putRuntime(creator, Json.runtime().put("memory", 1024.0)), "invalid_runtime", "memory");
        assertRejected(putRuntime(creator, Json.runtime().put("idleTimeoutSec", true)), "invalid_runtime",
                "idleTimeoutSec");
        assertRejected(putRuntime(creator, Json.runtime().put("command", "node")), "invalid_runtime", "command");
        assertRejected(putRuntime(creator, Json.runtime().set("args", Json.object())), "invalid_runtime", "args");
        assertRejected(putRuntime(creator, Json.runtime().set("networkPolicy", Json.array())), "invalid_runtime",
                "networkPolicy");
        assertRejected(putRuntime(creator, Json.runtime().put("skillKey", 7)), "invalid_runtime", "skillKey");
        assertRejected(putRuntime(creator, Json.runtime().put("imageRef", 5)), "invalid_image_ref", "imageRef");
    }

    @Test
    void publishFieldsAreStrict() {
        World.Member creator = world.creator();

        assertRejected(api.post("/v2/handles/" + creator.handle() + "/skills/typed-skill/publish")
            .token(creator.token())
            .json(Json.object().put("fromVersion", 1770000000000L))
            .send(), "invalid_request", "fromVersion");
    }

    @Test
    void loginFieldsAreStrict() {
        World.User user = world.user();

        assertRejected(api.post("/v2/auth/login").json(Json.object().put("email", 5).put("password", "x")).send(),
                "invalid_request", "email");
        assertRejected(api.post("/v2/auth/login")
            .json(Json.object().put("email", user.email()).put("password", 123456789012L))
            .send(), "invalid_request", "password");
        assertRejected(api.post("/v2/auth/login")
            .json(Json.object().put("email", user.email()).set("password", Json.array().add(user.password())))
            .send(), "invalid_request", "password");
    }

    @Test
    void memberFieldsAreStrict() {
        World.Member owner = world.member("OWNER");
        World.User user = world.user();
        String route = "/v2/handles/" + owner.handle() + "/members/" + user.id();

        assertRejected(api.put(route).token(owner.token()).json(Json.object().put("role", 3)).send(), "invalid_request",
                "role");
        assertRejected(
                api.put(route).token(owner.token()).json(Json.object().set("role", Json.array().add("ADMIN"))).send(),
                "invalid_request", "role");
    }

    @Test
    void platformAdminFieldsAreStrict() {
        String admin = world.adminToken();
        String email = World.unique("typed") + "@example.com";

        assertRejected(api.post("/v2/platform-admin/users")
            .token(admin)
            .json(Json.object().put("email", email).put("password", "password-123").put("platformAdmin", "true"))
            .send(), "invalid_request", "platformAdmin");
        assertRejected(api.post("/v2/platform-admin/users")
            .token(admin)
            .json(Json.object().put("email", 5).put("password", "password-123"))
            .send(), "invalid_request", "email");

        String tenant = World.unique("t");
        assertRejected(api.put("/v2/platform-admin/tenants/" + tenant)
            .token(admin)
            .json(Json.object().put("plan", 5).set("features", Json.array()))
            .send(), "invalid_request", "plan");
        assertRejected(api.put("/v2/platform-admin/tenants/" + tenant)
            .token(admin)
            .json(Json.object().put("plan", "growth").put("features", "growth_tools"))
            .send(), "invalid_request", "features");
        assertRejected(api.put("/v2/platform-admin/tenants/" + tenant)
            .token(admin)
            .json(Json.object().put("plan", "growth").set("features", Json.array().add(5)))
            .send(), "invalid_request", "features[0]");
        assertThat(api.put("/v2/platform-admin/tenants/" + tenant)
            .token(admin)
            .json(Json.object().put("plan", "growth").set("features", Json.array()))
            .send()
            .status()).as("the rejected writes created nothing").isEqualTo(201);

        assertRejected(api.put("/v2/platform-admin/handles/" + World.unique("h"))
            .token(admin)
            .json(Json.object().put("tenantId", 5))
            .send(), "invalid_request", "tenantId");
        assertThat(api.post("/v2/auth/login")
            .json(Json.object().put("email", email).put("password", "password-123"))
            .send()
            .status()).as("the rejected user was not created").isEqualTo(401);
    }

    @Test
    void passwordFieldsAreStrict() {
        World.User user = world.user();

        assertRejected(api.put("/v2/account/password")
            .token(user.token())
            .json(Json.object().put("currentPassword", user.password()).put("newPassword", 123456789012345L))
            .send(), "invalid_request", "newPassword");
    }

    @Test
    void aFormEncodedBodyIs415EvenWhenItsParametersCannotBeRead() {
        for (String body : new String[] { "email=a%40example.com&password=x", "{\"email\":{\"%\":0}}",
                "{\"\u20cf\u49ef\":-2}" }) {
            assertError(api.post("/v2/auth/login")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/x-www-form-urlencoded")
                .send(), 415, "unsupported_media_type");
        }
    }

    @Test
    void onlyApplicationJsonIsTakenAsJson() {
        World.User user = world.user();
        byte[] login = Json.object()
            .put("email", user.email())
            .put("password", user.password())
            .toString()
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        for (String type : new String[] { "application/merge-patch+json", "text/json", "application/json;;" }) {
            assertError(api.post("/v2/auth/login").body(login, type).send(), 415, "unsupported_media_type");
        }
        assertError(api.post("/v2/auth/login").body(login, "application/*").send(), 400, "invalid_request");
        assertError(api.put("/v2/handles/" + World.unique("h") + "/skills/crm").body(login, "*/*").send(), 400,
                "invalid_request");
        assertThat(api.post("/v2/auth/login").body(login, "application/json; charset=UTF-8").send().status())
            .isEqualTo(200);
    }

}
