package com.tenx.skills.skill;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface SkillRuntimeRepository extends Repository<SkillRuntime, Long> {

    Optional<SkillRuntime> findById(Long skillId);

    SkillRuntime save(SkillRuntime runtime);
}
