package com.tenx.skills.skill;

import org.springframework.jdbc.core.RowMapper;

/**
 * What a metadata PUT needs of the skill it replaces: its id and its change number (its
 * ETag). Read in the same round trip as the handle's lock.
 */
record SkillHead(long id, long changeSeq) {

    static final String QUERY = "SELECT id, change_seq FROM skills WHERE handle_id = ? AND skill_key = ?";

    static final RowMapper<SkillHead> ROWS = (row, n) -> new SkillHead(row.getLong("id"), row.getLong("change_seq"));

    static SkillHead of(Skill skill) {
        return new SkillHead(skill.id(), skill.changeSeq());
    }

    String etag() {
        return ETags.of(changeSeq);
    }

}
