package com.tenx.skills.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, else a
 * new one. The id is answered in the same header, put in the logging context and kept as
 * a request attribute.
 */
public class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";

    public static final String ATTRIBUTE = RequestIds.class.getName();

    public static final String MDC_KEY = "requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    /**
     * The high half of every id this process generates: 64 random bits drawn once, with
     * the UUID version nibble set to 8 (RFC 9562's custom layout), so ids of different
     * instances differ.
     */
    private static final long INSTANCE = (new SecureRandom().nextLong() & ~0xF000L) | 0x8000L;

    /**
     * The low half: a counter, so ids of one instance never repeat; the variant bits are
     * those of RFC 9562.
     */
    private static final AtomicLong COUNTER = new AtomicLong();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = idFor(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove(MDC_KEY);
            FirstDispatch.ended(request);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    /**
     * The id for a request that sent {@code given} (or nothing): {@code given} when it is
     * sane, else a new one.
     */
    public static String idFor(String given) {
        return given != null && SANE.matcher(given).matches() ? given : generate();
    }

    /**
     * A new id in UUID form: unique, not secret. Ids identify requests in logs and audit
     * entries, they guard nothing, so they come from a counter under a per-instance
     * random prefix rather than from {@link UUID#randomUUID()}, whose shared
     * {@link SecureRandom} makes concurrent requests queue on one lock.
     */
    static String generate() {
        long low = (COUNTER.incrementAndGet() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(INSTANCE, low).toString();
    }

    /** The id of the request being served. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : "none";
    }

}
