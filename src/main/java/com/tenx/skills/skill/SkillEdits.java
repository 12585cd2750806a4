package com.tenx.skills.skill;

import com.tenx.skills.config.PendingWrites;
import com.tenx.skills.identity.WriteStamp;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Changes to an existing skill that a write makes last, under its handle's lock, sent
 * with the write's other {@link PendingWrites} (the handle's counter, the change
 * notification, the audit record) in one round trip as it commits, rather than each by a
 * round trip of its own (the flush of a changed entity, the insert of a new one). A
 * skill's entity read by the write is left as it was read; nothing in the write reads it
 * again.
 */
@Component
class SkillEdits {

    private final PendingWrites writes;

    SkillEdits(PendingWrites writes) {
        this.writes = writes;
    }

    /** Replaces the metadata; the given status takes effect (see {@link Skill#edit}). */
    void replaceMetadata(long skillId, SkillMetadata metadata, WriteStamp stamp) {
        writes.add("""
                UPDATE skills SET title = ?, description = ?, system_prompt = ?, tools = ?, status = ?,
                    change_seq = ?, updated_at = ?
                WHERE id = ?""", metadata.title(), metadata.description(), metadata.systemPrompt(), metadata.tools(),
                metadata.status().name(), stamp.seq(), stamp.at(), skillId);
    }

    /**
     * Publishes the skill with {@code metadata} (its own, or a version's it is rolled
     * back to) as {@code version}, and records the snapshot: the metadata and the runtime
     * as {@code runtimeJson}, in the shape {@code GET .../runtime} answers.
     */
    void publish(long skillId, SkillMetadata metadata, String version, String runtimeJson, WriteStamp stamp, UUID by) {
        writes.add("""
                UPDATE skills SET title = ?, description = ?, system_prompt = ?, tools = ?, status = ?,
                    published_version = ?, change_seq = ?, updated_at = ?
                WHERE id = ?""", metadata.title(), metadata.description(), metadata.systemPrompt(), metadata.tools(),
                metadata.status().name(), version, stamp.seq(), stamp.at(), skillId);
        writes.add("""
                INSERT INTO skill_versions
                    (skill_id, version, published_at, published_by, title, description, system_prompt, tools, runtime)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", skillId, version, stamp.at(), by, metadata.title(),
                metadata.description(), metadata.systemPrompt(), metadata.tools(), runtimeJson);
    }

    /** Records a change to something the skill owns (see {@link Skill#touch}). */
    void touch(long skillId, WriteStamp stamp) {
        writes.add("UPDATE skills SET change_seq = ?, updated_at = ? WHERE id = ?", stamp.seq(), stamp.at(), skillId);
    }

}
