package com.tenx.skills.support;

import java.util.Map;

/** The configuration every test server gets, besides its database. */
public final class TestSettings {

    public static final String JWT_SECRET = "test-signing-secret-0123456789-abcdefghijklmnop";

    private TestSettings() {
    }

    /**
     * Every test signs the bootstrap admin in again from 127.0.0.1, far more often than
     * the login limit allows one address and email, and the load tests send more than the
     * default per-user limit: both are raised here; the rate limit tests start servers
     * with small limits of their own.
     */
    public static Map<String, String> properties(TestDatabase database) {
        return Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(), "skills.jwt.secret", JWT_SECRET,
                "skills.bootstrap-admin.email", World.ADMIN_EMAIL, "skills.bootstrap-admin.password",
                World.ADMIN_PASSWORD, "skills.rate-limit.login.capacity", "100000",
                "skills.rate-limit.login-address.capacity", "100000", "skills.rate-limit.handles.capacity", "1000000");
    }

}
