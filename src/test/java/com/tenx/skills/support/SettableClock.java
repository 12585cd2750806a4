package com.tenx.skills.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock a test sets, moves or freezes by hand; unset, it follows the system clock.
 * Import {@link Config} into a test context to make {@link #SERVER} the application's
 * clock.
 */
public final class SettableClock extends Clock {

    /** The clock of the servers that import {@link Config}. */
    public static final SettableClock SERVER = new SettableClock(null);

    private volatile Instant fixed;

    /**
     * A clock frozen at {@code instant}, or following the system clock when it is null.
     */
    public SettableClock(Instant instant) {
        this.fixed = instant;
    }

    /** Every reading from now on is {@code instant}, until {@link #release()}. */
    public void set(Instant instant) {
        fixed = instant;
    }

    /** Moves a frozen clock on by {@code duration}. */
    public void advance(Duration duration) {
        fixed = instant().plus(duration);
    }

    /** Follows the system clock again. */
    public void release() {
        fixed = null;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        Clock settableClock() {
            return SERVER;
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
