package com.tenx.skills.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What another instance answers once a change made on one instance has reached it: the
 * contract gives a change of access (a membership, a tenant's features, a revoked token,
 * a changed password) {@value #WITHIN_SECONDS} seconds to take effect everywhere. An
 * instance forgets what it remembered when the change's notification arrives, a few
 * milliseconds after the commit, so a test repeats the call until then.
 */
public final class AcrossInstances {

    static final int WITHIN_SECONDS = 5;

    /** What the contract allows another instance to take. */
    public static final Duration WITHIN = Duration.ofSeconds(WITHIN_SECONDS);

    private AcrossInstances() {
    }

    /**
     * The first reply to {@code call} with {@code status}, made again every 50 ms; fails
     * when none has it within {@link #WITHIN}.
     */
    public static Reply once(int status, Supplier<Reply> call) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            Reply reply = call.get();
            if (reply.status() == status || System.nanoTime() - deadline > 0) {
                assertThat(reply.status()).as("status of %s, %s after the change", reply, WITHIN).isEqualTo(status);
                return reply;
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + status, e);
            }
        }
    }

}
