package com.tenx.skills.idempotency;

import com.tenx.skills.security.CurrentUser;
import org.springframework.security.core.Authentication;

/**
 * Whose keys a request's {@code Idempotency-Key} is among: the authenticated principal.
 * The one place that names principals, so a new kind (a personal access token, say) is
 * one more case here.
 */
final class Caller {

    private Caller() {
    }

    /** The caller's key, or {@code null} for a request without a known principal. */
    static String of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return "user:" + user.id();
        }
        return null;
    }

}
