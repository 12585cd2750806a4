package com.tenx.skills.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.World;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On shutdown the instance reports not-ready at once but keeps answering for the drain
 * period, so a balancer stops routing to it before its port closes.
 */
class GracefulDrainTest {

    private static final Duration DRAIN = Duration.ofSeconds(3);

    @Test
    void afterShutdownBeginsReadinessIsDownWhileRequestsAreStillServed() throws Exception {
        ConfigurableApplicationContext server = SecondServer.start(TestDatabase.get(),
                "--skills.shutdown.drain=" + DRAIN.toMillis() + "ms");
        Api api = new Api(SecondServer.portOf(server));
        World world = new World(api);
        String token = world.adminToken();
        assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);

        long started = System.nanoTime();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        awaitNotReady(api);
        Reply served = api.get("/v2/handles").token(token).send();
        Reply login = api.post("/v2/auth/login")
            .json(Json.object().put("email", World.ADMIN_EMAIL).put("password", World.ADMIN_PASSWORD))
            .send();
        boolean stillDraining = !closing.isDone();
        closing.get(60, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(stillDraining).as("the requests were answered during the drain").isTrue();
        assertThat(served.status()).isEqualTo(200);
        assertThat(login.status()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(DRAIN);
    }

    @Test
    void anInstanceThatNeverTookTrafficDoesNotDrain() {
        GracefulDrain drain = new GracefulDrain(Duration.ofHours(1));
        drain.start();
        drain.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));

        drain.stop();

        assertThat(drain.isRunning()).isFalse();
    }

    @Test
    void anInstanceThatTookTrafficWaitsForTheDrainPeriod() {
        Duration period = Duration.ofMillis(300);
        GracefulDrain drain = new GracefulDrain(period);
        drain.start();
        drain.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));

        long started = System.nanoTime();
        drain.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(period);
        assertThat(drain.getPhase()).as("stops before the web server's graceful shutdown")
            .isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
    }

    private static void awaitNotReady(Api api) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (api.get("/actuator/health/readiness").send().status() == 503) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("readiness never turned down after shutdown began");
    }

}
