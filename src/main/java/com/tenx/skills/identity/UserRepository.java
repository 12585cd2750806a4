package com.tenx.skills.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface UserRepository extends Repository<UserAccount, UUID> {

    /**
     * A query, not {@code EntityManager.find}, which can answer "absent" when the
     * database fails (see DECISIONS.md).
     */
    @Query("select u from UserAccount u where u.id = :id")
    Optional<UserAccount> findById(UUID id);

    Optional<UserAccount> findByEmail(String email);

    /**
     * Inserts the user unless the email is taken; the unique constraint decides, not a
     * prior read.
     */
    @Modifying
    @NativeQuery("""
            INSERT INTO users (id, email, password_hash, platform_admin, created_at)
            VALUES (:id, :email, :passwordHash, :platformAdmin, :createdAt)
            ON CONFLICT DO NOTHING""")
    int insertIfAbsent(UUID id, String email, String passwordHash, boolean platformAdmin, Instant createdAt);

    /**
     * Stores a new password hash and ends the tokens issued before {@code notBefore}
     * (epoch seconds), which never moves back and always passes the previous value, so
     * that a token issued between two changes in one second ends with the second.
     */
    @Modifying
    @NativeQuery("""
            UPDATE users SET password_hash = :passwordHash,
                tokens_not_before = GREATEST(:notBefore, tokens_not_before + 1)
            WHERE id = :id""")
    int changePassword(UUID id, String passwordHash, long notBefore);

}
