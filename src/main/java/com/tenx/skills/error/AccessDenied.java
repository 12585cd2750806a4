package com.tenx.skills.error;

/** The caller may not do this: {@code insufficient_role} or {@code feature_locked}. */
public class AccessDenied extends ContractException {

    private AccessDenied(ErrorCode code, String message) {
        super(code, message);
    }

    public static AccessDenied insufficientRole() {
        return new AccessDenied(ErrorCode.INSUFFICIENT_ROLE, "Your role on this handle does not allow this action.");
    }

    public static AccessDenied notPlatformAdmin() {
        return new AccessDenied(ErrorCode.INSUFFICIENT_ROLE, "This route is for platform administrators.");
    }

    public static AccessDenied featureLocked(String feature) {
        return new AccessDenied(ErrorCode.FEATURE_LOCKED,
                "The tenant's plan does not include the " + feature + " feature.");
    }

}
