package com.tenx.skills.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A user's role on a handle. */
@Entity
@Table(name = "memberships")
@IdClass(Membership.Key.class)
class Membership {

    @Id
    @Column(name = "handle_id")
    private long handleId;

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Membership() {
    }

    Role role() {
        return role;
    }

    void changeRole(Role role, Instant at) {
        this.role = role;
        this.updatedAt = at;
    }

    /** The composite primary key (handle, user). */
    static class Key implements Serializable {

        private long handleId;

        private UUID userId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.handleId == handleId && java.util.Objects.equals(key.userId, userId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(handleId, userId);
        }

    }

}
