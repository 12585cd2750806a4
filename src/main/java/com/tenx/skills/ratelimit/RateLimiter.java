package com.tenx.skills.ratelimit;

import com.tenx.skills.text.EmailForm;
import com.tenx.skills.text.Sha256;
import com.tenx.skills.web.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a request fits its caller's quota. When the bucket store cannot be
 * reached the request is allowed (fail open: an unreachable database must not turn every
 * call into an error of its own), and that is logged once per outage.
 */
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final BucketStore store;

    private final boolean enabled;

    private final RateLimitPolicy handles;

    private final RateLimitPolicy tokens;

    private final RateLimitPolicy login;

    private final RateLimitPolicy loginAddress;

    private final AtomicBoolean storeFailing = new AtomicBoolean();

    /**
     * After the store fails, requests pass unchecked for this long instead of each
     * waiting on it.
     */
    static final Duration RETRY_STORE_AFTER = Duration.ofSeconds(5);

    private final Clock clock;

    private volatile long failedAt;

    RateLimiter(BucketStore store, RateLimitSettings settings, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.enabled = settings.enabled();
        this.handles = RateLimitPolicy.of("user", settings.handles());
        this.tokens = RateLimitPolicy.of("token", settings.handles());
        this.login = RateLimitPolicy.of("login", settings.login());
        this.loginAddress = RateLimitPolicy.of("login-address", settings.loginAddress());
    }

    /** Counts a request of {@code user} on a handle route. */
    public Decision forUser(UUID user) {
        return tryConsume(handles, user.toString());
    }

    /**
     * Counts a request made with the personal access token {@code tokenId}: the same
     * quota as a user's, of its own.
     */
    public Decision forToken(String tokenId) {
        return tryConsume(tokens, tokenId);
    }

    /**
     * Counts a login attempt against the request's client address, then against that
     * address with {@code email} (in its normal form, so any spelling of it counts for
     * the same account), sets the rate limit headers of the tighter of the two, and
     * throws {@link RateLimited} when either is used up. The account's bucket is per
     * address, so a flood from one address never locks the account for callers elsewhere;
     * the address's bucket stops one address trying a password on many accounts.
     */
    public void checkLogin(HttpServletRequest request, HttpServletResponse response, String email) {
        Decision address = tryConsume(loginAddress, sha256(request.getRemoteAddr()));
        Decision decision = address.allowed()
                ? tighter(address, tryConsume(login, sha256(request.getRemoteAddr() + "\n" + EmailForm.of(email))))
                : address;
        decision.applyTo(response);
        if (!decision.allowed()) {
            throw new RateLimited(decision);
        }
    }

    private static Decision tighter(Decision a, Decision b) {
        if (!b.allowed() || a.remaining() < 0) {
            return b;
        }
        return b.remaining() >= 0 && b.remaining() < a.remaining() ? b : a;
    }

    Decision tryConsume(RateLimitPolicy policy, String subject) {
        if (!enabled) {
            return Decision.unknown(policy);
        }
        if (storeFailing.get() && clock.millis() - failedAt < RETRY_STORE_AFTER.toMillis()) {
            return Decision.unknown(policy);
        }
        Decision decision;
        try {
            decision = Decision.of(policy, store.tryConsume(policy.key(subject), policy.bucket()));
        }
        catch (RuntimeException e) {
            failedAt = clock.millis();
            if (storeFailing.compareAndSet(false, true)) {
                log.warn("Rate limits are not enforced until their store answers again: {}", e.toString());
            }
            // The store is the database: the request would spend a second timeout on it
            // for its own work. It answers 503 now; the next ones pass unchecked.
            if (DatabaseOutage.causedBy(e)) {
                throw e;
            }
            return Decision.unknown(policy);
        }
        if (storeFailing.compareAndSet(true, false)) {
            log.info("Rate limits are enforced again");
        }
        return decision;
    }

    /** Bucket ids stay short and never hold an email or address in clear. */
    private static String sha256(String value) {
        return Sha256.hex(value.getBytes(StandardCharsets.UTF_8));
    }

}
