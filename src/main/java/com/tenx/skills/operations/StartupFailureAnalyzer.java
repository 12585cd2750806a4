package com.tenx.skills.operations;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns the failures an operator can fix into a short description and the action to take,
 * instead of a long stack trace: a refused configuration, and a database that is missing,
 * unreachable or refuses the credentials.
 */
class StartupFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    StartupFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupRefused refused) {
                return new FailureAnalysis(refused.getMessage(), refused.action(), null);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            FailureAnalysis analysis = database(cause, failure);
            if (analysis != null) {
                return analysis;
            }
        }
        return null;
    }

    private FailureAnalysis database(Throwable cause, Throwable failure) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            return null;
        }
        Target target = Target.of(url);
        if (cause instanceof SQLException sql && "3D000".equals(sql.getSQLState())) {
            return new FailureAnalysis(
                    "The database \"" + target.database() + "\" does not exist on PostgreSQL at " + target.address()
                            + " (SPRING_DATASOURCE_URL).",
                    "Create it, e.g. `createdb -h " + target.host() + " -p " + target.port() + " -U "
                            + environment.getProperty("spring.datasource.username", "postgres") + " "
                            + target.database() + "`, then start again; the server creates its tables itself.",
                    null);
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
            return new FailureAnalysis(
                    "PostgreSQL at " + target.address() + " refused the user \""
                            + environment.getProperty("spring.datasource.username", "") + "\": " + sql.getMessage(),
                    "Check SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.", null);
        }
        if (cause.getMessage() != null && cause.getMessage().contains("claims to not accept jdbcUrl")) {
            return new FailureAnalysis("SPRING_DATASOURCE_URL is not a PostgreSQL JDBC URL the driver accepts.",
                    "Write it as jdbc:postgresql://HOST:PORT/DATABASE, e.g. jdbc:postgresql://127.0.0.1:5432/skills.",
                    null);
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
            return new FailureAnalysis(
                    "Cannot reach PostgreSQL at " + target.address() + " (SPRING_DATASOURCE_URL): "
                            + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                    "Start PostgreSQL there, or point SPRING_DATASOURCE_URL at one that runs.", null);
        }
        return null;
    }

    /** Host, port and database of a PostgreSQL JDBC URL, for messages only. */
    private record Target(String host, int port, String database) {

        static Target of(String url) {
            try {
                URI uri = URI.create(url.substring("jdbc:".length()));
                String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
                return new Target(uri.getHost() == null ? "localhost" : uri.getHost(),
                        uri.getPort() < 0 ? 5432 : uri.getPort(), path.isEmpty() ? "postgres" : path);
            }
            catch (IllegalArgumentException e) {
                return new Target("the configured host", 5432, "the configured database");
            }
        }

        String address() {
            return host + ":" + port;
        }

    }

}
