package com.tenx.skills.identity;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.QueryTimeoutException;

/**
 * Reads handles' change counters as committed now, one query for all the requests that
 * ask at the same time. A request joins the batch being gathered; the batch's query is
 * sent once the previous one has answered, so it starts after every request in it arrived
 * and counts every write those callers saw committed. Under load a single round trip
 * answers many reads; alone, a read costs one query as before.
 * <p>
 * The first request of a batch sends its query on its own thread; there is no thread of
 * its own and nothing to stop. A failed query fails every request of its batch with the
 * same exception, as if each had sent it. The others wait no longer than their own
 * request's database time allows, then fail as a spent budget does.
 */
final class CommittedSeqs {

    private final Function<Set<Long>, Map<Long, Long>> read;

    private final Supplier<Duration> timeLeft;

    private final Object lock = new Object();

    /** The batch gathering requests while a query is out; {@code null} when none is. */
    private Batch gathering;

    /** Whether a query is out. */
    private boolean reading;

    /**
     * @param read the committed counters of the given handles; a handle that no longer
     * exists is absent from the answer
     * @param timeLeft the database time the calling request has left, {@code null} when
     * it is not bounded
     */
    CommittedSeqs(Function<Set<Long>, Map<Long, Long>> read, Supplier<Duration> timeLeft) {
        this.read = read;
        this.timeLeft = timeLeft;
    }

    /**
     * The handle's committed change counter, or {@code null} when there is no such
     * handle.
     */
    Long of(long handleId) {
        Batch batch;
        boolean leads;
        synchronized (lock) {
            leads = gathering == null;
            if (leads) {
                gathering = new Batch();
            }
            batch = gathering;
            batch.handleIds.add(handleId);
            if (leads && !reading) {
                reading = true;
                gathering = null;
                batch.mayStart.complete(null);
            }
        }
        if (leads) {
            // Bounded by the query before, which keeps to its own request's budget.
            batch.mayStart.join();
            try {
                batch.answer.complete(read.apply(batch.handleIds));
            }
            catch (RuntimeException | Error e) {
                batch.answer.completeExceptionally(e);
            }
            finally {
                startNext();
            }
        }
        Duration left = leads ? null : timeLeft.get();
        try {
            Map<Long, Long> seqs = left == null ? batch.answer.get()
                    : batch.answer.get(Math.max(0, left.toNanos()), TimeUnit.NANOSECONDS);
            return seqs.get(handleId);
        }
        catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
        catch (TimeoutException e) {
            throw new QueryTimeoutException("The request's database time budget is spent");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryTimeoutException("Interrupted while waiting for the change counter");
        }
    }

    /** Closes the batch gathered meanwhile and lets its first request send its query. */
    private void startNext() {
        Batch next;
        synchronized (lock) {
            next = gathering;
            gathering = null;
            reading = next != null;
        }
        if (next != null) {
            next.mayStart.complete(null);
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private static final class Batch {

        /** Written only under the lock, before {@link #mayStart} completes. */
        final Set<Long> handleIds = new HashSet<>();

        final CompletableFuture<Void> mayStart = new CompletableFuture<>();

        final CompletableFuture<Map<Long, Long>> answer = new CompletableFuture<>();

    }

}
