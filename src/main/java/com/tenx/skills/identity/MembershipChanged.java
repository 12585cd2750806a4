package com.tenx.skills.identity;

import java.time.Instant;
import java.util.UUID;

/** Published inside the transaction of every membership change, for the audit trail. */
public record MembershipChanged(HandleGrant by, String action, UUID userId, Role role, Instant at) {

    public static final String PUT = "member.put";

    public static final String DELETE = "member.delete";

}
