package com.tenx.skills.skill;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An immutable snapshot of a skill and its runtime, taken when it was published. */
@Entity
@Table(name = "skill_versions")
class SkillVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "skill_id", updatable = false)
    private long skillId;

    @Column(updatable = false)
    private String version;

    @Column(name = "published_at", updatable = false)
    private Instant publishedAt;

    @Column(name = "published_by", updatable = false)
    private UUID publishedBy;

    @Column(updatable = false)
    private String title;

    @Column(updatable = false)
    private String description;

    @Column(name = "system_prompt", updatable = false)
    private String systemPrompt;

    @Column(updatable = false)
    private String tools;

    /** The runtime as JSON text, in the shape {@code GET .../runtime} answers. */
    @Column(updatable = false)
    private String runtime;

    protected SkillVersion() {
    }

    String version() {
        return version;
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

    String runtime() {
        return runtime;
    }

}
