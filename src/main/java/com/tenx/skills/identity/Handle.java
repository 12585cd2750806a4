package com.tenx.skills.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A tenant's namespace of skills. Besides its tenant it keeps the handle's change counter
 * and write clock, advanced under this row's lock by every skill write: the database, not
 * the application, orders the writes of a handle.
 */
@Entity
@Table(name = "handles")
class Handle {

    @Id
    private Long id;

    private String handle;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "change_seq")
    private long changeSeq;

    @Column(name = "clock_ms")
    private long clockMs;

    @Column(name = "expired_seq")
    private long expiredSeq;

    protected Handle() {
    }

    long id() {
        return id;
    }

    long changeSeq() {
        return changeSeq;
    }

    long expiredSeq() {
        return expiredSeq;
    }

    void moveTo(String tenantId) {
        this.tenantId = tenantId;
    }

    /** The stamp a write would take now, without taking it. */
    WriteStamp next(Instant now) {
        return WriteStamp.after(changeSeq, clockMs, now);
    }

}
