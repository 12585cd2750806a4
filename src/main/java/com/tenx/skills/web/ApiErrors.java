package com.tenx.skills.web;

import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.FieldProblem;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure that reaches Spring MVC into the contract's error body, built by
 * {@link ErrorResponses} like every other error answer of the server.
 */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final ErrorResponses errors;

    ApiErrors(ErrorResponses errors) {
        this.errors = errors;
    }

    /**
     * The answer to a failure met outside Spring MVC's handling, as by a request answered
     * later from another thread: the same body its handler here would give.
     */
    public ResponseEntity<ErrorBody> answerFor(RuntimeException e) {
        return e instanceof ContractException contract ? contract(contract) : unexpected(e);
    }

    @ExceptionHandler(ContractException.class)
    ResponseEntity<ErrorBody> contract(ContractException e) {
        return errors.entity(e.status(), e.code(), e.getMessage(), e.details());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimit.TooLarge tooLarge) {
                return body(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), List.of());
            }
        }
        return body(ErrorCode.INVALID_JSON, "The request body is not valid JSON.", List.of());
    }

    /**
     * A form-encoded body of a POST is read as request parameters (the query string was
     * checked before, by {@link MalformedRequests}): one the firewall or Tomcat cannot
     * take is a body that is not JSON, like any other form body.
     */
    @ExceptionHandler({ RequestRejectedException.class, InvalidParameterException.class })
    ResponseEntity<ErrorBody> formBody(RuntimeException e) {
        return body(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return body(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return body(ErrorCode.NOT_ACCEPTABLE, "This server answers with application/json only.", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        ResponseEntity<ErrorBody> answer = body(ErrorCode.METHOD_NOT_ALLOWED,
                "The method " + e.getMethod() + " is not allowed on this route.", List.of());
        if (e.getSupportedHttpMethods() == null) {
            return answer;
        }
        return ResponseEntity.status(answer.getStatusCode())
            .allow(e.getSupportedHttpMethods().toArray(HttpMethod[]::new))
            .body(answer.getBody());
    }

    @ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
    ResponseEntity<ErrorBody> noRoute(Exception e) {
        return body(ErrorCode.NOT_FOUND, "No such route.", List.of());
    }

    @ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            MissingRequestHeaderException.class })
    ResponseEntity<ErrorBody> badParameter(Exception e) {
        return body(ErrorCode.INVALID_REQUEST, "A request parameter is missing or malformed.", List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ErrorBody> integrity(DataIntegrityViolationException e) {
        log.warn("Write refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return body(ErrorCode.CONFLICT, "The change conflicts with the stored data; retry it.", List.of());
    }

    @ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class, QueryTimeoutException.class })
    ResponseEntity<ErrorBody> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return body(ErrorCode.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE, List.of());
    }

    /**
     * The client went away mid-answer: nothing to answer, and nothing wrong on our side.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("Client went away: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        // A lost connection also arrives wrapped as JpaSystemException,
        // TransactionSystemException
        // (on commit or rollback), Hibernate's JDBCConnectionException or a plain
        // SQLException.
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected failure", e);
        return body(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side.", List.of());
    }

    private ResponseEntity<ErrorBody> body(ErrorCode code, String message, List<FieldProblem> details) {
        return errors.entity(code, message, details);
    }

}
