package com.tenx.skills.identity;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface TenantRepository extends Repository<Tenant, String> {

    /**
     * A query, not {@code EntityManager.find}, which can answer "absent" when the
     * database fails (see DECISIONS.md).
     */
    @Query("select t from Tenant t where t.id = :id")
    Optional<Tenant> findById(String id);

    boolean existsById(String id);

    @Modifying
    @NativeQuery("""
            INSERT INTO tenants (id, plan, features, updated_at) VALUES (:id, :plan, :features, :at)
            ON CONFLICT DO NOTHING""")
    int insertIfAbsent(String id, String plan, String features, Instant at);

}
