package com.tenx.skills.audit;

import com.tenx.skills.config.PendingWrites;
import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.MembershipChanged;
import com.tenx.skills.skill.SkillChanged;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every successful write, naming the personal access token when it came with one.
 * The listeners run synchronously inside the write's own transaction, and the record is
 * sent with its other {@link PendingWrites}, so a change and its record commit or roll
 * back together.
 */
@Component
class AuditTrail {

    private static final String INSERT = """
            INSERT INTO audit_entries
                (handle_id, at, actor_id, actor_email, actor_token_id, action, skill_key, version, target_user,
                 request_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final PendingWrites writes;

    AuditTrail(PendingWrites writes) {
        this.writes = writes;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(SkillChanged change) {
        record(change.by(), change.action(), change.skillKey(), change.version(), null, change.at());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MembershipChanged change) {
        record(change.by(), change.action(), null, null, change.userId(), change.at());
    }

    private void record(HandleGrant by, String action, String skillKey, String version, UUID member, Instant at) {
        writes.add(INSERT, by.handleId(), at, by.userId(), by.email(), by.tokenId(), action, skillKey, version, member,
                by.requestId());
    }

}
