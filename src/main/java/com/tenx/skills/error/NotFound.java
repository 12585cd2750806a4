package com.tenx.skills.error;

/** A route's target does not exist: {@code not_found} or one of the named 404 codes. */
public class NotFound extends ContractException {

    public NotFound(ErrorCode code, String message) {
        super(code, message);
    }

}
