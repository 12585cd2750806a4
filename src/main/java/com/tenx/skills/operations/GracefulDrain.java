package com.tenx.skills.operations;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * The pause between "not ready" and "stop accepting": when the application context closes
 * (on SIGTERM), readiness turns down at once, but the server keeps serving for the drain
 * period, long enough for every balancer to see the failing probe and stop routing here.
 * Only then does the web server's graceful shutdown close the connector and finish the
 * requests in flight. Without it, requests routed in the balancer's blind window meet a
 * closed port.
 *
 * <p>
 * Stops in the highest phase, so before the web server's graceful shutdown. An instance
 * that never became ready (a start-up that failed, or a build-time training run) does not
 * drain: no balancer routes to it.
 */
class GracefulDrain implements SmartLifecycle, ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

    private static final Logger log = LoggerFactory.getLogger(GracefulDrain.class);

    private final Duration drain;

    private volatile boolean running;

    private volatile boolean servedTraffic;

    GracefulDrain(Duration drain) {
        this.drain = drain;
    }

    @Override
    public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            servedTraffic = true;
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (!servedTraffic || drain.isZero() || drain.isNegative()) {
            return;
        }
        log.info("Shutting down: readiness is down; still serving for the drain period of {} ms", drain.toMillis());
        try {
            Thread.sleep(drain.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Drain period over; finishing the requests in flight");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

}
