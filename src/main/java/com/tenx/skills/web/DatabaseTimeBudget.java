package com.tenx.skills.web;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The time one request may spend on the database, in total: waiting for a pooled
 * connection, validating it, and every statement on every connection it takes. Each
 * connection handed out during a request gets the time that is left as its network
 * timeout, so a request that waited for the pool does not then wait a full socket timeout
 * more, and the wait for the pool itself is cut to what is left; once the budget is
 * spent, asking for a connection fails at once and the request answers
 * {@code 503 service_unavailable} (see {@link DatabaseOutage}). Work outside a request
 * (migrations, reapers) keeps the pool's own timeouts.
 */
public final class DatabaseTimeBudget extends OncePerRequestFilter {

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    /** pgjdbc applies a network timeout to its socket at once; no executor is needed. */
    private static final Executor SAME_THREAD = Runnable::run;

    private static final long OUTSIDE_A_REQUEST_MILLIS = 10_000;

    private final long budgetNanos;

    DatabaseTimeBudget(Duration budget) {
        this.budgetNanos = budget.toNanos();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DEADLINE.set(System.nanoTime() + budgetNanos);
        try {
            chain.doFilter(request, response);
        }
        finally {
            DEADLINE.remove();
        }
    }

    /**
     * The milliseconds the current request has left on the database (at least 0); outside
     * a request, {@link #OUTSIDE_A_REQUEST_MILLIS}: longer than the pool's own timeouts
     * let one statement take.
     */
    public static long millisLeft() {
        Long deadline = DEADLINE.get();
        if (deadline == null) {
            return OUTSIDE_A_REQUEST_MILLIS;
        }
        return Math.max(0, millisBefore(deadline));
    }

    private static long millisBefore(long deadline) {
        return Duration.ofNanos(deadline - System.nanoTime()).toMillis();
    }

    /** A data source whose connections keep to the budget of the request taking them. */
    static DataSource around(DataSource pool) {
        return new Budgeted(pool);
    }

    private static final class Budgeted extends DelegatingDataSource {

        /** Enough to take an idle connection when the budget is nearly spent. */
        private static final long MINIMUM_WAIT_MILLIS = 50;

        /** Cleared on the first driver that has no network timeout (H2). */
        private volatile boolean networkTimeouts = true;

        Budgeted(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Long deadline = DEADLINE.get();
            if (deadline == null) {
                return super.getConnection();
            }
            Connection connection = pooled(millisLeft(deadline));
            if (networkTimeouts) {
                try {
                    connection.setNetworkTimeout(SAME_THREAD, millisLeft(deadline));
                }
                catch (SQLFeatureNotSupportedException unsupported) {
                    networkTimeouts = false;
                }
                catch (SQLException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
            }
            return connection;
        }

        /**
         * A connection from the pool, waited for no longer than the budget allows. Hikari
         * waits up to its own connection timeout and may then spend its validation
         * timeout on the last idle connection it tries, so the wait is cut to what is
         * left less that validation; before the pool has started (and for other pools)
         * its own timeouts apply.
         */
        private Connection pooled(int millisLeft) throws SQLException {
            if (getTargetDataSource() instanceof HikariDataSource hikari
                    && hikari.getHikariPoolMXBean() instanceof HikariPool pool) {
                long wait = Math.min(hikari.getConnectionTimeout(), millisLeft - hikari.getValidationTimeout());
                return pool.getConnection(Math.max(wait, MINIMUM_WAIT_MILLIS));
            }
            return super.getConnection();
        }

        /**
         * The milliseconds left before {@code deadline}, or the failure that the budget
         * is spent.
         */
        private static int millisLeft(long deadline) throws SQLTransientConnectionException {
            long left = millisBefore(deadline);
            if (left <= 0) {
                throw new SQLTransientConnectionException("The request's database time budget is spent", "08001");
            }
            return (int) Math.min(left, Integer.MAX_VALUE);
        }

    }

}
