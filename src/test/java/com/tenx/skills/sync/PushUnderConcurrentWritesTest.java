package com.tenx.skills.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sync promise with push: writers on two instances edit, publish and delete while
 * clients hold {@code ?since=&wait=} calls through both instances and another follows the
 * event stream. Each must see every change once, in order, and end with exactly the
 * server's skills.
 */
class PushUnderConcurrentWritesTest extends ApiTest {

    private static final Duration WRITING = Duration.ofSeconds(4);

    private static final int WRITERS = 4;

    private static final int WAITERS = 4;

    private static final int KEYS = 12;

    @RegisterExtension
    static final SecondServer second = new SecondServer();

    @Test
    void waitingAndStreamingClientsMissNothingAndSeeNothingTwice() throws Exception {
        World.Member creator = world.creator();
        List<HandleSkills> instances = List.of(new HandleSkills(api, creator),
                new HandleSkills(api, creator).through(second.api()));
        for (int i = 0; i < KEYS; i += 2) {
            instances.get(0).create(key(i));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger answers = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + WAITERS);
        try {
            List<Future<Replica>> followers = new ArrayList<>();
            for (int w = 0; w < WAITERS; w++) {
                int first = w;
                followers.add(threads.submit(() -> {
                    Replica replica = new Replica();
                    replica.load(instances.get(first % 2), null);
                    for (int i = first; writing.get(); i++) {
                        Reply reply = instances.get(i % 2)
                            .list("?since=" + URLEncoder.encode(replica.cursor(), StandardCharsets.UTF_8) + "&wait=5");
                        assertThat(reply.status()).as("held call: %s", reply).isEqualTo(200);
                        replica.follow(reply.json());
                        answers.incrementAndGet();
                    }
                    return replica;
                }));
            }
            Replica streamed = new Replica();
            streamed.load(instances.get(1), null);
            EventStream stream = EventStream.open(second.api().base(), "/v2/handles/" + creator.handle()
                    + "/skills/events?since=" + URLEncoder.encode(streamed.cursor(), StandardCharsets.UTF_8),
                    creator.token(), null);

            List<Future<?>> writers = new ArrayList<>();
            AtomicInteger writes = new AtomicInteger();
            for (int w = 0; w < WRITERS; w++) {
                HandleSkills via = instances.get(w % 2);
                Random random = new Random(w);
                writers.add(threads.submit(() -> {
                    long deadline = System.nanoTime() + WRITING.toNanos();
                    while (System.nanoTime() < deadline) {
                        randomWrite(via, random);
                        writes.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(WRITING.toSeconds() + 60, TimeUnit.SECONDS);
            }
            writing.set(false);
            JsonNode finalList = instances.get(0).list(null, null);
            Map<String, JsonNode> expected = Replica.byKey(finalList);
            String finalCursor = finalList.get("cursor").asString();

            for (Future<Replica> follower : followers) {
                Replica replica = Replica.await(follower);
                replica.catchUp(instances.get(0), null);
                assertThat(replica.skills()).isEqualTo(expected);
            }
            for (EventStream.Event event = stream.next(Duration.ofSeconds(10)); event != null; event = stream
                .next(Duration.ofSeconds(3))) {
                streamed.follow(asAnswer(event));
                if (event.id().equals(finalCursor)) {
                    break;
                }
            }
            stream.close();
            assertThat(streamed.cursor()).isEqualTo(finalCursor);
            assertThat(streamed.skills()).isEqualTo(expected);
            assertThat(writes.get()).isGreaterThan(10);
            assertThat(answers.get()).isGreaterThan(5);
            assertThat(streamed.upserts()).isGreaterThan(3);
        }
        finally {
            writing.set(false);
            threads.shutdownNow();
        }
    }

    /** An event as the {@code ?since=} answer it stands for. */
    private static JsonNode asAnswer(EventStream.Event event) {
        ObjectNode answer = Json.object();
        answer.set("skills", Json.array());
        answer.set("deleted", Json.array());
        ((tools.jackson.databind.node.ArrayNode) answer
            .get(event.name().equals("skill.deleted") ? "deleted" : "skills")).add(Json.parse(event.data()));
        answer.put("cursor", event.id());
        return answer;
    }

    private static void randomWrite(HandleSkills via, Random random) {
        String key = key(random.nextInt(KEYS));
        int dice = random.nextInt(10);
        if (dice < 4) {
            via.put(key, "edit " + random.nextInt());
        }
        else if (dice < 6) {
            via.putRuntime(key);
        }
        else if (dice < 8) {
            via.publish(key);
        }
        else {
            via.delete(key);
        }
    }

    private static String key(int i) {
        return "skill-" + i;
    }

}
