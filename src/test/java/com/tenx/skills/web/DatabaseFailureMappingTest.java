package com.tenx.skills.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.RequestDispatcher;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionSystemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Database failures as they reach the web edge, wrapped by whichever layer met them: a
 * lost or stopped database is 503 with Retry-After, anything else keeps its own answer.
 */
class DatabaseFailureMappingTest {

    private final ApiErrors errors = new ApiErrors(new ErrorResponses(JsonMapper.builder().build()));

    static Stream<Exception> outages() {
        return Stream.of(
                new CannotGetJdbcConnectionException("no connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
                new JpaSystemException(new GenericJDBCException("query failed",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006"))),
                new TransactionSystemException("Could not commit JPA transaction",
                        new PersistenceException(new SQLException("This connection has been closed.", "08003"))),
                new JpaSystemException(new JDBCConnectionException("lost", new SQLException("reset", "08006"))),
                new PersistenceException(
                        new SQLException("terminating connection due to administrator command", "57P01")),
                new IllegalStateException(new SQLException("the database system is starting up", "57P03")),
                new RuntimeException(new SQLException("canceling statement due to statement timeout", "57014")),
                new RuntimeException(new SQLException("sorry, too many clients already", "53300")));
    }

    @ParameterizedTest
    @MethodSource("outages")
    void aLostDatabaseIs503WithRetryAfter(Exception failure) {
        ResponseEntity<ErrorBody> answer = errors.unexpected(failure);
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(answer.getBody().error()).isEqualTo("service_unavailable");
    }

    @Test
    void otherDatabaseFailuresAreNotOutages() {
        assertThat(errors
            .unexpected(
                    new JpaSystemException(new GenericJDBCException("bad", new SQLException("syntax error", "42601"))))
            .getStatusCode()
            .value()).isEqualTo(500);
        assertThat(errors.unexpected(new IllegalStateException("no cause")).getStatusCode().value()).isEqualTo(500);
        assertThat(errors
            .integrity(new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505")))
            .getStatusCode()
            .value()).isEqualTo(409);
    }

    @Test
    void anOutageOutsideSpringMvcIs503WithRetryAfterToo() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
                new IllegalStateException(new SQLTransientConnectionException("timeout")));
        MockHttpServletResponse response = new MockHttpServletResponse();
        new JsonErrorPage(new ErrorResponses(JsonMapper.builder().build())).error(request, response);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(response.getContentAsString()).contains("\"error\":\"service_unavailable\"");
    }

}
