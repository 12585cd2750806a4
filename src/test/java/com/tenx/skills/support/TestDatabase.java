package com.tenx.skills.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL database the tests run against, chosen once per JVM: a Testcontainers
 * PostgreSQL when a Docker engine is available, else the server named by
 * {@code SKILLS_TEST_PG_URL} / {@code SKILLS_TEST_PG_USER} /
 * {@code SKILLS_TEST_PG_PASSWORD} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code postgres}), in which a
 * fresh database is created for this run and dropped at the end.
 */
public final class TestDatabase {

    private static TestDatabase instance;

    private final String url;

    private final String username;

    private final String password;

    private TestDatabase(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    private static TestDatabase start() {
        String serverUrl = env("SKILLS_TEST_PG_URL", null);
        if (serverUrl == null && dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return freshDatabaseOn(serverUrl != null ? serverUrl : "jdbc:postgresql://127.0.0.1:5432/postgres",
                env("SKILLS_TEST_PG_USER", "postgres"), env("SKILLS_TEST_PG_PASSWORD", ""));
    }

    private static TestDatabase freshDatabaseOn(String serverUrl, String user, String password) {
        String name = "skills_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException e) {
            throw new IllegalStateException("""
                    The tests need PostgreSQL and found none. There is no Docker engine for Testcontainers, and \
                    the server at %s (user %s) cannot be reached: %s. Start PostgreSQL there, or point \
                    SKILLS_TEST_PG_URL / SKILLS_TEST_PG_USER / SKILLS_TEST_PG_PASSWORD at one whose user may \
                    create databases.""".formatted(serverUrl, user, e.getMessage()), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(serverUrl, user, password, name)));
        String url = serverUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return new TestDatabase(url, user, password);
    }

    private static void drop(String serverUrl, String user, String password, String name) {
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

}
