package com.tenx.skills.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency records older than 24 hours. Idempotent, so every instance may run
 * it; a record past its time that is still there is treated as absent anyway.
 */
@Component
class IdempotencyReaper {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyReaper.class);

    private final IdempotencyRecords records;

    IdempotencyReaper(IdempotencyRecords records) {
        this.records = records;
    }

    @Scheduled(initialDelayString = "${skills.idempotency.reap-initial-delay:PT1M}", fixedDelayString = "PT10M")
    public void reap() {
        int forgotten = records.expire();
        if (forgotten > 0) {
            log.info("Forgot {} idempotency keys older than {}", forgotten, IdempotencyRecords.RETENTION);
        }
    }

}
