package com.tenx.skills.security;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.web.AccessLog;
import com.tenx.skills.web.DatabaseOutage;
import com.tenx.skills.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request from its bearer token. A missing or rejected token leaves the
 * request unauthenticated and records why, so that a protected route answers with the
 * precise 401 code. Two families, told apart by path as Spring MVC matches it: the PAT
 * family ({@value PersonalTokens#FAMILY_PATTERN}) takes personal access tokens only,
 * every other route control-plane access tokens only, so each family's token is
 * {@code invalid_token} on the other.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String FAILURE_ATTRIBUTE = BearerTokenFilter.class.getName() + ".failure";

    private static final String PREFIX = "bearer ";

    private static final RequestMatcher PAT_FAMILY = PathPatternRequestMatcher.withDefaults()
        .matcher(PersonalTokens.FAMILY_PATTERN);

    private final TokenService tokens;

    private final PersonalTokens personalTokens;

    private final ErrorResponses errors;

    BearerTokenFilter(TokenService tokens, PersonalTokens personalTokens, ErrorResponses errors) {
        this.tokens = tokens;
        this.personalTokens = personalTokens;
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
        String token = header.substring(PREFIX.length()).strip();
        try {
            Object principal;
            UUID userId;
            if (PAT_FAMILY.matches(request)) {
                PersonalTokenUser user = personalTokens.verify(token);
                principal = user;
                userId = user.userId();
                MDC.put("tokenId", user.tokenId());
            }
            else {
                CurrentUser user = tokens.verify(token);
                principal = user;
                userId = user.id();
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
            SecurityContextHolder.setContext(context);
            MDC.put("userId", userId.toString());
            request.setAttribute(AccessLog.USER_ID, userId);
        }
        catch (TokenRejected rejected) {
            request.setAttribute(FAILURE_ATTRIBUTE, rejected);
        }
        catch (RuntimeException e) {
            // A personal access token, and whether the user's password changed since a
            // token was issued, are read from the database; when it cannot be reached the
            // answer is the usual quick 503.
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
            MDC.remove("tokenId");
        }
    }

}
