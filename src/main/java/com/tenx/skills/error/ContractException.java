package com.tenx.skills.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure that the contract names. Subclasses are named after the fact they report; the
 * web layer turns any of them into the contract's error body with
 * {@link ErrorCode#status()}.
 */
public class ContractException extends RuntimeException {

    private final ErrorCode code;

    private final List<FieldProblem> details;

    private final HttpStatus status;

    public ContractException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ContractException(ErrorCode code, String message, List<FieldProblem> details) {
        this(code, code.status(), message, details);
    }

    /**
     * For the few places where the contract answers a code with another status than its
     * usual one (a wrong current password is {@code 403 invalid_credentials}).
     */
    protected ContractException(ErrorCode code, HttpStatus status, String message, List<FieldProblem> details) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.details = List.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> details() {
        return details;
    }

}
