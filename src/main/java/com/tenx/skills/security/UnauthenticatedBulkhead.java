package com.tenx.skills.security;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests without a valid token (logins, the API description, the API page, anything
 * with a missing or rejected token) are served a few at a time: at most
 * {@code concurrency} at once, the next ones waiting for a slot, up to {@code queue} of
 * them for at most {@code maxWait} each; past that they answer
 * {@code 503 service_unavailable} with {@code Retry-After} at once. So a flood that
 * nobody authenticated takes at most those few slots of the machine, however many
 * connections it opens, and requests with a valid token are never held by it.
 */
final class UnauthenticatedBulkhead extends OncePerRequestFilter {

    private final Semaphore slots;

    private final int queue;

    private final long maxWaitNanos;

    private final AtomicInteger waiting = new AtomicInteger();

    private final ErrorResponses errors;

    UnauthenticatedBulkhead(int concurrency, int queue, Duration maxWait, ErrorResponses errors) {
        this.slots = new Semaphore(concurrency, true);
        this.queue = queue;
        this.maxWaitNanos = maxWait.toNanos();
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() != null) {
            chain.doFilter(request, response);
            return;
        }
        if (!takeSlot()) {
            errors.write(response, ErrorCode.SERVICE_UNAVAILABLE,
                    "Too many requests without a valid token are being served; retry shortly.");
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            slots.release();
        }
    }

    private boolean takeSlot() {
        if (slots.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > queue) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        finally {
            waiting.decrementAndGet();
        }
    }

}
