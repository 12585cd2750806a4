package com.tenx.skills.outage;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients calling one handle's skill routes in a loop, each request with its own
 * {@code X-Request-Id}, recording every answer with its timing. A metadata PUT writes its
 * request id into the description and a runtime PUT into {@code args}, so the stored
 * state names the write it came from.
 */
final class Traffic {

    enum Op {

        PUT("skill.put"), RUNTIME("skill.runtime.put"), PUBLISH("skill.publish"), LIST(null);

        final String auditAction;

        Op(String auditAction) {
            this.auditAction = auditAction;
        }

    }

    /**
     * One request and its answer ({@code reply} null and {@code failure} set when none
     * came).
     */
    record Outcome(Op op, String key, String requestId, long startNanos, long endNanos, Reply reply, String failure) {

        long millis() {
            return (endNanos - startNanos) / 1_000_000;
        }

        int status() {
            return reply == null ? -1 : reply.status();
        }

        boolean succeeded() {
            return reply != null && reply.status() / 100 == 2;
        }

        @Override
        public String toString() {
            return op + " " + key + " " + requestId + " in " + millis() + " ms: "
                    + (reply == null ? failure : reply.toString());
        }
    }

    private final Api api;

    private final SkillApi skills;

    private final List<String> keys;

    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

    private final AtomicLong ids = new AtomicLong();

    private final AtomicBoolean running = new AtomicBoolean();

    private final List<Thread> clients = new ArrayList<>();

    Traffic(Api api, SkillApi skills, List<String> keys) {
        this.api = api;
        this.skills = skills;
        this.keys = keys;
    }

    Outcome send(Op op, String key) {
        String id = "outage-" + ids.incrementAndGet();
        Api.Call call = switch (op) {
            case PUT -> api.put(skills.path(key)).json(Json.skill().put("description", "rev " + id));
            case RUNTIME ->
                api.put(skills.path(key) + "/runtime").json(Json.runtime().set("args", Json.array().add(id)));
            case PUBLISH -> api.post(skills.path(key) + "/publish");
            case LIST -> api.get(skills.list());
        };
        call.token(skills.token()).header("X-Request-Id", id);
        long start = System.nanoTime();
        Outcome outcome;
        try {
            Reply reply = call.send();
            outcome = new Outcome(op, key, id, start, System.nanoTime(), reply, null);
        }
        catch (RuntimeException e) {
            outcome = new Outcome(op, key, id, start, System.nanoTime(), null, e.toString());
        }
        outcomes.add(outcome);
        return outcome;
    }

    /**
     * Starts {@code count} clients, each cycling through every operation on random keys.
     */
    void start(int count) {
        running.set(true);
        for (int i = 0; i < count; i++) {
            int first = i;
            Thread client = new Thread(() -> {
                Op[] ops = Op.values();
                for (int n = first; running.get(); n++) {
                    send(ops[n % ops.length], keys.get(ThreadLocalRandom.current().nextInt(keys.size())));
                }
            }, "traffic-" + i);
            client.start();
            clients.add(client);
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(40_000);
        }
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

}
