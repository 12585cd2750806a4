package com.tenx.skills.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MembershipRepository extends Repository<Membership, Membership.Key> {

    @Query("select m from Membership m where m.handleId = :handleId and m.userId = :userId")
    Optional<Membership> find(long handleId, UUID userId);

    @Modifying
    @NativeQuery("""
            INSERT INTO memberships (handle_id, user_id, role, updated_at) VALUES (:handleId, :userId, :role, :at)
            ON CONFLICT DO NOTHING""")
    int insertIfAbsent(long handleId, UUID userId, String role, Instant at);

    @Modifying
    @Query("delete from Membership m where m.handleId = :handleId and m.userId = :userId")
    int delete(long handleId, UUID userId);

    /**
     * The owners of a handle, their rows locked: two concurrent demotions of different
     * owners are serialised, so the second sees the first and a handle never loses its
     * last owner.
     */
    @NativeQuery("SELECT user_id FROM memberships WHERE handle_id = :handleId AND role = 'OWNER' FOR UPDATE")
    List<UUID> lockOwners(long handleId);

}
