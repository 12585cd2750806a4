package com.tenx.skills.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP tests: the whole server on a random port, on PostgreSQL (see
 * {@link TestDatabase}), driven over real HTTP. All subclasses share one server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    protected Api api;

    /** The management port: every actuator endpoint, Prometheus among them. */
    protected Api management;

    protected World world;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSettings.properties(TestDatabase.get()).forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
        management = new Api(managementPort);
        world = new World(api);
    }

}
