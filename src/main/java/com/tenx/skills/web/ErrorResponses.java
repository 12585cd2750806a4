package com.tenx.skills.web;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that builds the contract's error body and the headers that go with it
 * ({@code WWW-Authenticate} on every 401, {@code Retry-After} on every 503): as a
 * {@link ResponseEntity} for Spring MVC's handlers, written straight to the servlet
 * response for the filters, the security entry points, the error page and Tomcat's error
 * report valve.
 */
@Component
public class ErrorResponses {

    private final JsonMapper json;

    public ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    /** The answer of a Spring MVC exception handler. */
    public ResponseEntity<ErrorBody> entity(ErrorCode code, String message, List<FieldProblem> details) {
        return entity(code.status(), code, message, details);
    }

    /** The same with a status other than the code's usual one. */
    public ResponseEntity<ErrorBody> entity(HttpStatus status, ErrorCode code, String message,
            List<FieldProblem> details) {
        HttpHeaders headers = status.value() == 401 || code == ErrorCode.SERVICE_UNAVAILABLE ? headers(code)
                : new HttpHeaders();
        return ResponseEntity.status(status).headers(headers).body(ErrorBody.of(code, message, details));
    }

    public void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        write(response, code, message, List.of());
    }

    public void write(HttpServletResponse response, ErrorCode code, String message, List<FieldProblem> details)
            throws IOException {
        write(response, code.status().value(), code, message, details);
    }

    /**
     * Writes the body with {@code status}, which Tomcat's valve keeps as the container
     * set it; does nothing once the response is on its way.
     */
    void write(HttpServletResponse response, int status, ErrorCode code, String message, List<FieldProblem> details)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        headers(code).forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
        byte[] body = json.writeValueAsBytes(ErrorBody.of(code, message, details));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static HttpHeaders headers(ErrorCode code) {
        HttpHeaders headers = new HttpHeaders();
        if (code.status().value() == 401) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        if (code == ErrorCode.SERVICE_UNAVAILABLE) {
            headers.set(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
        }
        return headers;
    }

    /**
     * The code and message for a failure known only by its status, as the error page and
     * the valve see it.
     */
    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.INVALID_REQUEST;
            case 401 -> ErrorCode.INVALID_TOKEN;
            case 403 -> ErrorCode.INSUFFICIENT_ROLE;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    static String messageFor(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> "No such route.";
            case INTERNAL_ERROR -> "Something went wrong on our side.";
            case SERVICE_UNAVAILABLE -> DatabaseOutage.MESSAGE;
            case INVALID_REQUEST -> "The request is malformed.";
            default -> "The request could not be served.";
        };
    }

}
