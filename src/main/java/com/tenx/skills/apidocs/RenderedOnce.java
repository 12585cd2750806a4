package com.tenx.skills.apidocs;

import com.tenx.skills.text.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves each form of the API description (JSON, YAML) from the bytes of its first
 * successful rendering, with a strong ETag: a client that has it gets {@code 304}, and a
 * flood of requests for it costs a memory copy, not a 46 KB serialisation each.
 */
class RenderedOnce extends OncePerRequestFilter {

    private record Rendering(byte[] body, String contentType, String etag) {
    }

    private final Map<String, Rendering> renderings = new ConcurrentHashMap<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                || request.getQueryString() != null) {
            chain.doFilter(request, response);
            return;
        }
        Rendering rendering = renderings.get(request.getRequestURI());
        if (rendering == null) {
            ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, capture);
            if (capture.getStatus() != 200) {
                capture.copyBodyToResponse();
                return;
            }
            rendering = new Rendering(capture.getContentAsByteArray(), capture.getContentType(),
                    etagOf(capture.getContentAsByteArray()));
            renderings.putIfAbsent(request.getRequestURI(), rendering);
            response.resetBuffer();
        }
        response.setHeader(HttpHeaders.ETAG, rendering.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), rendering.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(rendering.contentType());
        response.setContentLength(rendering.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(rendering.body());
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String etagOf(byte[] body) {
        return "\"" + Sha256.hex(body).substring(0, 32) + "\"";
    }

}
