package com.tenx.skills.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.FieldProblem;
import java.util.List;

/**
 * The one error body of the contract: {@code {"ok":false,"error","message","details"?}}.
 */
public record ErrorBody(boolean ok, String error, String message,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldProblem> details) {

    public static ErrorBody of(ErrorCode code, String message, List<FieldProblem> details) {
        return new ErrorBody(false, code.code(), message, details);
    }
}
