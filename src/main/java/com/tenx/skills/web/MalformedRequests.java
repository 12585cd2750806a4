package com.tenx.skills.web;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.text.SafeCharacters;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads it, a request the server cannot parse unambiguously: a
 * query string with malformed percent-encoding, a character the firewall refuses
 * ({@link SafeCharacters}) or too many parameters, or more than one {@code Authorization}
 * header (which one would count is exactly what an attacker wants to choose). Answers
 * {@code TRACE} here too, so that it never echoes a request back and still carries a
 * request id.
 */
public class MalformedRequests extends OncePerRequestFilter {

    /** As many parameters as Tomcat parses by default; more is never a real client. */
    static final int MAX_PARAMETERS = 1000;

    private final ErrorResponses errors;

    public MalformedRequests(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("TRACE".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, DELETE, OPTIONS");
            errors.write(response, ErrorCode.METHOD_NOT_ALLOWED, "TRACE is not supported.");
            return;
        }
        String problem = problem(request);
        if (problem != null) {
            errors.write(response, ErrorCode.INVALID_REQUEST, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String problem(HttpServletRequest request) {
        Enumeration<String> authorization = request.getHeaders(HttpHeaders.AUTHORIZATION);
        if (authorization.hasMoreElements()) {
            authorization.nextElement();
            if (authorization.hasMoreElements()) {
                return "Send one Authorization header, not several.";
            }
        }
        if (wildcardContentType(request.getContentType())) {
            return "The Content-Type header must name one media type, not a wildcard.";
        }
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        if (!wellEncoded(query)) {
            return "The query string is not validly percent-encoded.";
        }
        if (!SafeCharacters.inNameOrParameter(URLDecoder.decode(query, StandardCharsets.UTF_8))) {
            return "The query string holds a control character or an unassigned code point.";
        }
        int parameters = 1;
        for (int i = 0; i < query.length(); i++) {
            if (query.charAt(i) == '&' && ++parameters > MAX_PARAMETERS) {
                return "The query string has more than " + MAX_PARAMETERS + " parameters.";
            }
        }
        return null;
    }

    /**
     * A body type such as {@code application/*}, which Spring MVC refuses to read with an
     * exception of its own; any other type, however odd, is left to the handler's 415.
     */
    private static boolean wildcardContentType(String contentType) {
        if (contentType == null || contentType.indexOf('*') < 0) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        }
        catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /**
     * Every {@code %} starts two hex digits, and the bytes they encode are UTF-8 (what
     * the server decodes parameters as).
     */
    static boolean wellEncoded(String text) {
        int pending = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int octet;
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return false;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                octet = high << 4 | low;
                i += 2;
            }
            else {
                if (pending > 0) {
                    return false;
                }
                continue;
            }
            if (pending > 0) {
                if ((octet & 0xC0) != 0x80) {
                    return false;
                }
                pending--;
            }
            else if (octet >= 0x80) {
                if ((octet & 0xE0) == 0xC0 && octet >= 0xC2) {
                    pending = 1;
                }
                else if ((octet & 0xF0) == 0xE0) {
                    pending = 2;
                }
                else if ((octet & 0xF8) == 0xF0 && octet <= 0xF4) {
                    pending = 3;
                }
                else {
                    return false;
                }
            }
        }
        return pending == 0;
    }

}
