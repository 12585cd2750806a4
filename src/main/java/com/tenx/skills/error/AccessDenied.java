package com.tenx.skills.error;

/**
 * The caller may not do this: {@code insufficient_scope}, {@code insufficient_role} or
 * {@code feature_locked}.
 */
public class AccessDenied extends ContractException {

    private AccessDenied(ErrorCode code, String message) {
        super(code, message);
    }

    public static AccessDenied insufficientRole() {
        return new AccessDenied(ErrorCode.INSUFFICIENT_ROLE, "Your role on this handle does not allow this action.");
    }

    /** A personal access token without the scope the route needs. */
    public static AccessDenied insufficientScope(String needed) {
        return new AccessDenied(ErrorCode.INSUFFICIENT_SCOPE,
                "The personal access token does not have the scope this route needs: " + needed + ".");
    }

    public static AccessDenied notPlatformAdmin() {
        return new AccessDenied(ErrorCode.INSUFFICIENT_ROLE, "This route is for platform administrators.");
    }

    public static AccessDenied featureLocked(String feature) {
        return new AccessDenied(ErrorCode.FEATURE_LOCKED,
                "The tenant's plan does not include the " + feature + " feature.");
    }

}
