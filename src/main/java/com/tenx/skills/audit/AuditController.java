package com.tenx.skills.audit;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.InvalidInput;
import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.HandleRoute;
import com.tenx.skills.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v2/handles/{handle}/audit}: the handle's audit trail, newest first, for
 * admins.
 */
@RestController
class AuditController {

    static final int DEFAULT_LIMIT = 50;

    static final int MAX_LIMIT = 500;

    private final AuditQueries reads;

    AuditController(AuditQueries reads) {
        this.reads = reads;
    }

    @GetMapping("/v2/handles/{handle}/audit")
    @HandleRoute(Role.ADMIN)
    AuditQueries.AuditPage audit(HandleGrant grant, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String before) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidInput.field(ErrorCode.INVALID_REQUEST, "limit", "must be from 1 to " + MAX_LIMIT);
        }
        return reads.page(grant.handleId(), size, before == null ? Long.MAX_VALUE : AuditQueries.decode(before));
    }

}
