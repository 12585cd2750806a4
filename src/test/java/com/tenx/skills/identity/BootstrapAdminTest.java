package com.tenx.skills.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform admin named by SKILLS_BOOTSTRAP_ADMIN_* exists once, whatever the number
 * of starts.
 */
class BootstrapAdminTest extends ApiTest {

    @Autowired
    BootstrapAdmin bootstrap;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient db;

    private long usersWithEmail(String email) {
        return db.sql("SELECT count(*) FROM users WHERE email = :email")
            .param("email", email)
            .query(Long.class)
            .single();
    }

    @Test
    void bootstrapAdminCanLogInAndIsAPlatformAdmin() {
        assertThat(api.post("/v2/platform-admin/users")
            .token(world.adminToken())
            .json(Json.object().put("email", World.unique("u") + "@example.com").put("password", "password-123"))
            .send()
            .status()).isEqualTo(201);
        assertThat(db.sql("SELECT platform_admin FROM users WHERE email = :email")
            .param("email", World.ADMIN_EMAIL)
            .query(Boolean.class)
            .single()).isTrue();
    }

    @Test
    void anotherStartNeitherDuplicatesNorChangesTheAdmin() {
        world.adminToken();

        bootstrap.run(new DefaultApplicationArguments());
        boolean createdAgain = accounts.ensurePlatformAdmin(World.ADMIN_EMAIL.toUpperCase(Locale.ROOT),
                "another-password");

        assertThat(createdAgain).isFalse();
        assertThat(usersWithEmail(World.ADMIN_EMAIL)).isOne();
        assertThat(world.login(World.ADMIN_EMAIL, World.ADMIN_PASSWORD)).isNotBlank();
        assertThat(api.post("/v2/auth/login")
            .json(Json.object().put("email", World.ADMIN_EMAIL).put("password", "another-password"))
            .send()
            .status()).isEqualTo(401);
    }

    @Test
    void instancesStartingTogetherCreateTheAdminOnce() throws Exception {
        String email = World.unique("boot") + "@example.com";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(() -> accounts.ensurePlatformAdmin(email, "bootstrap-password"));
            }
            int created = 0;
            for (Future<Boolean> start : pool.invokeAll(starts)) {
                created += start.get() ? 1 : 0;
            }

            assertThat(created).isOne();
            assertThat(usersWithEmail(email)).isOne();
        }
        finally {
            pool.shutdownNow();
        }
    }

}
