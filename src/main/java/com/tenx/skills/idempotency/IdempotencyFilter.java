package com.tenx.skills.idempotency;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.FieldProblem;
import com.tenx.skills.text.Sha256;
import com.tenx.skills.web.BodySizeLimit;
import com.tenx.skills.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every write under {@code /v2/handles/} and
 * {@code /v2/public/handles/} (PUT, POST, DELETE), whatever the route: a new write route
 * there is covered without a change here. Runs after authentication, so the key is the
 * caller's.
 * <p>
 * The first request claims the key (a record inserted in its own transaction), runs, and
 * its answer is kept when it is final: 2xx and 4xx, except 401, 403, 408 and 429, which a
 * retry may rightly get otherwise, and except 5xx. A retry of the same request (method,
 * path with query, SHA-256 of the body) gets the kept status, {@code ETag},
 * {@code Location}, {@code Content-Type} and body bytes again, with
 * {@code Idempotent-Replayed: true}, and writes nothing. The same key with another
 * request is {@code 422 idempotency_key_reused}; while the first still runs,
 * {@code 409 idempotency_key_in_use}.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private static final Set<String> WRITES = Set.of("PUT", "POST", "DELETE", "PATCH");

    private static final List<String> COVERED = List.of("/v2/handles/", "/v2/public/handles/");

    private final IdempotencyRecords records;

    private final ErrorResponses errors;

    IdempotencyFilter(IdempotencyRecords records, ErrorResponses errors) {
        this.records = records;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !WRITES.contains(request.getMethod()) || COVERED.stream().noneMatch(path::startsWith)
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Enumeration<String> values = request.getHeaders(HEADER);
        String key = values.nextElement();
        if (values.hasMoreElements() || !wellFormed(key)) {
            errors.write(response, ErrorCode.INVALID_REQUEST,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters.",
                    List.of(new FieldProblem(HEADER, "must be 1 to 255 printable ASCII characters")));
            return;
        }
        String caller = Caller.of(SecurityContextHolder.getContext().getAuthentication());
        if (caller == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        }
        catch (BodySizeLimit.TooLarge e) {
            errors.write(response, ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage());
            return;
        }
        IdempotencyRecords.Claim claim;
        try {
            claim = records.claim(caller, key, fingerprint(request, body));
        }
        catch (DataAccessException e) {
            log.warn("Idempotency record unavailable: {}", e.getMostSpecificCause().getMessage());
            errors.write(response, ErrorCode.SERVICE_UNAVAILABLE, "The service is unavailable; retry later.");
            return;
        }
        if (claim instanceof IdempotencyRecords.Claim.Replay replay) {
            replay(replay.answer(), response);
        }
        else if (claim instanceof IdempotencyRecords.Claim.Reused) {
            errors.write(response, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with another request.");
        }
        else if (claim instanceof IdempotencyRecords.Claim.InUse) {
            errors.write(response, ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                    "A request with this Idempotency-Key is still running; retry later.");
        }
        else {
            run(caller, key, new CachedBody(request, body), response, chain);
        }
    }

    private void run(String caller, String key, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        boolean settled = false;
        try {
            chain.doFilter(request, capture);
            int status = capture.getStatus();
            if (kept(status)) {
                records.complete(caller, key,
                        new StoredAnswer(status, capture.getHeader(HttpHeaders.ETAG),
                                capture.getHeader(HttpHeaders.LOCATION), capture.getContentType(),
                                capture.getContentAsByteArray()));
            }
            else {
                records.release(caller, key);
            }
            settled = true;
        }
        catch (DataAccessException e) {
            // The write's answer stands; the record stays RUNNING until its lease ends.
            log.warn("Could not record the answer of an idempotent request: {}", e.getMostSpecificCause().getMessage());
            settled = true;
        }
        finally {
            if (!settled) {
                releaseQuietly(caller, key);
            }
            capture.copyBodyToResponse();
        }
    }

    private void releaseQuietly(String caller, String key) {
        try {
            records.release(caller, key);
        }
        catch (DataAccessException e) {
            log.warn("Could not free an idempotency key: {}", e.getMostSpecificCause().getMessage());
        }
    }

    /** Which answers a retry gets again; the others leave the key free for a retry. */
    static boolean kept(int status) {
        if (status >= 200 && status < 300) {
            return true;
        }
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429;
    }

    private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, answer.etag());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        response.setHeader(REPLAYED, "true");
        byte[] body = answer.body() == null ? new byte[0] : answer.body();
        if (body.length > 0 || answer.status() != 204) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }

    static boolean wellFormed(String key) {
        if (key.isEmpty() || key.length() > 255) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        String query = request.getQueryString();
        String target = request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query);
        return Sha256.hex((target + "\n" + Sha256.hex(body)).getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body read once and served again from memory. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

    }

}
