package com.tenx.skills.identity;

import com.tenx.skills.web.DatabaseTimeBudget;
import java.sql.SQLTransientConnectionException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Reads of handles' committed change counters, one query shared by every request that
 * asks while the previous read is in flight. A read that was already running when a
 * request asked cannot answer it: it may miss a write committed just before the request.
 * So a request that finds a read running joins the next one, which starts as soon as the
 * running one ends and reads every handle asked for in the meantime; a request that finds
 * none running reads at once. Each request is thus answered by a read that began after it
 * asked, as if it had read alone, and under load one round trip serves many requests
 * instead of one each.
 * <p>
 * A failed read fails every request that shares it. A request waits no longer than its
 * database time budget ({@link DatabaseTimeBudget}) and is then answered
 * {@code 503 service_unavailable}, as if its own read had timed out.
 */
final class SharedCounterReads {

    private final Function<Collection<Long>, Map<Long, Long>> reader;

    private final LongSupplier millisLeft;

    private final ReentrantLock lock = new ReentrantLock();

    /** The read in flight, or {@code null}; guarded by {@link #lock}. */
    private Read running;

    /**
     * The read that starts when {@link #running} ends, or {@code null}; guarded by
     * {@link #lock}.
     */
    private Read gathering;

    /**
     * @param reader the counters of the given handles as committed now; a handle that
     * does not exist is absent
     * @param millisLeft how long the calling request may still wait for the database
     */
    SharedCounterReads(Function<Collection<Long>, Map<Long, Long>> reader, LongSupplier millisLeft) {
        this.reader = reader;
        this.millisLeft = millisLeft;
    }

    /**
     * The handle's counter as read by a query that began after this call; {@code null}
     * when the handle does not exist.
     */
    Long committed(long handleId) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millisLeft.getAsLong());
        Read read;
        boolean lead;
        lock.lock();
        try {
            if (running == null) {
                read = running = new Read(true, deadline);
                lead = true;
            }
            else if (gathering == null) {
                read = gathering = new Read(false, deadline);
                lead = true;
            }
            else {
                read = gathering;
                lead = false;
            }
            read.handles.add(handleId);
        }
        finally {
            lock.unlock();
        }
        if (lead) {
            run(read, deadline);
        }
        return read.counterOf(handleId, deadline);
    }

    private void run(Read read, long deadline) {
        if (!read.turn.isDone() && !awaitTurn(read, deadline)) {
            return;
        }
        try {
            read.result.complete(reader.apply(read.handles));
        }
        catch (RuntimeException | Error failure) {
            read.result.completeExceptionally(failure);
        }
        finally {
            lock.lock();
            try {
                running = gathering;
                gathering = null;
                if (running != null) {
                    running.turn.complete(null);
                }
            }
            finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits until the running read has ended and this one has taken its place; false when
     * the wait outlasted the budget, and the read was given up (its requests are answered
     * 503).
     */
    private boolean awaitTurn(Read read, long deadline) {
        try {
            read.turn.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        }
        catch (TimeoutException | InterruptedException | ExecutionException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            lock.lock();
            try {
                if (read.turn.isDone()) {
                    return true; // its turn came as the wait ended
                }
                gathering = null;
            }
            finally {
                lock.unlock();
            }
            read.result.completeExceptionally(spent());
            return false;
        }
    }

    private static TransientDataAccessResourceException spent() {
        return new TransientDataAccessResourceException("No change counter read within the database time budget",
                new SQLTransientConnectionException("The request's database time budget is spent", "08001"));
    }

    /**
     * One query: the handles it reads (sealed once it starts), its answer, and when it
     * ends at the latest: the deadline of the request that leads it, which waits for its
     * turn no longer than that and runs the query within its own database time budget.
     */
    private static final class Read {

        /** Guarded by the reads' lock until the read starts; read-only after. */
        final Set<Long> handles = new HashSet<>();

        /** Completed when this read may start: at once for a read nothing runs before. */
        final CompletableFuture<Void> turn = new CompletableFuture<>();

        final CompletableFuture<Map<Long, Long>> result = new CompletableFuture<>();

        final long endsBy;

        Read(boolean startsAtOnce, long endsBy) {
            this.endsBy = endsBy;
            if (startsAtOnce) {
                turn.complete(null);
            }
        }

        /**
         * Waits for the answer until {@code deadline}. A request whose deadline is no
         * earlier than the read's own end waits without a timer of its own: the read ends
         * in time for it anyway, and on virtual threads each timed wait costs a timer
         * scheduled and cancelled (13% of a read's CPU on JDK 25).
         */
        Long counterOf(long handleId, long deadline) {
            try {
                Map<Long, Long> counters = deadline - endsBy >= 0 ? result.get()
                        : result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return counters.get(handleId);
            }
            catch (TimeoutException e) {
                throw spent();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw spent();
            }
            catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw (Error) e.getCause();
            }
        }

    }

}
