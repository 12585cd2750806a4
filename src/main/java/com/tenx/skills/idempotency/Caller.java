package com.tenx.skills.idempotency;

import com.tenx.skills.security.CurrentUser;
import com.tenx.skills.security.PersonalTokenUser;
import org.springframework.security.core.Authentication;

/**
 * Whose keys a request's {@code Idempotency-Key} is among: the authenticated principal, a
 * user signed in with an access token or a personal access token (each token its own
 * caller). The one place that names principals.
 */
final class Caller {

    private Caller() {
    }

    /** The caller's key, or {@code null} for a request without a known principal. */
    static String of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return "user:" + user.id();
        }
        if (authentication != null && authentication.getPrincipal() instanceof PersonalTokenUser token) {
            return "token:" + token.tokenId();
        }
        return null;
    }

}
