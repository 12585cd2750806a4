package com.tenx.skills.error;

import java.util.List;

/**
 * A failure that the contract names. Subclasses are named after the fact they report; the
 * web layer turns any of them into the contract's error body with
 * {@link ErrorCode#status()}.
 */
public class ContractException extends RuntimeException {

    private final ErrorCode code;

    private final List<FieldProblem> details;

    public ContractException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ContractException(ErrorCode code, String message, List<FieldProblem> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldProblem> details() {
        return details;
    }

}
