package com.tenx.skills.ratelimit;

import static com.tenx.skills.ratelimit.RateLimitAssertions.assertRateLimited;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.Concurrently;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.TestSettings;
import com.tenx.skills.support.World;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Login attempts are limited per address and per account from that address, on
 * PostgreSQL. The server trusts 127.0.0.1 as a proxy, so that {@code X-Forwarded-For} can
 * play callers at other addresses.
 */
class LoginLimitTest {

    static LimitedServer server;

    @BeforeAll
    static void start() {
        server = LimitedServer.start(TestSettings.properties(TestDatabase.get()),
                Map.of("SKILLS_TRUSTED_PROXIES", "127.0.0.1/32", "skills.rate-limit.login.capacity", "3",
                        "skills.rate-limit.login.period", "1h", "skills.rate-limit.login-address.capacity", "5",
                        "skills.rate-limit.login-address.period", "1h"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Reply login(String from, String email, String password) {
        return server.api()
            .post("/v2/auth/login")
            .header("X-Forwarded-For", from)
            .json(Json.object().put("email", email).put("password", password))
            .send();
    }

    @Test
    void oneAddressSprayingManyAccountsIsLimited() {
        String sprayer = "198.51.100.10";
        for (int i = 0; i < 5; i++) {
            assertThat(login(sprayer, World.unique("victim") + "@example.com", "Summer2026!").status()).isEqualTo(401);
        }

        assertRateLimited(login(sprayer, World.unique("victim") + "@example.com", "Summer2026!"), "login-address", 5,
                3600);
    }

    @Test
    void aFloodAgainstOneAccountDoesNotLockItForOtherAddresses() {
        Api api = server.api();
        World world = new World(api);
        World.User victim = world.user();
        String attacker = "203.0.113.20";
        for (int i = 0; i < 3; i++) {
            assertThat(login(attacker, victim.email(), "wrong-password-" + i).status()).isEqualTo(401);
        }
        assertRateLimited(login(attacker, victim.email(), "wrong-password"), "login", 3, 3600);

        assertThat(login("192.0.2.30", victim.email(), victim.password()).status()).isEqualTo(200);
    }

    /**
     * A new bucket's first checks arrive together: each is counted, none finds the store
     * failing, so exactly the quota reaches the password check.
     */
    @Test
    void aBurstOfConcurrentFirstAttemptsIsCountedExactly() {
        String address = "198.51.100.99";
        List<Integer> statuses = Concurrently.run(24,
                i -> login(address, World.unique("burst") + "@example.com", "Winter2026!").status());

        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(19);
    }

    @Test
    void theAddressLimitIsCheckedBeforeThePassword() {
        String address = "198.51.100.77";
        World.User user = new World(server.api()).user();
        for (int i = 0; i < 5; i++) {
            login(address, World.unique("other") + "@example.com", "x");
        }

        assertRateLimited(login(address, user.email(), user.password()), "login-address", 5, 3600);
    }

}
