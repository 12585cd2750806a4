package com.tenx.skills.identity;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/** Users, tenants and handles under {@code /v2/platform-admin}. */
class PlatformAdminApiTest extends ApiTest {

    @Autowired
    JdbcClient db;

    private Reply createUser(String token, String email, String password) {
        return api.post("/v2/platform-admin/users")
            .token(token)
            .json(Json.object().put("email", email).put("password", password))
            .send();
    }

    private Reply putTenant(String tenantId, String plan, String... features) {
        ObjectNode body = Json.object().put("plan", plan);
        body.set("features", Json.MAPPER.valueToTree(features));
        return api.put("/v2/platform-admin/tenants/" + tenantId).token(world.adminToken()).json(body).send();
    }

    private Reply putHandle(String handle, String tenantId) {
        return api.put("/v2/platform-admin/handles/" + handle)
            .token(world.adminToken())
            .json(Json.object().put("tenantId", tenantId))
            .send();
    }

    private long usersWithEmail(String email) {
        return db.sql("SELECT count(*) FROM users WHERE lower(email) = lower(:email)")
            .param("email", email)
            .query(Long.class)
            .single();
    }

    @Test
    void nonAdminIs403InsufficientRoleAndNothingIsWritten() {
        World.User user = world.user();
        String email = World.unique("victim") + "@example.com";
        String tenantId = World.unique("t");

        assertError(createUser(user.token(), email, "password-123"), 403, "insufficient_role");
        assertError(api.put("/v2/platform-admin/tenants/" + tenantId)
            .token(user.token())
            .json(Json.object().put("plan", "growth"))
            .send(), 403, "insufficient_role");
        assertError(api.put("/v2/platform-admin/handles/" + World.unique("h"))
            .token(user.token())
            .json(Json.object().put("tenantId", world.tenant()))
            .send(), 403, "insufficient_role");

        assertThat(usersWithEmail(email)).isZero();
        assertThat(
                db.sql("SELECT count(*) FROM tenants WHERE id = :id").param("id", tenantId).query(Long.class).single())
            .isZero();
    }

    @Test
    void createUserIs201WithTheUserAndAHashedPassword() {
        String email = World.unique("New.User") + "@Example.com";

        Reply reply = createUser(world.adminToken(), email, "correct-horse-battery");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("ok").asBoolean()).isTrue();
        String id = reply.json().path("user").path("id").asString();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(reply.json().path("user").path("email").asString()).isEqualTo(email.toLowerCase(Locale.ROOT));
        assertThat(reply.json().path("user").path("platformAdmin").asBoolean(true)).isFalse();
        String hash = db.sql("SELECT password_hash FROM users WHERE id = :id")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .single();
        assertThat(hash).doesNotContain("correct-horse-battery").containsPattern("bcrypt|argon2");
        assertThat(world.login(email, "correct-horse-battery")).isNotBlank();
    }

    @Test
    void createdPlatformAdminMayUseAdminRoutes() {
        String email = World.unique("ops") + "@example.com";
        Reply reply = api.post("/v2/platform-admin/users")
            .token(world.adminToken())
            .json(Json.object().put("email", email).put("password", "ops-password-1").put("platformAdmin", true))
            .send();
        assertThat(reply.json().path("user").path("platformAdmin").asBoolean()).isTrue();

        String token = world.login(email, "ops-password-1");

        assertThat(createUser(token, World.unique("u") + "@example.com", "password-123").status()).isEqualTo(201);
    }

    @Test
    void sameEmailInAnotherCaseIs409Conflict() {
        String email = World.unique("dup") + "@example.com";
        assertThat(createUser(world.adminToken(), email, "password-123").status()).isEqualTo(201);

        assertError(createUser(world.adminToken(), email.toUpperCase(Locale.ROOT), "password-456"), 409, "conflict");
        assertThat(usersWithEmail(email)).isOne();
        assertThat(world.login(email, "password-123")).isNotBlank();
    }

    @Test
    void spellingsAPersonReadsAsTheSameAddressAreOneAccount() {
        String local = World.unique("kelvin");
        String email = local + "-caf\u00e9@example.com";
        assertThat(createUser(world.adminToken(), email, "password-123").status()).isEqualTo(201);

        String decomposed = local + "-cafe\u0301@example.com";
        String kelvinAndFullWidth = local.replace("k", "\u212a") + "-caf\u00e9@\uff45xample.com";
        assertError(createUser(world.adminToken(), decomposed, "password-456"), 409, "conflict");
        assertError(createUser(world.adminToken(), kelvinAndFullWidth, "password-456"), 409, "conflict");
        assertThat(usersWithEmail(email)).isOne();
        assertThat(world.login(decomposed, "password-123")).isNotBlank();
        assertThat(world.login(kelvinAndFullWidth, "password-123")).isNotBlank();
    }

    @Test
    void badEmailOrShortPasswordIs400() {
        assertError(createUser(world.adminToken(), "not-an-email", "password-123"), 400, "invalid_request");
        assertError(createUser(world.adminToken(), "a b@example.com", "password-123"), 400, "invalid_request");
        Reply shortPassword = createUser(world.adminToken(), World.unique("u") + "@example.com", "short");
        assertError(shortPassword, 400, "invalid_request");
        assertThat(shortPassword.json().path("details").get(0).path("field").asString()).isEqualTo("password");
        assertError(api.post("/v2/platform-admin/users")
            .token(world.adminToken())
            .json(Json.object().put("password", "password-123"))
            .send(), 400, "invalid_request");
    }

    @Test
    void putTenantCreatesThenReplaces() {
        String tenantId = World.unique("t");

        Reply created = putTenant(tenantId, "growth", "growth_tools", "sso");
        Reply replaced = putTenant(tenantId, "starter", "sso");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).isEqualTo(Json.parse("""
                {"ok":true,"tenant":{"tenantId":"%s","plan":"growth","features":["growth_tools","sso"]}}"""
            .formatted(tenantId)));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("tenant").path("features")).isEqualTo(Json.parse("[\"sso\"]"));
        assertThat(db.sql("SELECT plan || '|' || features FROM tenants WHERE id = :id")
            .param("id", tenantId)
            .query(String.class)
            .single()).isEqualTo("starter|sso");
    }

    @Test
    void tenantIdIsLowerCasedAndChecked() {
        String tenantId = World.unique("t");

        Reply reply = putTenant(tenantId.toUpperCase(Locale.ROOT), "growth");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("tenant").path("tenantId").asString()).isEqualTo(tenantId);
        assertError(putTenant("bad_tenant", "growth"), 400, "invalid_request");
        assertError(api.put("/v2/platform-admin/tenants/" + World.unique("t"))
            .token(world.adminToken())
            .json(Json.object().put("features", "growth_tools"))
            .send(), 400, "invalid_request");
    }

    @Test
    void putHandleCreatesThenMovesIt() {
        String first = world.tenant();
        String second = world.tenant();
        String handle = World.unique("h");

        Reply created = putHandle(handle.toUpperCase(Locale.ROOT), first.toUpperCase(Locale.ROOT));
        Reply moved = putHandle(handle, second);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).isEqualTo(Json.parse("""
                {"ok":true,"handle":{"handle":"%s","tenantId":"%s"}}""".formatted(handle, first)));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("handle").path("tenantId").asString()).isEqualTo(second);
        assertThat(db.sql("SELECT tenant_id FROM handles WHERE handle = :h")
            .param("h", handle)
            .query(String.class)
            .single()).isEqualTo(second);
    }

    @Test
    void handleOfAnUnknownTenantIs404NotFound() {
        String handle = World.unique("h");

        assertError(putHandle(handle, World.unique("t")), 404, "not_found");
        assertThat(
                db.sql("SELECT count(*) FROM handles WHERE handle = :h").param("h", handle).query(Long.class).single())
            .isZero();
    }

    @Test
    void invalidHandleIs400() {
        String tenant = world.tenant();

        for (String bad : new String[] { "bad_handle", "-bad", "bad-", "a", "x".repeat(65) }) {
            assertError(putHandle(bad, tenant), 400, "invalid_request");
        }
    }

}
