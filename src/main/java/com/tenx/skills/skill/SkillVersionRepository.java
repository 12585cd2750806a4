package com.tenx.skills.skill;

import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface SkillVersionRepository extends Repository<SkillVersion, Long> {

    @Query("select v from SkillVersion v where v.skillId = :skillId and v.version = :version")
    Optional<SkillVersion> find(long skillId, String version);

}
