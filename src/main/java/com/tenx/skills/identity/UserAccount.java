package com.tenx.skills.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A person who signs in. The email is kept lower-cased; the password only as an adaptive
 * hash.
 */
@Entity
@Table(name = "users")
class UserAccount {

    @Id
    private UUID id;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "platform_admin")
    private boolean platformAdmin;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "tokens_not_before")
    private long tokensNotBefore;

    protected UserAccount() {
    }

    UUID id() {
        return id;
    }

    String passwordHash() {
        return passwordHash;
    }

    String email() {
        return email;
    }

    /** The earliest {@code iat} (epoch seconds) of this user's valid access tokens. */
    long tokensNotBefore() {
        return tokensNotBefore;
    }

}
