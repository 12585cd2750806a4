package com.tenx.skills.identity;

import java.util.UUID;

/**
 * What the access check established for one request on a handle: which handle, who is
 * calling (for the audit trail) and with which role. {@code role} is {@code null} for a
 * platform admin acting without a membership. {@code tokenId} names the personal access
 * token the request came with, or is {@code null} for a control-plane access token.
 */
public record HandleGrant(long handleId, String handle, UUID userId, String email, Role role, boolean platformAdmin,
        String requestId, String tokenId) {

    /** A grant for a caller signed in with a control-plane access token. */
    public HandleGrant(long handleId, String handle, UUID userId, String email, Role role, boolean platformAdmin,
            String requestId) {
        this(handleId, handle, userId, email, role, platformAdmin, requestId, null);
    }

    /**
     * Whether the caller may act with {@code needed}, counting platform admins as owners.
     */
    public boolean mayActAs(Role needed) {
        return platformAdmin || (role != null && role.atLeast(needed));
    }
}
