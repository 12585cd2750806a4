package com.tenx.skills.identity;

import com.tenx.skills.config.Deployment;
import com.tenx.skills.config.PendingWrites;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every instance of a committed change to a handle's skills. On PostgreSQL the
 * writing transaction sends {@code NOTIFY} (so a notification means a committed change,
 * and none is sent for a rolled-back one), and each instance keeps one dedicated
 * connection that {@code LISTEN}s, outside the pool, named {@value #APPLICATION_NAME} in
 * {@code pg_stat_activity}. When that connection is lost, it reconnects and tells the
 * listeners to read again by cursor: a change is then answered late, never missed. On the
 * embedded default database there is one process, and the listeners are told after the
 * commit.
 */
@Component
public class HandleChangeNotifications implements SmartLifecycle {

    public static final String CHANNEL = "skills_changes";

    public static final String APPLICATION_NAME = "skills-change-listener";

    /**
     * The payload of a change to who may act on handles; a skill change is
     * {@code <handleId>:<seq>}.
     */
    static final String ACCESS_CHANGED = "access";

    private static final String NOTIFY = "SELECT pg_notify(?, ?)";

    private static final Logger log = LoggerFactory.getLogger(HandleChangeNotifications.class);

    private final PendingWrites writes;

    private final ObjectProvider<HandleChangeListener> listenerBeans;

    /**
     * The listeners, looked up once every bean exists (a lookup per notification cost 4%
     * of the server's CPU under a load of writes); {@code null} until then.
     */
    private volatile List<HandleChangeListener> resolvedListeners;

    private final boolean embedded;

    private final String url;

    private final String username;

    private final String password;

    private volatile boolean running;

    private volatile Thread thread;

    private volatile Connection connection;

    HandleChangeNotifications(PendingWrites writes, ObjectProvider<HandleChangeListener> listeners,
            Deployment deployment, @Value("${spring.datasource.url:}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password) {
        this.writes = writes;
        this.listenerBeans = listeners;
        this.embedded = deployment.embeddedDatabase();
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /**
     * Announces a write in the surrounding transaction (with its other
     * {@link PendingWrites}); delivered once it commits.
     */
    void announce(long handleId, long seq) {
        if (embedded) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tellChanged(handleId, seq);
                }
            });
            return;
        }
        writes.add(NOTIFY, CHANNEL, handleId + ":" + seq);
    }

    /**
     * Announces, in the surrounding transaction, that a membership, a tenant's features
     * or a handle changed. This instance is told when the transaction commits, every
     * other one when the notification arrives.
     */
    void announceAccessChange() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                listeners().forEach(HandleChangeListener::accessChanged);
            }
        });
        if (!embedded) {
            writes.add(NOTIFY, CHANNEL, ACCESS_CHANGED);
        }
    }

    @Override
    public void start() {
        resolvedListeners = listenerBeans.orderedStream().toList();
        running = true;
        if (!embedded) {
            Thread listener = new Thread(this::listen, APPLICATION_NAME);
            listener.setDaemon(true);
            thread = listener;
            listener.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
            closeQuietly(connection);
            try {
                listener.join(2000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before, and stops after, the waiters that depend on it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                backoff = 100;
                log.info("Listening for skill changes on PostgreSQL channel {}", CHANNEL);
                // Whatever was committed while no connection listened is found by cursor.
                listeners().forEach(HandleChangeListener::resynchronize);
                receive(listening);
            }
            catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("The change listener's connection was lost ({}); reconnecting", e.getMessage());
                }
            }
            finally {
                connection = null;
            }
            if (running) {
                sleep(backoff);
                backoff = Math.min(backoff * 2, 2000);
            }
        }
    }

    private void receive(Connection listening) throws SQLException {
        PGConnection pg = listening.unwrap(PGConnection.class);
        long checked = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(500);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    deliver(notification.getParameter());
                }
            }
            // A link cut without a reset never fails a wait for notifications: ask.
            if (System.nanoTime() - checked > 2_000_000_000L) {
                if (!listening.isValid(2)) {
                    throw new SQLException("the listening connection does not answer");
                }
                checked = System.nanoTime();
            }
        }
    }

    private void deliver(String payload) {
        if (ACCESS_CHANGED.equals(payload)) {
            listeners().forEach(HandleChangeListener::accessChanged);
            return;
        }
        int colon = payload.indexOf(':');
        try {
            tellChanged(Long.parseLong(payload.substring(0, colon)), Long.parseLong(payload.substring(colon + 1)));
        }
        catch (RuntimeException e) {
            log.warn("Ignored a malformed change notification: {}", payload);
        }
    }

    private List<HandleChangeListener> listeners() {
        List<HandleChangeListener> resolved = resolvedListeners;
        return resolved != null ? resolved : listenerBeans.orderedStream().toList();
    }

    private void tellChanged(long handleId, long seq) {
        listeners().forEach(listener -> listener.changed(handleId, seq));
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (username != null && !username.isEmpty()) {
            properties.setProperty("user", username);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException e) {
                // closing anyway
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests and the health of the push feature: whether a connection listens now. */
    public boolean listening() {
        return connection != null;
    }

}
