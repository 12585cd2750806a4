package com.tenx.skills.error;

import org.springframework.http.HttpStatus;

/**
 * Every error code of the HTTP contract with the status it is answered with: the one map
 * from a failure to HTTP.
 */
public enum ErrorCode {

    INVALID_JSON(HttpStatus.BAD_REQUEST), INVALID_REQUEST(HttpStatus.BAD_REQUEST),
    INVALID_SKILL_KEY(HttpStatus.BAD_REQUEST), INVALID_STATUS(HttpStatus.BAD_REQUEST),
    INVALID_TOOLS(HttpStatus.BAD_REQUEST), INVALID_TOOL_TYPE(HttpStatus.BAD_REQUEST),
    INVALID_TOOL_NAME(HttpStatus.BAD_REQUEST), INVALID_IMAGE_REF(HttpStatus.BAD_REQUEST),
    INVALID_RUNTIME(HttpStatus.BAD_REQUEST), INVALID_CURSOR(HttpStatus.BAD_REQUEST),
    INVALID_SCOPE(HttpStatus.BAD_REQUEST), INSUFFICIENT_SCOPE(HttpStatus.FORBIDDEN),
    RUNTIME_NOT_CONFIGURED(HttpStatus.BAD_REQUEST), MISSING_BEARER_TOKEN(HttpStatus.UNAUTHORIZED),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED), TOKEN_EXPIRED(HttpStatus.UNAUTHORIZED),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED), INSUFFICIENT_ROLE(HttpStatus.FORBIDDEN),
    FEATURE_LOCKED(HttpStatus.FORBIDDEN), NOT_FOUND(HttpStatus.NOT_FOUND), SKILL_NOT_FOUND(HttpStatus.NOT_FOUND),
    RUNTIME_NOT_FOUND(HttpStatus.NOT_FOUND), VERSION_NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED), NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    CONFLICT(HttpStatus.CONFLICT), LAST_OWNER(HttpStatus.CONFLICT), IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT), CURSOR_EXPIRED(HttpStatus.GONE),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED), PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE), RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR), SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The code as clients see it in the {@code error} field. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

}
