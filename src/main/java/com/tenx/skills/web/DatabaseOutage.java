package com.tenx.skills.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure whose root is an unreachable or stopped database, however many
 * layers (Hikari, JDBC, Hibernate, JPA, Spring's transaction and data-access exceptions)
 * wrapped it, so that it is answered {@code 503 service_unavailable} with
 * {@code Retry-After}, never a 500. Such a failure leaves nothing half written: every
 * write is one transaction, committed or rolled back as a whole.
 */
public final class DatabaseOutage {

    /** What every 503 sends as {@code Retry-After}, in seconds. */
    static final String RETRY_AFTER_SECONDS = "2";

    public static final String MESSAGE = "The service is briefly unavailable; retry shortly.";

    private DatabaseOutage() {
    }

    /**
     * Whether a failure means the database cannot be reached (rather than refused a
     * statement).
     */
    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 53 (insufficient resources, such as too
     * many connections), 57P (the server is shutting down, restarting or ended the
     * session) and 57014 (a statement cancelled by a timeout).
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("57014"));
    }

}
