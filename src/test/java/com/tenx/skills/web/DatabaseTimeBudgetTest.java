package com.tenx.skills.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import jakarta.servlet.FilterChain;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Connections taken during a request get what is left of its database time as their
 * network timeout; once it is spent, no connection is handed out at all; outside a
 * request, connections are the pool's as they are.
 */
class DatabaseTimeBudgetTest {

    private final DataSource pool = mock(DataSource.class);

    private final Connection connection = mock(Connection.class);

    private final DataSource budgeted = DatabaseTimeBudget.around(pool);

    @Test
    void aConnectionInARequestGetsTheTimeLeftAsItsNetworkTimeout() throws Exception {
        when(pool.getConnection()).thenReturn(connection);
        AtomicInteger timeout = new AtomicInteger();
        doAnswer(call -> {
            timeout.set(call.getArgument(1));
            return null;
        }).when(connection).setNetworkTimeout(any(Executor.class), anyInt());

        inRequest(Duration.ofSeconds(3), () -> assertThat(budgeted.getConnection()).isSameAs(connection));

        assertThat(timeout.get()).isBetween(1, 3000);
    }

    @Test
    void aSpentBudgetFailsAtOnceWithoutAskingThePool() throws Exception {
        inRequest(Duration.ofMillis(1), () -> {
            Thread.sleep(5);
            assertThatThrownBy(budgeted::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                .satisfies(failure -> assertThat(DatabaseOutage.causedBy(failure)).isTrue());
        });
        verify(pool, never()).getConnection();
    }

    @Test
    void aBudgetSpentWaitingForThePoolReturnsTheConnectionAndFails() throws Exception {
        when(pool.getConnection()).thenAnswer(call -> {
            Thread.sleep(300);
            return connection;
        });
        Exception[] failure = new Exception[1];

        inRequest(Duration.ofMillis(100), () -> {
            try {
                budgeted.getConnection();
            }
            catch (Exception e) {
                failure[0] = e;
            }
        });

        assertThat(failure[0]).isInstanceOf(SQLTransientConnectionException.class);
        verify(connection).close();
    }

    @Test
    void theWaitForAHikariConnectionIsCutToTheBudgetLeftLessItsValidation() throws Exception {
        HikariDataSource hikari = mock(HikariDataSource.class);
        HikariPool hikariPool = mock(HikariPool.class);
        when(hikari.getHikariPoolMXBean()).thenReturn(hikariPool);
        when(hikari.getConnectionTimeout()).thenReturn(2000L);
        when(hikari.getValidationTimeout()).thenReturn(1000L);
        when(hikariPool.getConnection(anyLong())).thenReturn(connection);
        DataSource budgetedHikari = DatabaseTimeBudget.around(hikari);
        ArgumentCaptor<Long> waits = ArgumentCaptor.forClass(Long.class);

        inRequest(Duration.ofSeconds(5), budgetedHikari::getConnection);
        inRequest(Duration.ofMillis(1500), budgetedHikari::getConnection);
        inRequest(Duration.ofMillis(1010), budgetedHikari::getConnection);

        verify(hikariPool, times(3)).getConnection(waits.capture());
        assertThat(waits.getAllValues().get(0)).as("the pool's own timeout when the budget allows it").isEqualTo(2000L);
        assertThat(waits.getAllValues().get(1)).as("1.5 s left less 1 s of validation").isBetween(400L, 500L);
        assertThat(waits.getAllValues().get(2)).as("never less than a moment").isEqualTo(50L);
        verify(hikari, never()).getConnection();
    }

    @Test
    void aDriverWithoutNetworkTimeoutsStillServes() throws Exception {
        when(pool.getConnection()).thenReturn(connection);
        doThrow(new SQLFeatureNotSupportedException()).when(connection)
            .setNetworkTimeout(any(Executor.class), anyInt());

        inRequest(Duration.ofSeconds(3), () -> {
            assertThat(budgeted.getConnection()).isSameAs(connection);
            assertThat(budgeted.getConnection()).isSameAs(connection);
        });

        verify(connection, never()).close();
    }

    @Test
    void outsideARequestConnectionsAreThePoolsAsTheyAre() throws Exception {
        when(pool.getConnection()).thenReturn(connection);

        assertThat(budgeted.getConnection()).isSameAs(connection);

        verify(connection, never()).setNetworkTimeout(any(Executor.class), anyInt());
    }

    private interface Body {

        void run() throws Exception;

    }

    private static void inRequest(Duration budget, Body body) throws Exception {
        Exception[] failure = new Exception[1];
        FilterChain chain = (request, response) -> {
            try {
                body.run();
            }
            catch (Exception e) {
                failure[0] = e;
            }
        };
        new DatabaseTimeBudget(budget).doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), chain);
        if (failure[0] != null) {
            throw failure[0];
        }
    }

}
