package com.tenx.skills.identity;

/** Roles on a handle, lowest first: "CREATOR or higher" is one comparison. */
public enum Role {

    VIEWER, CREATOR, ADMIN, OWNER;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** The role named by {@code value}, or {@code null} when it names none. */
    public static Role parse(String value) {
        for (Role role : values()) {
            if (role.name().equals(value)) {
                return role;
            }
        }
        return null;
    }

}
