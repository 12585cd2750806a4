package com.tenx.skills.web;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The {@code http.server.requests} timer, recorded by {@link AccessLog} when it writes a
 * request's line, with the tags Spring's own observation filter gives it ({@code method},
 * {@code uri}, {@code status}, {@code outcome}, {@code exception}, {@code error}),
 * computed by Spring's own convention. Spring Boot's observation filter is switched off:
 * it paid for an observation, its scope and its handlers on every request to feed this
 * one timer.
 */
final class RequestTimer {

    /** The metric's name, as Spring Boot names it by default. */
    static final String NAME = "http.server.requests";

    private static final DefaultServerRequestObservationConvention TAGS = new DefaultServerRequestObservationConvention(
            NAME);

    private final MeterRegistry registry;

    private final Map<KeyValues, Timer> timers = new ConcurrentHashMap<>();

    RequestTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Records one request answered after {@code nanos}; {@code error} is what escaped the
     * filter chain, if anything did.
     */
    void record(HttpServletRequest request, HttpServletResponse response, Throwable error, long nanos) {
        ServerRequestObservationContext context = new ServerRequestObservationContext(request, response);
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (route != null) {
            context.setPathPattern(route.toString());
        }
        context.setError(error);
        KeyValues tags = TAGS.getLowCardinalityKeyValues(context)
            .and("error", error == null ? "none" : error.getClass().getSimpleName());
        timers.computeIfAbsent(tags, this::timer).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(KeyValues tags) {
        List<Tag> meterTags = new ArrayList<>();
        for (KeyValue tag : tags) {
            meterTags.add(Tag.of(tag.getKey(), tag.getValue()));
        }
        return registry.timer(NAME, meterTags);
    }

}
