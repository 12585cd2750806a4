package com.tenx.skills.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.web.AccessLog;
import com.tenx.skills.web.DatabaseOutage;
import com.tenx.skills.web.ErrorResponses;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request from its bearer token. A missing or rejected token leaves the
 * request anonymous and records why, so that a protected route answers with the precise
 * 401 code.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String FAILURE_ATTRIBUTE = BearerTokenFilter.class.getName() + ".failure";

    private static final String PREFIX = "bearer ";

    private final TokenService tokens;

    private final ErrorResponses errors;

    BearerTokenFilter(TokenService tokens, ErrorResponses errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= PREFIX.length()
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            request.setAttribute(FAILURE_ATTRIBUTE, TokenRejected.missing());
            chain.doFilter(request, response);
            return;
        }
        try {
            CurrentUser user = tokens.verify(header.substring(PREFIX.length()).strip());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
            SecurityContextHolder.setContext(context);
            MDC.put("userId", user.id().toString());
            request.setAttribute(AccessLog.USER_ID, user.id());
        }
        catch (TokenRejected rejected) {
            request.setAttribute(FAILURE_ATTRIBUTE, rejected);
        }
        catch (RuntimeException e) {
            // Whether the user's password changed since the token was issued is read
            // from the database.
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            errors.write(response, ErrorCode.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE);
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove("userId");
        }
    }

}
