package com.tenx.skills.identity;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface HandleRepository extends Repository<Handle, Long> {

    Optional<Handle> findByHandle(String handle);

    /**
     * A query, not {@code EntityManager.find}, which can answer "absent" when the
     * database fails (see DECISIONS.md).
     */
    @Query("select h from Handle h where h.id = :id")
    Optional<Handle> findById(Long id);

    @Modifying
    @NativeQuery("UPDATE handles SET expired_seq = GREATEST(expired_seq, :seq) WHERE id = :id")
    int raiseExpiredSeq(long id, long seq);

    @Modifying
    @NativeQuery("""
            INSERT INTO handles (handle, tenant_id, change_seq, clock_ms, expired_seq, created_at)
            VALUES (:handle, :tenantId, 0, 0, 0, :at)
            ON CONFLICT DO NOTHING""")
    int insertIfAbsent(String handle, String tenantId, Instant at);

}
