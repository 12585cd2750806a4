package com.tenx.skills.skill;

import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface SkillRepository extends Repository<Skill, Long> {

    @Query("select s from Skill s where s.handleId = :handleId and s.key = :key")
    Optional<Skill> find(long handleId, String key);

    Skill save(Skill skill);

    /**
     * Deletes the skill; its runtime and versions go with it by the foreign keys'
     * cascade.
     */
    @Modifying
    @Query(value = "DELETE FROM skills WHERE id = :id", nativeQuery = true)
    int deleteById(long id);

}
