package com.tenx.skills.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The server's clock, which a test may freeze or set back; it follows the system clock
 * until then. Import {@link Config} into a test context: it replaces the application's
 * clock.
 */
public final class SettableClock extends Clock {

    private static volatile Instant fixed;

    /** Every reading from now on is {@code instant}, until {@link #release()}. */
    public static void set(Instant instant) {
        fixed = instant;
    }

    public static void release() {
        fixed = null;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        Clock settableClock() {
            return new SettableClock();
        }

    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now == null ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

}
