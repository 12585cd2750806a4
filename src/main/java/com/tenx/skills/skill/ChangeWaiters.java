package com.tenx.skills.skill;

import com.tenx.skills.error.ContractException;
import com.tenx.skills.identity.AccessRecheck;
import com.tenx.skills.identity.HandleChangeCounter;
import com.tenx.skills.identity.HandleChangeListener;
import com.tenx.skills.identity.HandleChangeNotifications;
import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The requests held until a handle's skills change: long polls ({@code ?wait=}) and event
 * streams. No thread is held per request: a notification of a committed change (see
 * {@link com.tenx.skills.identity.HandleChangeNotifications}) wakes the handle's waiters,
 * which read the changes after their cursor on a small pool of readers, one read for all
 * the waiters at the same cursor. Every few seconds the handles' counters are also read
 * from the database, and a waiter behind its handle's counter reads again: a lost
 * notification makes an answer late, never wrong.
 * <p>
 * Stops after the drain and before the web server's graceful shutdown, answering every
 * held request as its time-out would.
 */
@Component
class ChangeWaiters implements HandleChangeListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeWaiters.class);

    /** The fewest waiters a reader answers for one read before others help. */
    private static final int MIN_SHARE = 64;

    private final SkillQueries queries;

    private final HandleChangeCounter counter;

    private final HandleChangeNotifications notifications;

    private final AccessRecheck access;

    private final Duration sweep;

    private final Duration recheck;

    private final Duration heartbeat;

    private final Map<Long, Set<Waiter>> byHandle = new ConcurrentHashMap<>();

    /** The highest counter value known committed per handle. */
    private final Map<Long, Long> latest = new ConcurrentHashMap<>();

    /** When this instance learned of each handle's latest change. */
    private final Map<Long, Long> noticedAt = new ConcurrentHashMap<>();

    /** From learning of a change to a waiter's answer or event written. */
    private final Timer delivery;

    private final int readerCount;

    /**
     * Made anew at each start: a stopped context (paused between tests) may start again.
     */
    private volatile ExecutorService readers;

    private volatile ScheduledExecutorService timer;

    private volatile boolean running;

    private volatile boolean closed;

    ChangeWaiters(SkillQueries queries, HandleChangeCounter counter, HandleChangeNotifications notifications,
            AccessRecheck access, MeterRegistry meters, @Value("${skills.push.readers:4}") int readers,
            @Value("${skills.push.sweep:PT2S}") Duration sweep,
            @Value("${skills.push.access-recheck:PT4S}") Duration recheck,
            @Value("${skills.push.heartbeat:PT15S}") Duration heartbeat) {
        this.queries = queries;
        this.counter = counter;
        this.notifications = notifications;
        this.access = access;
        this.sweep = sweep;
        this.recheck = recheck;
        this.heartbeat = heartbeat;
        this.readerCount = readers;
        this.delivery = Timer.builder("skills.push.delivery")
            .description("From this instance learning of a committed change to a waiting client's answer written")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(meters);
        this.readers = Executors.newFixedThreadPool(readers, daemons("skills-push-reader"));
        this.timer = timer();
    }

    /** Something held until the handle changes after its cursor. */
    abstract static class Waiter {

        final HandleGrant grant;

        /** The cursor it reads from next; changes only for a stream. */
        volatile String since;

        /** The handle's counter as of the last read for it. */
        volatile long readAt;

        /** A read for it is under way; at most one at a time. */
        private boolean reading;

        private boolean again;

        Waiter(HandleGrant grant, String since, long readAt) {
            this.grant = grant;
            this.since = since;
            this.readAt = readAt;
        }

        long handleId() {
            return grant.handleId();
        }

        /** The page size it reads with, or {@code null} for all changes at once. */
        Integer limit() {
            return null;
        }

        /**
         * Takes changes read from {@code since}; answers whether it is done waiting.
         */
        abstract boolean deliver(SkillList changes, String from);

        /** The read for it failed. */
        abstract void fail(RuntimeException e);

        /** Ends it as its time-out would (for a stream: closes it). */
        abstract void finish();

        boolean stream() {
            return false;
        }

    }

    /** Holds {@code waiter} until a change after its cursor, or until it is removed. */
    void hold(Waiter waiter) {
        if (closed) {
            waiter.finish();
            return;
        }
        // Held and released under the map's lock for the handle:
        // a waiter added to a set that the last release takes out
        // of the map would never be woken.
        byHandle.compute(waiter.handleId(), (id, waiters) -> {
            Set<Waiter> held = waiters != null ? waiters : ConcurrentHashMap.newKeySet();
            held.add(waiter);
            return held;
        });
        // A change notified between the waiter's first read and now is read at once.
        if (latest.getOrDefault(waiter.handleId(), Long.MIN_VALUE) > waiter.readAt) {
            wake(waiter.handleId());
        }
    }

    void release(Waiter waiter) {
        byHandle.computeIfPresent(waiter.handleId(), (id, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
    }

    /** Runs {@code task} after {@code delay} on the readers, unless cancelled before. */
    Future<?> schedule(Runnable task, Duration delay) {
        return timer.schedule(() -> submit(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    void submit(Runnable task) {
        try {
            readers.execute(task);
        }
        catch (RejectedExecutionException e) {
            log.debug("Push reader pool stopped; dropped a task");
        }
    }

    boolean closed() {
        return closed;
    }

    /**
     * Whether the handle's counter is known to stand at {@code seq} without asking the
     * database: this instance listens for changes now, and the latest it was told of is
     * the change stamped {@code seq}. A request held on this alone while a later change
     * is on its way is woken by that change's notification, or by the sweep if the
     * notification is lost: answered late, never wrongly.
     */
    boolean knownAt(long handleId, long seq) {
        Long known = latest.get(handleId);
        return known != null && known == seq && notifications.listening();
    }

    int waiting() {
        return byHandle.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void changed(long handleId, long seq) {
        if (latest.merge(handleId, seq, Math::max) == seq) {
            noticedAt.put(handleId, System.nanoTime());
        }
        if (byHandle.containsKey(handleId)) {
            wake(handleId);
        }
    }

    @Override
    public void resynchronize() {
        submit(this::sweep);
    }

    /**
     * Reads again for every waiter of the handle that is behind its counter: one read per
     * distinct cursor.
     */
    private void wake(long handleId) {
        Set<Waiter> waiters = byHandle.get(handleId);
        if (waiters == null) {
            return;
        }
        long known = latest.getOrDefault(handleId, Long.MIN_VALUE);
        Map<Read, List<Waiter>> byCursor = new HashMap<>();
        for (Waiter waiter : waiters) {
            if (waiter.readAt < known && startReading(waiter)) {
                byCursor.computeIfAbsent(new Read(waiter.since, waiter.limit()), read -> new ArrayList<>()).add(waiter);
            }
        }
        byCursor.forEach((read, group) -> submit(() -> read(handleId, read, group)));
    }

    private static boolean startReading(Waiter waiter) {
        synchronized (waiter) {
            if (waiter.reading) {
                waiter.again = true;
                return false;
            }
            waiter.reading = true;
            return true;
        }
    }

    private record Read(String since, Integer limit) {
    }

    private void read(long handleId, Read read, List<Waiter> group) {
        SkillList changes = null;
        RuntimeException failure = null;
        try {
            changes = queries.list(group.get(0).grant, read.since(), read.limit());
        }
        catch (RuntimeException e) {
            failure = e;
        }
        // Many waiters at one cursor are answered by all readers at once.
        int share = Math.max(MIN_SHARE, (group.size() + readerCount - 1) / readerCount);
        for (int from = share; from < group.size(); from += share) {
            List<Waiter> part = group.subList(from, Math.min(group.size(), from + share));
            SkillList read0 = changes;
            RuntimeException failure0 = failure;
            submit(() -> answer(handleId, read.since(), read0, failure0, part));
        }
        answer(handleId, read.since(), changes, failure, group.subList(0, Math.min(group.size(), share)));
    }

    private void answer(long handleId, String since, SkillList changes, RuntimeException failure, List<Waiter> group) {
        boolean rewake = false;
        Long noticed = noticedAt.get(handleId);
        for (Waiter waiter : group) {
            boolean done;
            try {
                if (failure != null) {
                    waiter.fail(failure);
                    done = true;
                }
                else {
                    boolean current = since.equals(waiter.since);
                    done = hasChanges(changes) && waiter.deliver(changes, since);
                    if (current) {
                        // only a read from where the waiter stands tells how far it is
                        waiter.readAt = Math.max(waiter.readAt, changes.asOf());
                    }
                    if (current && hasChanges(changes) && noticed != null) {
                        delivery.record(System.nanoTime() - noticed, TimeUnit.NANOSECONDS);
                    }
                }
            }
            catch (RuntimeException e) {
                log.debug("A held request could not be answered: {}", e.getMessage());
                done = true;
            }
            if (done) {
                release(waiter);
            }
            synchronized (waiter) {
                waiter.reading = false;
                rewake |= waiter.again;
                waiter.again = false;
            }
        }
        if (rewake || latest.getOrDefault(handleId, Long.MIN_VALUE) > changes(changes)) {
            wake(handleId);
        }
    }

    private static long changes(SkillList changes) {
        return changes == null ? Long.MAX_VALUE : changes.asOf();
    }

    static boolean hasChanges(SkillList list) {
        return !list.skills().isEmpty() || list.deleted() != null && !list.deleted().isEmpty();
    }

    /**
     * The safety net: the counters of every handle with waiters, read from the database.
     */
    private void sweep() {
        if (byHandle.isEmpty()) {
            return;
        }
        try {
            counter.seqs(List.copyOf(byHandle.keySet())).forEach(this::changed);
        }
        catch (RuntimeException e) {
            log.debug("Push sweep could not read the counters: {}", e.getMessage());
        }
    }

    /**
     * Ends every held request whose caller may no longer read the handle: a stream is
     * closed, a long poll answered with what a new request would be refused with. One
     * check per caller and handle, however many requests it holds.
     */
    private void recheckAccess() {
        Map<List<Object>, Optional<ContractException>> checked = new HashMap<>();
        for (Set<Waiter> waiters : byHandle.values()) {
            for (Waiter waiter : waiters) {
                HandleGrant grant = waiter.grant;
                Optional<ContractException> refusal = checked.computeIfAbsent(
                        Arrays.asList(grant.userId(), grant.handleId(), grant.tokenId(), grant.platformAdmin()),
                        caller -> Optional.ofNullable(access.refusal(grant, Role.CREATOR)));
                if (refusal.isPresent()) {
                    release(waiter);
                    if (waiter.stream()) {
                        waiter.finish();
                    }
                    else {
                        waiter.fail(refusal.get());
                    }
                }
            }
        }
    }

    private void beat() {
        for (Set<Waiter> waiters : byHandle.values()) {
            for (Waiter waiter : waiters) {
                if (waiter instanceof SkillEvents.Stream stream && !stream.keepAlive()) {
                    release(waiter);
                }
            }
        }
    }

    @Override
    public void start() {
        if (timer.isShutdown()) {
            readers = Executors.newFixedThreadPool(readerCount, daemons("skills-push-reader"));
            timer = timer();
        }
        closed = false;
        running = true;
        timer.scheduleWithFixedDelay(() -> submit(this::sweep), sweep.toMillis(), sweep.toMillis(),
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> submit(this::recheckAccess), recheck.toMillis(), recheck.toMillis(),
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> submit(this::beat), heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        closed = true;
        List<Waiter> held = byHandle.values().stream().flatMap(Set::stream).toList();
        if (!held.isEmpty()) {
            log.info("Shutting down: answering {} held requests", held.size());
        }
        held.forEach(waiter -> {
            release(waiter);
            submit(waiter::finish);
        });
        timer.shutdownNow();
        readers.shutdown();
        try {
            if (!readers.awaitTermination(10, TimeUnit.SECONDS)) {
                readers.shutdownNow();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * After the drain ({@code operations.GracefulDrain}, the highest phase), before the
     * web server's graceful shutdown.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    /**
     * A cancelled time-out leaves the queue at once: no answered request stays
     * referenced.
     */
    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemons("skills-push-timer"));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

}
