package com.tenx.skills.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tenx.skills.web.DatabaseOutage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

/**
 * The guarantee of {@link SharedCounterReads}: a caller is answered by a read that began
 * after it asked, so it sees every write committed before it asked, even while another
 * read is in flight; the callers that ask meanwhile share the next read. The reads here
 * are held at will, so each interleaving is forced, not hoped for.
 */
class SharedCounterReadsTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();

    /** The counter "in the database": each read takes its value when it starts. */
    private final AtomicLong committed = new AtomicLong(5);

    /** The handles of each read, in the order the reads started. */
    private final BlockingQueue<Set<Long>> started = new LinkedBlockingQueue<>();

    /** Each read waits for one release before it answers. */
    private final BlockingQueue<CountDownLatch> releases = new LinkedBlockingQueue<>();

    private final AtomicInteger readsStarted = new AtomicInteger();

    /** Failures by the number of the read (from 0) that throws them. */
    private final Map<Integer, RuntimeException> failures = new ConcurrentHashMap<>();

    private final SharedCounterReads reads = new SharedCounterReads(this::read,
            () -> Thread.currentThread().getName().equals(IMPATIENT) ? 0 : 10_000);

    /** The thread of a request whose database time budget is spent. */
    private static final String IMPATIENT = "impatient";

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    private Map<Long, Long> read(Collection<Long> handles) {
        int number = readsStarted.getAndIncrement();
        long seq = committed.get(); // the read's snapshot is taken as it starts
        CountDownLatch release = new CountDownLatch(1);
        releases.add(release);
        started.add(Set.copyOf(handles));
        try {
            release.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RuntimeException failure = failures.get(number);
        if (failure != null) {
            throw failure;
        }
        Map<Long, Long> answer = new ConcurrentHashMap<>();
        handles.stream().filter(handle -> handle != 404L).forEach(handle -> answer.put(handle, seq));
        return answer;
    }

    private Future<Long> ask(long handle) {
        return callers.submit(() -> reads.committed(handle));
    }

    private Set<Long> nextStarted() throws InterruptedException {
        Set<Long> handles = started.poll(10, TimeUnit.SECONDS);
        assertThat(handles).as("a read started").isNotNull();
        return handles;
    }

    private void releaseNext() throws InterruptedException {
        CountDownLatch release = releases.poll(10, TimeUnit.SECONDS);
        assertThat(release).as("a read to release").isNotNull();
        release.countDown();
    }

    /** Waits until {@code count} callers wait on the read that has not started yet. */
    private void awaitWaiting(Future<?>... asked) throws InterruptedException {
        // A caller that joined the next read is blocked: give it a moment to get there,
        // then check that it is still waiting, as it must be until that read is released.
        Thread.sleep(100);
        for (Future<?> future : asked) {
            assertThat(future).as("still waiting for the next read").isNotDone();
        }
    }

    /** A caller that finds no read in flight reads at once, alone. */
    private void assertACallerAloneReadsAtOnce() throws Exception {
        Future<Long> alone = ask(1);
        assertThat(nextStarted()).containsExactly(1L);
        releaseNext();
        assertThat(alone.get(10, TimeUnit.SECONDS)).isEqualTo(committed.get());
    }

    @Test
    void aCallerAloneReadsAtOnce() throws Exception {
        assertACallerAloneReadsAtOnce();
    }

    @Test
    void aWriteCommittedWhileAReadIsInFlightIsSeenByEveryCallerWhoAskedAfterIt() throws Exception {
        Future<Long> early = ask(1);
        assertThat(nextStarted()).containsExactly(1L); // its snapshot: 5

        committed.set(6); // a write commits; the read in flight cannot see it
        Future<Long> late = ask(1);
        Future<Long> other = ask(2);
        awaitWaiting(late, other);
        assertThat(started).as("no second read while the first is in flight").isEmpty();

        releaseNext();
        assertThat(early.get(10, TimeUnit.SECONDS)).isEqualTo(5);
        assertThat(nextStarted()).as("the callers who asked meanwhile share one read")
            .containsExactlyInAnyOrder(1L, 2L);
        assertThat(late).isNotDone();
        releaseNext();
        assertThat(late.get(10, TimeUnit.SECONDS)).as("the write committed before it asked").isEqualTo(6);
        assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(6);
        assertThat(started).isEmpty();
    }

    @Test
    void manyCallersAtOnceAreAnsweredByFewReads() throws Exception {
        Future<Long> first = ask(1);
        nextStarted();
        List<Future<Long>> rest = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rest.add(ask(1 + i % 3));
        }
        awaitWaiting(rest.toArray(Future[]::new));
        releaseNext();
        assertThat(nextStarted()).containsExactlyInAnyOrder(1L, 2L, 3L);
        releaseNext();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(5);
        for (Future<Long> future : rest) {
            assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo(5);
        }
        assertThat(started).as("two reads for 51 callers").isEmpty();
    }

    @Test
    void aHandleThatDoesNotExistIsAbsentForItsCallerOnly() throws Exception {
        Future<Long> first = ask(1);
        nextStarted();
        Future<Long> missing = ask(404);
        Future<Long> present = ask(2);
        awaitWaiting(missing, present);
        releaseNext();
        nextStarted();
        releaseNext();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(5);
        assertThat(missing.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(present.get(10, TimeUnit.SECONDS)).isEqualTo(5);
    }

    @Test
    void aFailedReadFailsItsCallersAndTheNextReadStartsAfresh() throws Exception {
        Future<Long> first = ask(1);
        nextStarted();
        failures.put(1, new InvalidDataAccessResourceUsageException("the second read fails"));
        Future<Long> second = ask(1);
        Future<Long> third = ask(2);
        awaitWaiting(second, third);
        releaseNext();
        nextStarted();
        releaseNext();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(5);
        for (Future<Long> failed : List.of(second, third)) {
            assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(InvalidDataAccessResourceUsageException.class);
        }

        assertACallerAloneReadsAtOnce();
    }

    @Test
    void aCallerWhoseBudgetIsSpentWaitingIsAnsweredAsADatabaseOutageAndTheReadsGoOn() throws Exception {
        Future<Long> stuck = ask(1);
        nextStarted();
        // A caller whose request has no database time left gives up at once instead of
        // waiting for the stuck read.
        assertAnsweredAsADatabaseOutage(askWithNoTimeLeft(1));

        releaseNext();
        assertThat(stuck.get(10, TimeUnit.SECONDS)).isEqualTo(5);
        assertACallerAloneReadsAtOnce();
    }

    @Test
    void aCallerWithLessTimeLeftThanTheReadItJoinsGivesUpAtItsOwnDeadline() throws Exception {
        Future<Long> stuck = ask(1);
        nextStarted();
        Future<Long> patient = ask(2); // leads the next read, with time to spare
        awaitWaiting(patient);
        // Joins that read, which would end in time for its leader, not for this caller.
        assertAnsweredAsADatabaseOutage(askWithNoTimeLeft(3));

        releaseNext();
        assertThat(stuck.get(10, TimeUnit.SECONDS)).isEqualTo(5);
        assertThat(nextStarted()).containsExactlyInAnyOrder(2L, 3L);
        releaseNext();
        assertThat(patient.get(10, TimeUnit.SECONDS)).isEqualTo(5);
    }

    /** Asks on the thread of a request whose database time budget is spent. */
    private CompletableFuture<Long> askWithNoTimeLeft(long handle) {
        CompletableFuture<Long> impatient = new CompletableFuture<>();
        new Thread(() -> {
            try {
                impatient.complete(reads.committed(handle));
            }
            catch (RuntimeException e) {
                impatient.completeExceptionally(e);
            }
        }, IMPATIENT).start();
        return impatient;
    }

    private static void assertAnsweredAsADatabaseOutage(CompletableFuture<Long> answer) {
        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
            .satisfies(e -> assertThat(DatabaseOutage.causedBy(e.getCause())).as("answered 503").isTrue());
    }

}
