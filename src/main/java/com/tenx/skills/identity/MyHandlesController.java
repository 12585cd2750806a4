package com.tenx.skills.identity;

import com.tenx.skills.security.CurrentUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v2/handles}: the caller's memberships with each handle's plan features. */
@RestController
class MyHandlesController {

    private final MembershipQueries handles;

    MyHandlesController(MembershipQueries handles) {
        this.handles = handles;
    }

    @GetMapping("/v2/handles")
    HandlesResponse list(@AuthenticationPrincipal CurrentUser user) {
        return new HandlesResponse(handles.of(user));
    }

    record HandlesResponse(List<MembershipQueries.HandleMembership> handles) {
    }

}
