package com.tenx.skills.skill;

import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface SkillRuntimeRepository extends Repository<SkillRuntime, Long> {

    /**
     * A query, not {@code EntityManager.find}, which can answer "absent" when the
     * database fails (see DECISIONS.md).
     */
    @Query("select r from SkillRuntime r where r.skillId = :skillId")
    Optional<SkillRuntime> findById(Long skillId);

    SkillRuntime save(SkillRuntime runtime);

}
