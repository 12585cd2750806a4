package com.tenx.skills.ratelimit;

import com.tenx.skills.support.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.support.Logs;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.sql.SQLTransientConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The decisions of the limiter, over in-memory buckets or a failing store. */
@ExtendWith(OutputCaptureExtension.class)
class RateLimiterTest {

    static final RateLimitSettings SETTINGS = new RateLimitSettings(true,
            new RateLimitSettings.Quota(3L, Duration.ofMinutes(1)),
            new RateLimitSettings.Quota(2L, Duration.ofMinutes(1)), 100, null);

    final SettableClock clock = new SettableClock(Instant.parse("2026-05-08T10:30:00Z"));

    final RateLimiter limiter = new RateLimiter(new LocalBuckets(100, new ClockTimeMeter(clock)), SETTINGS, clock);

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v2/auth/login");
        request.setRemoteAddr(address);
        return request;
    }

    private void login(String address, String email) {
        limiter.checkLogin(from(address), new MockHttpServletResponse(), email);
    }

    @Test
    void userOverTheQuotaIsDenied() {
        UUID user = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.forUser(user).allowed()).isTrue();
        }

        Decision denied = limiter.forUser(user);

        assertThat(denied.allowed()).isFalse();
        assertThat(denied.policy().name()).isEqualTo("user");
        assertThat(limiter.forUser(UUID.randomUUID()).allowed()).isTrue();
    }

    @Test
    void loginIsCountedPerAddressAndCaseInsensitiveEmail() {
        login("192.0.2.1", "Ann@Example.com");
        login("192.0.2.1", " ann@example.COM ");

        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> limiter.checkLogin(from("192.0.2.1"), response, "ann@example.com"))
            .isInstanceOf(RateLimited.class)
            .satisfies(e -> assertThat(((RateLimited) e).code()).isEqualTo(ErrorCode.RATE_LIMITED));
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getHeader("RateLimit")).isEqualTo("\"login\";r=0;t=30");

        login("192.0.2.1", "bob@example.com");
        login("198.51.100.7", "ann@example.com");
    }

    @Test
    void allowedLoginSetsTheFields() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        limiter.checkLogin(from("192.0.2.1"), response, "carol@example.com");

        assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("\"login\";q=2;w=60");
        assertThat(response.getHeader("RateLimit")).isEqualTo("\"login\";r=1;t=30");
    }

    @Test
    void aLostDatabaseFailsTheFirstRequestAtOnceAndLetsTheNextOnesPassUnasked() {
        AtomicInteger asked = new AtomicInteger();
        RateLimiter failing = new RateLimiter((key, configuration) -> {
            asked.incrementAndGet();
            throw new CannotCreateTransactionException("Could not open JDBC Connection",
                    new SQLTransientConnectionException("Connection is not available, request timed out"));
        }, SETTINGS, clock);
        UUID user = UUID.randomUUID();

        assertThatThrownBy(() -> failing.forUser(user)).isInstanceOf(CannotCreateTransactionException.class);
        assertThat(failing.forUser(user).allowed()).isTrue();
        assertThat(asked).hasValue(1);
    }

    @Test
    void anUnreachableStoreAllowsEveryRequestUntilItAnswersAgain(CapturedOutput output) {
        AtomicBoolean down = new AtomicBoolean(true);
        LocalBuckets buckets = new LocalBuckets(100, new ClockTimeMeter(clock));
        RateLimiter failing = new RateLimiter((key, configuration) -> {
            if (down.get()) {
                throw new IllegalStateException("connection refused");
            }
            return buckets.tryConsume(key, configuration);
        }, SETTINGS, clock);
        UUID user = UUID.randomUUID();

        for (int i = 0; i < 10; i++) {
            Decision decision = failing.forUser(user);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(-1);
        }
        down.set(false);
        assertThat(failing.forUser(user).remaining()).as("the store is left alone for a while").isEqualTo(-1);
        clock.advance(RateLimiter.RETRY_STORE_AFTER);

        assertThat(failing.forUser(user).remaining()).isEqualTo(2);
        Logs.awaitWritten(output);
        assertThat(output.getOut().split("Rate limits are not enforced", -1)).hasSize(2);
        assertThat(output.getOut()).contains("Rate limits are enforced again");
    }

    @Test
    void disabledLimitsAllowEverything() {
        RateLimiter off = new RateLimiter((key, configuration) -> {
            throw new AssertionError("the store is not asked when limits are off");
        }, new RateLimitSettings(false, null, null, null, null), clock);
        UUID user = UUID.randomUUID();

        for (int i = 0; i < 1000; i++) {
            assertThat(off.forUser(user).allowed()).isTrue();
        }
        off.checkLogin(from("192.0.2.1"), new MockHttpServletResponse(), "dave@example.com");
    }

}
