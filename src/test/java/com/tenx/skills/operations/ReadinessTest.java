package com.tenx.skills.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.SkillsApplication;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.TestSettings;
import com.tenx.skills.support.World;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Readiness turns up only when every route can be answered: the bootstrap admin exists by
 * then, so the first login a balancer lets through succeeds.
 */
class ReadinessTest {

    @Test
    void theBootstrapAdminExistsWhenReadinessTurnsUp() throws Exception {
        TestDatabase database = TestDatabase.get();
        String email = World.unique("first-admin") + "@corp.test";
        AtomicReference<Boolean> adminExistedWhenReady = new AtomicReference<>();
        ApplicationListener<AvailabilityChangeEvent<?>> probe = event -> {
            if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                adminExistedWhenReady.set(userExists(database, email));
            }
        };
        List<String> args = new ArrayList<>();
        TestSettings.properties(database).forEach((name, value) -> {
            if (!name.equals("skills.bootstrap-admin.email")) {
                args.add("--" + name + "=" + value);
            }
        });
        args.add("--skills.bootstrap-admin.email=" + email);
        args.add("--server.port=0");

        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(SkillsApplication.class)
            .listeners(probe)
            .run(args.toArray(String[]::new))) {
            assertThat(adminExistedWhenReady.get()).as("readiness turned up, and the admin existed then").isTrue();
        }
    }

    private static boolean userExists(TestDatabase database, String email) {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("SELECT 1 FROM users WHERE email = ?")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
