package com.tenx.skills.config;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that a transaction sends together as it commits: in one round trip on PostgreSQL
 * (one prepared statement of several SQL statements, which pgjdbc sends with a single
 * sync), just before the commit and after everything else the transaction ran. For a
 * write made under a lock, every round trip is time the lock is held, and on a busy
 * machine each one also waits for the writing thread to be scheduled again: a metadata
 * PUT holds its handle's lock for three round trips instead of six. They run before the
 * entities' changes are flushed, which happens in the commit itself.
 * <p>
 * Only for statements that nothing later in the transaction reads back (a change
 * notification, an audit record, the row updates that end a write). A statement that
 * fails makes the commit fail and the transaction roll back, as if it had run at once.
 * The embedded database takes one statement per call and runs them one after the other.
 */
@Component
public class PendingWrites {

    private final JdbcTemplate jdbc;

    private final boolean oneByOne;

    PendingWrites(JdbcTemplate jdbc, Deployment deployment) {
        this.jdbc = jdbc;
        this.oneByOne = deployment.embeddedDatabase();
    }

    /**
     * Adds a statement to the surrounding transaction's writes; {@code sql} has {@code ?}
     * placeholders for {@code args}. An {@link Instant} is sent as a timestamp with time
     * zone (UTC), {@code null} as an untyped null.
     * @throws IllegalStateException outside a transaction
     */
    public void add(String sql, Object... args) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Pending writes need a transaction: " + sql);
        }
        batch().add(sql, args);
    }

    private Batch batch() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Batch batch && batch.owner() == this) {
                return batch;
            }
        }
        Batch batch = new Batch();
        TransactionSynchronizationManager.registerSynchronization(batch);
        return batch;
    }

    private void send(List<String> statements, List<Object[]> args) {
        if (oneByOne) {
            for (int i = 0; i < statements.size(); i++) {
                execute(statements.get(i), Arrays.asList(args.get(i)));
            }
            return;
        }
        List<Object> all = new ArrayList<>();
        args.forEach(each -> Collections.addAll(all, each));
        execute(String.join(";\n", statements), all);
    }

    private void execute(String sql, List<Object> args) {
        jdbc.execute(sql, (PreparedStatement statement) -> {
            for (int i = 0; i < args.size(); i++) {
                bind(statement, i + 1, args.get(i));
            }
            statement.execute();
            // every statement's result, so that an error in any of them is raised here
            while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
                // next result
            }
            return null;
        });
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        }
        else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
        else {
            statement.setObject(index, value);
        }
    }

    /** One transaction's pending writes. */
    private final class Batch implements TransactionSynchronization {

        private final List<String> statements = new ArrayList<>();

        private final List<Object[]> args = new ArrayList<>();

        private boolean sent;

        PendingWrites owner() {
            return PendingWrites.this;
        }

        void add(String sql, Object[] values) {
            if (sent) {
                // added by another synchronization as the transaction commits: at once
                send(List.of(sql), List.<Object[]>of(values.clone()));
                return;
            }
            statements.add(sql);
            args.add(values.clone());
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            sent = true;
            if (!statements.isEmpty()) {
                send(statements, args);
            }
        }

    }

}
