package com.tenx.skills.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The liveness and readiness probes on the API port, where balancers and orchestrators
 * look for them; every other actuator route lives on the management port only. Answers
 * with the status of the actuator's own health groups, so both ports always agree.
 */
class ApiPortProbes extends OncePerRequestFilter {

    static final String LIVENESS = "/actuator/health/liveness";

    static final String READINESS = "/actuator/health/readiness";

    private final HealthEndpoint health;

    ApiPortProbes(HealthEndpoint health) {
        this.health = health;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String group = group(request);
        if (group == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, request.getRequestURI());
        Status status = health.healthForPath(group).getStatus();
        byte[] body = ("{\"status\":\"" + status.getCode() + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpCodeStatusMapper.DEFAULT.getStatusCode(status));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static String group(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        String path = request.getRequestURI();
        if (LIVENESS.equals(path)) {
            return "liveness";
        }
        return READINESS.equals(path) ? "readiness" : null;
    }

}
