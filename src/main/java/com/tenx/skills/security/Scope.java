package com.tenx.skills.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a personal access token may do on the skill routes of its handle. {@code skills.*}
 * is not a scope of its own but all three.
 */
public enum Scope {

    /** List, get one, versions, runtime read. */
    SKILLS_READ("skills.read"),

    /** PUT metadata, PUT runtime, DELETE. */
    SKILLS_WRITE("skills.write"),

    /** Publish and roll back. */
    SKILLS_PUBLISH("skills.publish");

    /** The name that grants every scope. */
    public static final String ALL = "skills.*";

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    /** The scope as clients write it. */
    public String wire() {
        return wire;
    }

    /**
     * The scopes a granted name stands for: one, or all for {@link #ALL}; {@code null}
     * for a name that is no scope.
     */
    public static Set<Scope> named(String name) {
        if (ALL.equals(name)) {
            return EnumSet.allOf(Scope.class);
        }
        for (Scope scope : values()) {
            if (scope.wire.equals(name)) {
                return EnumSet.of(scope);
            }
        }
        return null;
    }

    /** Every name a client may grant, for messages. */
    public static String known() {
        return "skills.read, skills.write, skills.publish, skills.*";
    }

}
