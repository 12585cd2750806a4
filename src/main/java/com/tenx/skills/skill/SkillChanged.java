package com.tenx.skills.skill;

import com.tenx.skills.identity.HandleGrant;
import java.time.Instant;

/**
 * Published inside the transaction of every successful skill write, for the audit trail.
 */
public record SkillChanged(HandleGrant by, String action, String skillKey, String version, Instant at) {

    public static final String PUT = "skill.put";

    public static final String RUNTIME_PUT = "skill.runtime.put";

    public static final String PUBLISH = "skill.publish";

    public static final String DELETE = "skill.delete";

}
