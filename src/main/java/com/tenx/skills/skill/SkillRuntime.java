package com.tenx.skills.skill;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The container a skill runs in. A PUT replaces it whole. */
@Entity
@Table(name = "skill_runtimes")
class SkillRuntime {

    @Id
    @Column(name = "skill_id")
    private Long skillId;

    @Column(name = "image_ref")
    private String imageRef;

    private String command;

    private String args;

    private int cpu;

    private int memory;

    @Column(name = "idle_timeout_sec")
    private int idleTimeoutSec;

    @Column(name = "max_session_sec")
    private int maxSessionSec;

    @Column(name = "secrets_refs")
    private String secretsRefs;

    @Column(name = "network_policy")
    private String networkPolicy;

    @Column(name = "plan_gates")
    private String planGates;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected SkillRuntime() {
    }

    static SkillRuntime of(long skillId, RuntimeSpec spec, Instant at) {
        SkillRuntime runtime = new SkillRuntime();
        runtime.skillId = skillId;
        runtime.replace(spec, at);
        return runtime;
    }

    void replace(RuntimeSpec spec, Instant at) {
        imageRef = spec.imageRef();
        command = spec.command();
        args = spec.args();
        cpu = spec.cpu();
        memory = spec.memory();
        idleTimeoutSec = spec.idleTimeoutSec();
        maxSessionSec = spec.maxSessionSec();
        secretsRefs = spec.secretsRefs();
        networkPolicy = spec.networkPolicy();
        planGates = spec.planGates();
        updatedAt = at;
    }

    RuntimeSpec spec() {
        return new RuntimeSpec(imageRef, command, args, cpu, memory, idleTimeoutSec, maxSessionSec, secretsRefs,
                networkPolicy, planGates);
    }

}
