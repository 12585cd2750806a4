package com.tenx.skills.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sync promise under load: writers on two server instances edit, publish and delete a
 * handle's skills while a client follows the cursor through both instances, with and
 * without small pages. The client must see each change once, in order, and end with
 * exactly the server's skills.
 */
class SyncUnderConcurrentWritesTest extends ApiTest {

    private static final Duration WRITING = Duration.ofSeconds(4);

    private static final int WRITERS = 4;

    private static final int KEYS = 20;

    private static final Integer[] LIMITS = { null, 1, 3, 7, null, 500 };

    @RegisterExtension
    static final SecondServer second = new SecondServer();

    @Test
    void aClientFollowingTheCursorEndsWithExactlyTheServersSkills() throws Exception {
        World.Member creator = world.creator();
        List<HandleSkills> instances = List.of(new HandleSkills(api, creator),
                new HandleSkills(api, creator).through(second.api()));
        for (int i = 0; i < KEYS; i += 2) {
            instances.get(0).create(key(i));
        }

        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger writes = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger polls = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                HandleSkills via = instances.get(w % 2);
                Random random = new Random(w);
                writers.add(threads.submit(() -> {
                    start.await();
                    long deadline = System.nanoTime() + WRITING.toNanos();
                    while (System.nanoTime() < deadline) {
                        String problem = randomWrite(via, random);
                        if (problem != null) {
                            unexpected.add(problem);
                        }
                        writes.incrementAndGet();
                    }
                    return null;
                }));
            }
            Future<Replica> reader = threads.submit(() -> {
                Replica replica = new Replica();
                start.await();
                replica.load(instances.get(1), 5);
                Random random = new Random(42);
                while (writing.get()) {
                    replica.catchUp(instances.get(polls.get() % 2), LIMITS[random.nextInt(LIMITS.length)]);
                    polls.incrementAndGet();
                }
                return replica;
            });

            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(WRITING.toSeconds() + 60, TimeUnit.SECONDS);
            }
            writing.set(false);
            Replica replica = Replica.await(reader);
            replica.catchUp(instances.get(0), null);

            assertThat(unexpected).isEmpty();
            assertThat(writes.get()).isGreaterThan(50);
            assertThat(polls.get()).isGreaterThan(5);
            assertThat(replica.upserts()).isGreaterThan(10);
            assertThat(replica.deletions()).isPositive();
            assertThat(replica.skills()).isEqualTo(Replica.byKey(instances.get(0).list(null, null)));
        }
        finally {
            writing.set(false);
            threads.shutdownNow();
        }
    }

    /**
     * One random write; answers a description of the reply if the contract does not allow
     * it, else null.
     */
    private static String randomWrite(HandleSkills via, Random random) {
        String key = key(random.nextInt(KEYS));
        int dice = random.nextInt(10);
        Reply reply;
        boolean allowed;
        if (dice < 4) {
            reply = via.put(key, "edit " + random.nextInt());
            allowed = reply.status() == 200 || reply.status() == 201;
        }
        else if (dice < 6) {
            reply = via.putRuntime(key);
            allowed = reply.status() == 200 || reply.status() == 404 && reply.error().equals("skill_not_found");
        }
        else if (dice < 8) {
            reply = via.publish(key);
            allowed = reply.status() == 200 || reply.status() == 404 && reply.error().equals("skill_not_found")
                    || reply.status() == 400 && reply.error().equals("runtime_not_configured");
        }
        else {
            reply = via.delete(key);
            allowed = reply.status() == 204;
        }
        return allowed ? null : key + " (operation " + dice + "): " + reply;
    }

    private static String key(int i) {
        return "skill-" + i;
    }

}
