package com.tenx.skills.identity;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.InvalidInput;
import com.tenx.skills.error.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tenants with their plan features, and the handles that belong to them. */
@Service
class TenancyService {

    static final int MAX_FEATURES = 64;

    private final TenantRepository tenants;

    private final HandleRepository handles;

    private final Clock clock;

    private final HandleChangeNotifications notifications;

    TenancyService(TenantRepository tenants, HandleRepository handles, Clock clock,
            HandleChangeNotifications notifications) {
        this.tenants = tenants;
        this.handles = handles;
        this.clock = clock;
        this.notifications = notifications;
    }

    record TenantPlan(String tenantId, String plan, List<String> features) {
    }

    record HandleTenant(String handle, String tenantId) {
    }

    /** A create-or-replace result: the stored value and whether it was created. */
    record Saved<T>(T value, boolean created) {
    }

    @Transactional
    Saved<TenantPlan> putTenant(String rawTenantId, String plan, List<String> requestedFeatures) {
        String tenantId = requireSlug("tenantId", rawTenantId);
        List<String> features = List.copyOf(new LinkedHashSet<>(requestedFeatures));
        Instant now = clock.instant();
        boolean created = tenants.insertIfAbsent(tenantId, plan, String.join(",", features), now) == 1;
        if (!created) {
            tenants.findById(tenantId).orElseThrow().replace(plan, features, now);
        }
        notifications.announceAccessChange();
        return new Saved<>(new TenantPlan(tenantId, plan, features), created);
    }

    @Transactional
    Saved<HandleTenant> putHandle(String rawHandle, String rawTenantId) {
        String handle = requireSlug("handle", rawHandle);
        String tenantId = Slug.normalize(rawTenantId);
        if (tenantId == null || !tenants.existsById(tenantId)) {
            throw new NotFound(ErrorCode.NOT_FOUND, "No such tenant.");
        }
        boolean created = handles.insertIfAbsent(handle, tenantId, clock.instant()) == 1;
        if (!created) {
            handles.findByHandle(handle).orElseThrow().moveTo(tenantId);
        }
        notifications.announceAccessChange();
        return new Saved<>(new HandleTenant(handle, tenantId), created);
    }

    private static String requireSlug(String field, String raw) {
        String slug = Slug.normalize(raw);
        if (slug == null) {
            throw InvalidInput.field(ErrorCode.INVALID_REQUEST, field,
                    "must be 2-64 characters of a-z, 0-9 and single inner hyphens, starting with a letter");
        }
        return slug;
    }

}
