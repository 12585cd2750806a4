package com.tenx.skills.identity;

import com.tenx.skills.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v2/account/openanalyst/me}: the OpenAnalyst session check of a signed-in
 * user.
 */
@RestController
class OpenAnalystController {

    private final OpenAnalystSessions sessions;

    OpenAnalystController(OpenAnalystSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/v2/account/openanalyst/me")
    OpenAnalystSessions.Session me(@AuthenticationPrincipal CurrentUser user) {
        return sessions.of(user);
    }

}
