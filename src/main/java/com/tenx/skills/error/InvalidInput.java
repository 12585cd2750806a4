package com.tenx.skills.error;

import java.util.List;

/** Input that breaks a validation rule of the contract (any of the 400 codes). */
public class InvalidInput extends ContractException {

    public InvalidInput(ErrorCode code, String message) {
        super(code, message);
    }

    public InvalidInput(ErrorCode code, String message, List<FieldProblem> details) {
        super(code, message, details);
    }

    public static InvalidInput field(ErrorCode code, String field, String problem) {
        return new InvalidInput(code, field + ": " + problem, List.of(new FieldProblem(field, problem)));
    }

}
