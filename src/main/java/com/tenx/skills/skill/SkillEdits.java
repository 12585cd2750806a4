package com.tenx.skills.skill;

import com.tenx.skills.config.PendingWrites;
import com.tenx.skills.identity.WriteStamp;
import org.springframework.stereotype.Component;

/**
 * Changes to an existing skill's row that a write makes last, under its handle's lock,
 * sent with the write's other {@link PendingWrites} (the handle's counter, the change
 * notification, the audit record) in one round trip as it commits, rather than by the
 * flush of a changed entity, which would cost a round trip of its own. The skill's entity
 * is left as it was read; nothing in the write reads it again.
 */
@Component
class SkillEdits {

    private final PendingWrites writes;

    SkillEdits(PendingWrites writes) {
        this.writes = writes;
    }

    /** Replaces the metadata; the given status takes effect (see {@link Skill#edit}). */
    void replaceMetadata(Skill skill, SkillMetadata metadata, WriteStamp stamp) {
        writes.add("""
                UPDATE skills SET title = ?, description = ?, system_prompt = ?, tools = ?, status = ?,
                    change_seq = ?, updated_at = ?
                WHERE id = ?""", metadata.title(), metadata.description(), metadata.systemPrompt(), metadata.tools(),
                metadata.status().name(), stamp.seq(), stamp.at(), skill.id());
    }

    /** Records a change to something the skill owns (see {@link Skill#touch}). */
    void touch(Skill skill, WriteStamp stamp) {
        writes.add("UPDATE skills SET change_seq = ?, updated_at = ? WHERE id = ?", stamp.seq(), stamp.at(),
                skill.id());
    }

}
