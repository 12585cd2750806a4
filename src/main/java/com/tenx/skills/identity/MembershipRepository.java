package com.tenx.skills.identity;

import java.time.Instant;
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

}
