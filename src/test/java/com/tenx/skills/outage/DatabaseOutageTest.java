package com.tenx.skills.outage;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.SkillsApplication;
import com.tenx.skills.outage.Traffic.Op;
import com.tenx.skills.outage.Traffic.Outcome;
import com.tenx.skills.support.Api;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SkillApi;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.TestSettings;
import com.tenx.skills.support.World;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL goes away under traffic and comes back, twice: first the link hangs (a
 * frozen proxy: connections stay open and nothing answers, which only timeouts notice),
 * then the database is gone (every connection reset, new ones refused). Every answer
 * meanwhile is a success or a quick {@code 503 service_unavailable} with
 * {@code Retry-After}, readiness is down while liveness stays up, the server serves again
 * by itself soon after, and no write is lost or half done.
 */
class DatabaseOutageTest {

    /**
     * The longest any answer may take, outage or not: a request has 3 s of database time
     * in all.
     */
    private static final Duration ANSWER_WITHIN = Duration.ofMillis(3500);

    /**
     * How soon the server serves again: at once after a frozen link, within Hikari's
     * reconnect back-off (at most 5 s between attempts) after refused connections.
     */
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(7);

    private static final int CLIENTS = 6;

    private static PostgresProxy proxy;

    private static ConfigurableApplicationContext server;

    private static Api api;

    /** One outage as the test saw it. */
    private record Window(String name, long cutAt, long restoreAt, List<Probe> readiness, Probe liveness,
            Duration readyAgainAfter, Duration writingAgainAfter) {

        boolean within(Outcome outcome) {
            return outcome.startNanos() >= cutAt && outcome.endNanos() <= restoreAt;
        }
    }

    private record Probe(Reply reply, long millis) {
    }

    @BeforeAll
    static void startServerBehindProxy() throws Exception {
        TestDatabase database = TestDatabase.get();
        proxy = PostgresProxy.inFrontOf(database.url());
        Map<String, Object> properties = new HashMap<>(TestSettings.properties(database));
        properties.put("spring.datasource.url", proxy.route(database.url()));
        properties.put("server.port", "0");
        // as command-line arguments, which take precedence over application.properties
        server = new SpringApplicationBuilder(SkillsApplication.class).run(
                properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
        api = new Api(server.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void outagesAreQuick503sThenTheServerRecoversWithNothingHalfWritten() throws Exception {
        World.Member creator = new World(api).creator();
        List<String> keys = List.of("alpha", "beta", "gamma", "delta");
        Traffic traffic = new Traffic(api, new SkillApi(api, creator), keys);
        for (String key : keys) {
            assertThat(traffic.send(Op.PUT, key).status()).isEqualTo(201);
            assertThat(traffic.send(Op.RUNTIME, key).status()).isEqualTo(200);
        }
        traffic.start(CLIENTS);
        awaitSuccesses(traffic, System.nanoTime(), 20);

        Window frozen = outage("frozen link", proxy::freeze, proxy::unfreeze, traffic);
        awaitSuccesses(traffic, System.nanoTime(), 20);
        Window closed = outage("closed connections", proxy::cut, proxy::restore, traffic);
        awaitSuccesses(traffic, System.nanoTime(), 20);
        traffic.stop();

        List<Outcome> outcomes = traffic.outcomes();
        report(outcomes, frozen, closed);
        for (Outcome outcome : outcomes) {
            assertThat(outcome.status()).as("%s", outcome).isIn(200, 201, 503);
            if (outcome.status() == 503) {
                assertError(outcome.reply(), 503, "service_unavailable");
                assertThat(outcome.reply().header("Retry-After")).as("%s", outcome).isEqualTo("2");
            }
            assertThat(outcome.millis()).as("%s", outcome).isLessThanOrEqualTo(ANSWER_WITHIN.toMillis());
        }
        for (Window window : List.of(frozen, closed)) {
            List<Outcome> during = outcomes.stream().filter(window::within).toList();
            assertThat(during).as("requests answered during the %s", window.name())
                .hasSizeGreaterThanOrEqualTo(CLIENTS)
                .allSatisfy(outcome -> assertThat(outcome.status()).as("%s", outcome).isEqualTo(503));
            assertThat(window.readiness()).as("readiness during the %s", window.name()).allSatisfy(probe -> {
                assertThat(probe.reply().status()).isEqualTo(503);
                assertThat(probe.millis()).isLessThanOrEqualTo(ANSWER_WITHIN.toMillis());
            });
            assertThat(window.liveness().reply().status()).as("liveness during the %s", window.name()).isEqualTo(200);
            assertThat(window.readyAgainAfter()).as("readiness after the %s", window.name())
                .isLessThanOrEqualTo(RECOVER_WITHIN);
            assertThat(window.writingAgainAfter()).as("writes after the %s", window.name())
                .isLessThanOrEqualTo(RECOVER_WITHIN);
        }
        try (Connection db = TestDatabase.get().connect()) {
            StoredWrites.verify(db, creator.handle(), outcomes);
        }
    }

    /**
     * Breaks the link with {@code cut}, probes readiness and liveness, lets every client
     * meet the outage at least once, then restores the link and measures how soon the
     * server is ready and writing again.
     */
    private static Window outage(String name, Runnable cut, Runnable restore, Traffic traffic) {
        long cutAt = System.nanoTime();
        cut.run();
        List<Probe> readiness = List.of(probe("/actuator/health/readiness"), probe("/actuator/health/readiness"));
        Probe liveness = probe("/actuator/health/liveness");
        awaitOutcomes(() -> traffic.outcomes()
            .stream()
            .filter(o -> o.startNanos() >= cutAt && o.status() == 503)
            .count() >= 2L * CLIENTS);
        long restoreAt = System.nanoTime();
        restore.run();
        awaitOutcomes(() -> probe("/actuator/health/readiness").reply().status() == 200);
        Duration ready = Duration.ofNanos(System.nanoTime() - restoreAt);
        awaitSuccesses(traffic, restoreAt, 1);
        Duration writing = traffic.outcomes()
            .stream()
            .filter(o -> o.startNanos() >= restoreAt && o.op() != Op.LIST && o.succeeded())
            .map(o -> Duration.ofNanos(o.endNanos() - restoreAt))
            .min(Duration::compareTo)
            .orElseThrow();
        return new Window(name, cutAt, restoreAt, readiness, liveness, ready, writing);
    }

    /**
     * Waits until {@code count} writes that started after {@code since} have succeeded.
     */
    private static void awaitSuccesses(Traffic traffic, long since, int count) {
        awaitOutcomes(() -> traffic.outcomes()
            .stream()
            .filter(o -> o.startNanos() >= since && o.op() != Op.LIST && o.succeeded())
            .count() >= count);
    }

    private static void awaitOutcomes(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s in vain").isLessThan(deadline);
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Probe probe(String path) {
        long start = System.nanoTime();
        Reply reply = api.get(path).send();
        return new Probe(reply, (System.nanoTime() - start) / 1_000_000);
    }

    private static void report(List<Outcome> outcomes, Window... windows) {
        for (Window window : windows) {
            List<Outcome> during = outcomes.stream().filter(window::within).toList();
            System.out.printf(
                    "%s: %d answers during the outage, slowest %d ms; readiness %s ms; ready again after "
                            + "%d ms, writing again after %d ms%n",
                    window.name(), during.size(), during.stream().mapToLong(Outcome::millis).max().orElse(0),
                    window.readiness().stream().map(p -> p.reply().status() + " in " + p.millis()).toList(),
                    window.readyAgainAfter().toMillis(), window.writingAgainAfter().toMillis());
        }
        System.out.printf("all: %d requests, %d succeeded, %d answered 503, slowest %d ms%n", outcomes.size(),
                outcomes.stream().filter(Outcome::succeeded).count(),
                outcomes.stream().filter(o -> o.status() == 503).count(),
                outcomes.stream().mapToLong(Outcome::millis).max().orElse(0));
    }

}
