package com.tenx.skills.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * The console is written by a background thread (see {@code logback-spring.xml}): a test
 * that reads the log waits until what was logged before has been written.
 */
public final class Logs {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Logs() {
    }

    /**
     * Logs a marker and waits until it is in {@code output}: the lines logged before it
     * are then written too, the queue being first in, first out.
     */
    public static void awaitWritten(CapturedOutput output) {
        String marker = "logs-written-" + UUID.randomUUID();
        LoggerFactory.getLogger(Logs.class).info(marker);
        awaitLines(output, line -> line.contains(marker));
    }

    /**
     * The lines of {@code output} that match, once there is at least one (where logging
     * itself may be shutting down, as after a failed start, no marker can be sent).
     */
    public static List<String> awaitLines(CapturedOutput output, Predicate<String> matching) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<String> lines = output.getOut().lines().filter(matching).toList();
            if (!lines.isEmpty()) {
                return lines;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such line was written within " + PATIENCE);
            }
            try {
                Thread.sleep(5);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

}
