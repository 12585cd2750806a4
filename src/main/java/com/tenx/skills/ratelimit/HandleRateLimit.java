package com.tenx.skills.ratelimit;

import com.tenx.skills.security.CurrentUser;
import com.tenx.skills.security.PersonalTokenUser;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The per-user limit on the handle routes, per token on the PAT family (each token has a
 * quota of its own, apart from its creator's). It runs after authentication (the security
 * chain has answered 401 to anyone without a valid token) and after the access check,
 * before any handler: a denied request reads the caller's role and writes nothing.
 */
class HandleRateLimit implements HandlerInterceptor {

    private final RateLimiter limiter;

    HandleRateLimit(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            return true; // the answer of a held request, counted when it came in
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        Decision decision;
        if (principal instanceof CurrentUser user) {
            decision = limiter.forUser(user.id());
        }
        else if (principal instanceof PersonalTokenUser token) {
            decision = limiter.forToken(token.tokenId());
        }
        else {
            return true;
        }
        decision.applyTo(response);
        if (!decision.allowed()) {
            throw new RateLimited(decision);
        }
        return true;
    }

}
