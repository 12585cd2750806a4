package com.tenx.skills.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reads of committed change counters: requests that ask at once share a query, and a
 * query never answers a request that came after it was sent.
 */
class CommittedSeqsTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aLoneRequestSendsItsOwnQueryEachTime() {
        List<Set<Long>> queries = new CopyOnWriteArrayList<>();
        CommittedSeqs seqs = new CommittedSeqs(ids -> {
            queries.add(Set.copyOf(ids));
            return Map.of(1L, 7L);
        }, () -> null);

        assertThat(seqs.of(1)).isEqualTo(7L);
        assertThat(seqs.of(2)).isNull();
        assertThat(queries).containsExactly(Set.of(1L), Set.of(2L));
    }

    @Test
    void requestsThatArriveWhileAQueryIsOutShareTheNextOne() throws Exception {
        CountDownLatch firstSent = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Set<Long>> queries = new CopyOnWriteArrayList<>();
        AtomicLong committed = new AtomicLong(5);
        CommittedSeqs seqs = new CommittedSeqs(ids -> {
            queries.add(Set.copyOf(ids));
            long seq = committed.get();
            if (queries.size() == 1) {
                firstSent.countDown();
                await(release);
            }
            Map<Long, Long> answer = new HashMap<>();
            ids.forEach(id -> answer.put(id, seq + id));
            return answer;
        }, () -> null);

        Future<Long> first = threads.submit(() -> seqs.of(0));
        assertThat(firstSent.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<Long>> later = new ArrayList<>();
        for (long id = 1; id <= 20; id++) {
            long handle = id;
            later.add(threads.submit(() -> seqs.of(handle)));
        }
        waitUntilParked(20);
        // A write commits after the later requests arrived: the query out cannot have
        // seen it.
        committed.set(100);
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(5L);
        for (int i = 0; i < later.size(); i++) {
            assertThat(later.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(100L + i + 1);
        }
        assertThat(queries).hasSize(2);
        assertThat(queries.get(1)).hasSize(20);
    }

    @Test
    void aFailedQueryFailsEveryRequestOfItsBatchAndTheNextOneIsSent() throws Exception {
        CountDownLatch firstSent = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong calls = new AtomicLong();
        IllegalStateException down = new IllegalStateException("database down");
        CommittedSeqs seqs = new CommittedSeqs(ids -> {
            long call = calls.incrementAndGet();
            if (call == 1) {
                firstSent.countDown();
                await(release);
                return Map.of(0L, 1L);
            }
            if (call == 2) {
                throw down;
            }
            return Map.of(3L, 9L);
        }, () -> null);

        Future<Long> first = threads.submit(() -> seqs.of(0));
        assertThat(firstSent.await(5, TimeUnit.SECONDS)).isTrue();
        Future<Long> a = threads.submit(() -> seqs.of(1));
        Future<Long> b = threads.submit(() -> seqs.of(2));
        waitUntilParked(2);
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
        for (Future<Long> failed : List.of(a, b)) {
            assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).hasCause(down);
        }
        assertThat(CompletableFuture.supplyAsync(() -> seqs.of(3), threads).get(5, TimeUnit.SECONDS)).isEqualTo(9L);
    }

    /**
     * Waits until {@code count} pool threads are blocked, here: joined a batch that
     * waits.
     */
    private void waitUntilParked(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            long parked = Thread.getAllStackTraces()
                .keySet()
                .stream()
                .filter(thread -> thread.getName().startsWith("pool-"))
                .filter(thread -> thread.getState() == Thread.State.WAITING)
                .filter(thread -> Arrays.stream(thread.getStackTrace())
                    .anyMatch(frame -> frame.getClassName().equals(CompletableFuture.class.getName())))
                .count();
            if (parked >= count) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError(count + " requests never came to wait");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

}
