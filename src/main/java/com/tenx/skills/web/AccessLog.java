package com.tenx.skills.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log line per request, with its id, the caller, the handle, the route template, the
 * status and the duration as structured fields, written once the request is answered (a
 * held request when it completes), and its sample of the {@link RequestTimer}. Never
 * headers or bodies, so never a token or password.
 */
public class AccessLog extends OncePerRequestFilter {

    /** Request attribute under which authentication leaves the caller's user id. */
    public static final String USER_ID = AccessLog.class.getName() + ".userId";

    private static final Logger log = LoggerFactory.getLogger("access");

    private final RequestTimer timer;

    AccessLog(RequestTimer timer) {
        this.timer = timer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        Throwable escaped = null;
        try {
            chain.doFilter(request, response);
        }
        catch (IOException | ServletException | RuntimeException | Error e) {
            escaped = (e instanceof ServletException && e.getCause() != null) ? e.getCause() : e;
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            throw e;
        }
        finally {
            if (!laterOnCompletion(request, response, escaped, start)) {
                answered(request, response, escaped, start);
            }
        }
    }

    private void answered(HttpServletRequest request, HttpServletResponse response, Throwable escaped, long start) {
        long nanos = System.nanoTime() - start;
        timer.record(request, response, escaped, nanos);
        if (log.isInfoEnabled()) {
            write(request, response, nanos / 1_000_000.0);
        }
    }

    /**
     * A request still held when its first dispatch ends (a long poll, an event stream) is
     * logged and timed when it completes, with the status it was answered with and its
     * whole time.
     */
    private boolean laterOnCompletion(HttpServletRequest request, HttpServletResponse response, Throwable escaped,
            long start) {
        if (!request.isAsyncStarted()) {
            return false;
        }
        try {
            request.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    Object id = request.getAttribute(RequestIds.ATTRIBUTE);
                    try (MDC.MDCCloseable requestId = MDC.putCloseable(RequestIds.MDC_KEY,
                            id != null ? id.toString() : "-")) {
                        answered(request, response, escaped, start);
                    }
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                }

                @Override
                public void onError(AsyncEvent event) {
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                }
            });
            return true;
        }
        catch (IllegalStateException e) {
            return false; // completed meanwhile
        }
    }

    /**
     * The line of a request that Tomcat answered itself, before any filter ran (a
     * malformed URL, a request that came while the application was stopping).
     */
    static void writeForContainer(HttpServletRequest request, HttpServletResponse response, double millis) {
        if (log.isInfoEnabled() && request.getAttribute(RequestIds.ATTRIBUTE) == null) {
            String id = response.getHeader(RequestIds.HEADER);
            try (MDC.MDCCloseable requestId = MDC.putCloseable(RequestIds.MDC_KEY, id != null ? id : "-")) {
                write(request, response, millis);
            }
        }
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, double millis) {
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Object handle = variables instanceof Map<?, ?> map ? map.get("handle") : null;
        Object user = request.getAttribute(USER_ID);
        String routeText = route != null ? route.toString() : "unmatched";
        String duration = tenths(millis);
        try (MDC.MDCCloseable a = MDC.putCloseable("http.method", request.getMethod());
                MDC.MDCCloseable b = MDC.putCloseable("http.route", routeText);
                MDC.MDCCloseable c = MDC.putCloseable("http.status", Integer.toString(response.getStatus()));
                MDC.MDCCloseable d = MDC.putCloseable("durationMs", duration);
                MDC.MDCCloseable e = MDC.putCloseable("userId", user != null ? user.toString() : "-");
                MDC.MDCCloseable f = MDC.putCloseable("handle", handle != null ? handle.toString() : "-");
                MDC.MDCCloseable g = MDC.putCloseable("client", request.getRemoteAddr())) {
            log.info("{} {} {} {}ms", request.getMethod(), routeText, response.getStatus(), duration);
        }
    }

    /**
     * Milliseconds with one decimal, rounded half up, the same in every locale
     * ({@code 12.3}); formatted once per request without {@link String#format}'s parsing.
     */
    static String tenths(double millis) {
        long tenths = Math.round(millis * 10);
        return (tenths / 10) + "." + (tenths % 10);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

}
