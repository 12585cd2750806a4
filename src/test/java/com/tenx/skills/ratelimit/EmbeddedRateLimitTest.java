package com.tenx.skills.ratelimit;

import static com.tenx.skills.ratelimit.RateLimitAssertions.assertRateLimited;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.World;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default (no datasource configured) limits with buckets in memory. */
class EmbeddedRateLimitTest {

    @TempDir
    static Path dataDir;

    static LimitedServer server;

    @BeforeAll
    static void start() {
        server = LimitedServer.start(Map.of(),
                Map.of("skills.data-dir", dataDir.toString(), "skills.bootstrap-admin.email", World.ADMIN_EMAIL,
                        "skills.bootstrap-admin.password", World.ADMIN_PASSWORD, "skills.rate-limit.handles.capacity",
                        "3", "skills.rate-limit.handles.period", "1h", "skills.rate-limit.login.capacity", "3",
                        "skills.rate-limit.login.period", "1h"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void handleRoutesAreLimitedPerUser() {
        Api api = server.api();
        String token = new World(api).adminToken();
        for (int i = 0; i < 3; i++) {
            Reply reply = api.get("/v2/handles").token(token).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.header("RateLimit")).startsWith("\"user\";r=" + (2 - i) + ";t=");
        }

        assertRateLimited(api.get("/v2/handles").token(token).send(), "user", 3, 3600);
    }

    @Test
    void loginIsLimitedPerAddressAndEmail() {
        Api api = server.api();
        String email = World.unique("flood") + "@example.com";
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/v2/auth/login")
                .json(Json.object().put("email", email).put("password", "nope"))
                .send()
                .status()).isEqualTo(401);
        }

        assertRateLimited(
                api.post("/v2/auth/login").json(Json.object().put("email", email).put("password", "nope")).send(),
                "login", 3, 3600);
    }

}
