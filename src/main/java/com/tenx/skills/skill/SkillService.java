package com.tenx.skills.skill;

import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.HandleChangeCounter;
import com.tenx.skills.identity.WriteStamp;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every write to a handle's skills. Each one locks the handle first (see
 * {@link HandleChangeCounter}), so writes to one handle are serialised across all
 * instances, then reads the current state, checks preconditions and state rules, and
 * writes with the handle's next stamp. What a write changes last (the skill's row, the
 * handle's counter, the notification, the audit record) goes in one round trip as it
 * commits ({@link SkillEdits}), so the lock is held for as few round trips as possible. A
 * dry run makes the same checks without the lock and without writing.
 */
@Service
class SkillService {

    private final HandleChangeCounter counter;

    private final SkillRepository skills;

    private final SkillRuntimeRepository runtimes;

    private final SkillVersionRepository versions;

    private final Tombstones tombstones;

    private final SkillEdits edits;

    private final ApplicationEventPublisher events;

    private final JsonMapper json;

    SkillService(HandleChangeCounter counter, SkillRepository skills, SkillRuntimeRepository runtimes,
            SkillVersionRepository versions, Tombstones tombstones, SkillEdits edits, ApplicationEventPublisher events,
            JsonMapper json) {
        this.counter = counter;
        this.skills = skills;
        this.runtimes = runtimes;
        this.versions = versions;
        this.tombstones = tombstones;
        this.edits = edits;
        this.events = events;
        this.json = json;
    }

    record PutResult(String skillKey, SkillStatus status, boolean created) {
    }

    record Published(String skillKey, String version, String fromVersion) {
    }

    @Transactional
    PutResult putMetadata(HandleGrant grant, String key, SkillMetadata metadata, Preconditions preconditions,
            boolean dryRun) {
        HandleChangeCounter.Locked<SkillHead> locked = dryRun ? null
                : counter.lockAndRead(grant.handleId(), SkillHead.QUERY, SkillHead.ROWS, grant.handleId(), key);
        Optional<SkillHead> existing = dryRun ? skills.find(grant.handleId(), key).map(SkillHead::of) : locked.first();
        preconditions.check(existing.map(SkillHead::etag).orElse(null));
        PutResult result = new PutResult(key, metadata.status(), existing.isEmpty());
        if (dryRun) {
            return result;
        }
        WriteStamp stamp = locked.lock().stamp();
        if (existing.isPresent()) {
            edits.replaceMetadata(existing.get().id(), metadata, stamp);
        }
        else {
            skills.save(Skill.create(grant.handleId(), key, metadata, stamp));
            tombstones.exhume(grant.handleId(), key);
        }
        events.publishEvent(new SkillChanged(grant, SkillChanged.PUT, key, null, stamp.at()));
        return result;
    }

    @Transactional
    RuntimeView putRuntime(HandleGrant grant, String key, RuntimeSpec spec, Preconditions preconditions,
            boolean dryRun) {
        HandleChangeCounter.Lock lock = dryRun ? null : counter.lock(grant.handleId());
        Skill skill = existing(grant, key);
        preconditions.check(skill.etag());
        if (!dryRun) {
            WriteStamp stamp = lock.stamp();
            runtimes.findById(skill.id())
                .ifPresentOrElse(runtime -> runtime.replace(spec, stamp.at()),
                        () -> runtimes.save(SkillRuntime.of(skill.id(), spec, stamp.at())));
            edits.touch(skill.id(), stamp);
            events.publishEvent(new SkillChanged(grant, SkillChanged.RUNTIME_PUT, key, null, stamp.at()));
        }
        return RuntimeView.core(grant.handle(), key, spec);
    }

    /**
     * Publishes the skill as it is, or, with {@code fromVersion}, first restores that
     * version's metadata and runtime: either way a new snapshot with a new, strictly
     * increasing version. A dry run answers the version the publish would take if it came
     * now.
     */
    @Transactional
    Published publish(HandleGrant grant, String key, String fromVersion, Preconditions preconditions, boolean dryRun) {
        HandleChangeCounter.Lock lock = dryRun ? null : counter.lock(grant.handleId());
        Skill skill = existing(grant, key);
        preconditions.check(skill.etag());
        Optional<SkillVersion> source = Optional.ofNullable(fromVersion)
            .map(version -> versions.find(skill.id(), version).orElseThrow(VersionNotFound::new));
        Optional<SkillRuntime> current = runtimes.findById(skill.id());
        if (source.isEmpty() && current.isEmpty()) {
            throw new RuntimeNotConfigured();
        }
        if (dryRun) {
            return new Published(key, counter.preview(grant.handleId()).version(), fromVersion);
        }
        WriteStamp stamp = lock.stamp();
        SkillRuntime runtime = current.orElse(null);
        SkillMetadata metadata = new SkillMetadata(skill.title(), skill.description(), skill.systemPrompt(),
                skill.tools(), SkillStatus.PUBLISHED);
        if (source.isPresent()) {
            SkillVersion snapshot = source.get();
            metadata = new SkillMetadata(snapshot.title(), snapshot.description(), snapshot.systemPrompt(),
                    snapshot.tools(), SkillStatus.PUBLISHED);
            RuntimeSpec spec = runtimeOf(snapshot);
            if (runtime == null) {
                runtime = runtimes.save(SkillRuntime.of(skill.id(), spec, stamp.at()));
            }
            else {
                runtime.replace(spec, stamp.at());
            }
        }
        String version = stamp.version();
        String runtimeJson = json.writeValueAsString(RuntimeView.full(grant.handle(), key, runtime.spec()));
        edits.publish(skill.id(), metadata, version, runtimeJson, stamp, grant.userId());
        events.publishEvent(new SkillChanged(grant, SkillChanged.PUBLISH, key, version, stamp.at()));
        return new Published(key, version, fromVersion);
    }

    /**
     * Deletes the skill with its runtime and versions; deleting a missing skill changes
     * nothing.
     */
    @Transactional
    void delete(HandleGrant grant, String key, Preconditions preconditions, boolean dryRun) {
        HandleChangeCounter.Lock lock = dryRun ? null : counter.lock(grant.handleId());
        Optional<Skill> existing = skills.find(grant.handleId(), key);
        preconditions.check(existing.map(Skill::etag).orElse(null));
        if (existing.isEmpty() || dryRun) {
            return;
        }
        WriteStamp stamp = lock.stamp();
        skills.deleteById(existing.get().id());
        tombstones.bury(grant.handleId(), key, stamp);
        events.publishEvent(new SkillChanged(grant, SkillChanged.DELETE, key, null, stamp.at()));
    }

    private Skill existing(HandleGrant grant, String key) {
        return skills.find(grant.handleId(), key).orElseThrow(SkillNotFound::new);
    }

    private RuntimeSpec runtimeOf(SkillVersion version) {
        JsonNode runtime = json.readTree(version.runtime());
        return new RuntimeSpec(runtime.get("imageRef").stringValue(), runtime.get("command").toString(),
                runtime.get("args").toString(), runtime.get("cpu").intValue(), runtime.get("memory").intValue(),
                runtime.get("idleTimeoutSec").intValue(), runtime.get("maxSessionSec").intValue(),
                runtime.get("secretsRefs").toString(), runtime.get("networkPolicy").toString(),
                runtime.get("planGates").toString());
    }

}
