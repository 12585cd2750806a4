package com.tenx.skills.ratelimit;

import static com.tenx.skills.ratelimit.RateLimitAssertions.assertRateLimited;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.TestSettings;
import com.tenx.skills.support.World;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two more instances on the test database with small limits (10 handle requests and 5
 * logins per hour); set-up goes through the shared test server, whose limits are the
 * defaults.
 */
class SharedRateLimitTest extends ApiTest {

    static final Map<String, String> SMALL_LIMITS = Map.of("skills.rate-limit.handles.capacity", "10",
            "skills.rate-limit.handles.period", "1h", "skills.rate-limit.login.capacity", "5",
            "skills.rate-limit.login.period", "1h");

    static LimitedServer first;

    static LimitedServer second;

    @BeforeAll
    static void startTwoInstances() {
        Map<String, String> settings = TestSettings.properties(TestDatabase.get());
        first = LimitedServer.start(settings, SMALL_LIMITS);
        second = LimitedServer.start(settings, SMALL_LIMITS);
    }

    @AfterAll
    static void stopInstances() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private static Reply login(Api api, String email, String password) {
        return api.post("/v2/auth/login").json(Json.object().put("email", email).put("password", password)).send();
    }

    @Test
    void requestsAlternatingBetweenInstancesAreCutOffAtTheSharedTotal() throws SQLException {
        World.User user = world.user();
        Api[] instances = { first.api(), second.api() };

        for (int i = 0; i < 10; i++) {
            Reply reply = instances[i % 2].get("/v2/handles").token(user.token()).send();
            assertThat(reply.status()).as("request %d: %s", i + 1, reply).isEqualTo(200);
            assertThat(reply.header("RateLimit")).startsWith("\"user\";r=" + (9 - i) + ";t=");
        }

        assertRateLimited(first.api().get("/v2/handles").token(user.token()).send(), "user", 10, 3600);
        assertRateLimited(second.api().get("/v2/handles").token(user.token()).send(), "user", 10, 3600);
        assertThat(storedBuckets("user:10/3600s:" + user.id())).isOne();
    }

    private static int storedBuckets(String id) throws SQLException {
        try (Connection connection = TestDatabase.get().connect();
                PreparedStatement query = connection
                    .prepareStatement("SELECT count(*) FROM rate_limit_buckets WHERE id = ? AND state IS NOT NULL")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void overTheLimitIs429AndTheDeniedWriteIsNotMade() {
        World.Member admin = world.member("ADMIN");
        World.User newcomer = world.user();
        Api api = first.api();
        for (int i = 0; i < 10; i++) {
            assertThat(api.get("/v2/handles").token(admin.token()).send().status()).isEqualTo(200);
        }

        Reply denied = api.put("/v2/handles/" + admin.handle() + "/members/" + newcomer.id())
            .token(admin.token())
            .json(Json.object().put("role", "VIEWER"))
            .send();

        assertRateLimited(denied, "user", 10, 3600);
        assertThat(this.api.get("/v2/handles").token(newcomer.token()).send().json().get("handles")).isEmpty();
    }

    @Test
    void loginFloodForOneEmailIs429WhileAnotherEmailGetsThrough() {
        String flooded = World.unique("flood") + "@example.com";
        Api[] instances = { first.api(), second.api() };
        for (int i = 0; i < 5; i++) {
            Reply reply = login(instances[i % 2], flooded, "wrong-password");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertThat(reply.error()).isEqualTo("invalid_credentials");
        }

        assertRateLimited(login(first.api(), flooded, "wrong-password"), "login", 5, 3600);
        assertRateLimited(login(second.api(), flooded.toUpperCase(java.util.Locale.ROOT), "wrong-password"), "login", 5,
                3600);
        World.User other = world.user();
        Reply otherLogin = login(first.api(), other.email(), other.password());
        assertThat(otherLogin.status()).as(otherLogin.toString()).isEqualTo(200);
        assertThat(otherLogin.header("RateLimit-Policy")).isEqualTo("\"login\";q=5;w=3600");
        assertThat(otherLogin.header("RateLimit")).startsWith("\"login\";r=4;t=");
        assertThat(login(first.api(), World.unique("other") + "@example.com", "x").error())
            .isEqualTo("invalid_credentials");
    }

    @Test
    void allowedHandleRequestsCarryTheFieldsOfTheConfiguredPolicy() {
        World.User user = world.user();

        Reply reply = api.get("/v2/handles").token(user.token()).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("RateLimit-Policy")).isEqualTo("\"user\";q=1000000;w=60");
        assertThat(reply.header("RateLimit")).matches("\"user\";r=999999;t=[1-9][0-9]*");
        assertThat(reply.header("Retry-After")).isNull();
    }

    @Test
    void routesOutsideTheHandlesAreNotLimitedPerUser() {
        Reply reply = api.post("/v2/platform-admin/users")
            .token(world.adminToken())
            .json(Json.object().put("email", World.unique("u") + "@example.com").put("password", "password-123"))
            .send();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("RateLimit")).isNull();
    }

}
