package com.tenx.skills.skill;

import com.tenx.skills.identity.WriteStamp;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A handle's skill: its metadata and status. Every change goes through a method that
 * takes the write's {@link WriteStamp}, so {@code updatedAt} and the change number move
 * with every write.
 */
@Entity
@Table(name = "skills")
class Skill {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "handle_id")
    private long handleId;

    @Column(name = "skill_key")
    private String key;

    private String title;

    private String description;

    @Column(name = "system_prompt")
    private String systemPrompt;

    private String tools;

    @Enumerated(EnumType.STRING)
    private SkillStatus status;

    @Column(name = "published_version")
    private String publishedVersion;

    @Column(name = "change_seq")
    private long changeSeq;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Skill() {
    }

    static Skill create(long handleId, String key, SkillMetadata metadata, WriteStamp stamp) {
        Skill skill = new Skill();
        skill.handleId = handleId;
        skill.key = key;
        skill.createdAt = stamp.at();
        skill.edit(metadata, stamp);
        return skill;
    }

    /**
     * Replaces the metadata; the given status takes effect, so an edited published skill
     * is a draft again.
     */
    void edit(SkillMetadata metadata, WriteStamp stamp) {
        title = metadata.title();
        description = metadata.description();
        systemPrompt = metadata.systemPrompt();
        tools = metadata.tools();
        status = metadata.status();
        touch(stamp);
    }

    /** Records a change to something the skill owns (its runtime). */
    void touch(WriteStamp stamp) {
        changeSeq = stamp.seq();
        updatedAt = stamp.at();
    }

    Long id() {
        return id;
    }

    String key() {
        return key;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    String systemPrompt() {
        return systemPrompt;
    }

    String tools() {
        return tools;
    }

    SkillStatus status() {
        return status;
    }

    long changeSeq() {
        return changeSeq;
    }

    String etag() {
        return ETags.of(changeSeq);
    }

}
