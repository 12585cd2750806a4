package com.tenx.skills.error;

/**
 * The request collides with the current state: {@code conflict}, {@code last_owner} or
 * {@code precondition_failed}.
 */
public class Conflict extends ContractException {

    private Conflict(ErrorCode code, String message) {
        super(code, message);
    }

    public static Conflict of(String message) {
        return new Conflict(ErrorCode.CONFLICT, message);
    }

    public static Conflict lastOwner(String message) {
        return new Conflict(ErrorCode.LAST_OWNER, message);
    }

    public static Conflict preconditionFailed(String message) {
        return new Conflict(ErrorCode.PRECONDITION_FAILED, message);
    }

}
