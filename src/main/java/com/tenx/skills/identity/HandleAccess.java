package com.tenx.skills.identity;

import com.tenx.skills.error.AccessDenied;
import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.NotFound;
import com.tenx.skills.security.CurrentUser;
import com.tenx.skills.security.PersonalTokenUser;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Decides who may do what on a handle from the caller's role, the tenant's features and
 * the platform-admin flag, read in one query and remembered per caller and handle for at
 * most {@code skills.access.cache-ttl} (2 s; the contract allows 5). A change to a
 * membership, a tenant's features or a handle forgets every remembered answer on the
 * instance that made it when it commits, and on every other instance when its
 * notification arrives ({@link HandleChangeNotifications}), a few milliseconds later; the
 * time limit covers a notification lost with the listening connection. A request that
 * lasts (an event stream, a held long poll) is checked again from the database
 * ({@link AccessRecheck}).
 */
@Service
class HandleAccess implements HandleChangeListener, MeterBinder {

    private static final String QUERY = """
            SELECT u.email, u.platform_admin, h.id AS handle_id, m.role, t.features
            FROM users u
            LEFT JOIN handles h ON h.handle = :handle
            LEFT JOIN tenants t ON t.id = h.tenant_id
            LEFT JOIN memberships m ON m.handle_id = h.id AND m.user_id = u.id
            WHERE u.id = :user""";

    private final JdbcClient jdbc;

    private final Cache<Key, Row> remembered;

    HandleAccess(JdbcClient jdbc, @Value("${skills.access.cache-ttl:2s}") Duration ttl) {
        if (ttl.isNegative() || ttl.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException(
                    "skills.access.cache-ttl (SKILLS_ACCESS_CACHE_TTL) must be between 0s and 5s, not " + ttl);
        }
        this.jdbc = jdbc;
        this.remembered = Caffeine.newBuilder()
            .expireAfterWrite(ttl)
            .maximumSize(100_000)
            .executor(Runnable::run)
            .recordStats()
            .build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, remembered, "handle.access");
    }

    HandleGrant check(CurrentUser user, String rawHandle, HandleRoute route, String requestId) {
        return check(user, rawHandle, route.value(), route.feature(), route.platformAdmin(), requestId);
    }

    HandleGrant check(CurrentUser user, String rawHandle, Role needed, String feature, boolean platformAdminAllowed,
            String requestId) {
        return check(user, rawHandle, needed, feature, platformAdminAllowed, requestId, false);
    }

    /**
     * @param fresh whether to read the database whatever is remembered (for a request
     * that is checked again while it lasts)
     */
    HandleGrant check(CurrentUser user, String rawHandle, Role needed, String feature, boolean platformAdminAllowed,
            String requestId, boolean fresh) {
        String handle = Slug.normalize(rawHandle);
        Row row = fresh ? readNow(user.id(), handle) : read(user.id(), handle);
        boolean asPlatformAdmin = platformAdminAllowed && row.platformAdmin();
        if (asPlatformAdmin && row.handleId() == null) {
            throw new NotFound(ErrorCode.NOT_FOUND, "No such handle.");
        }
        boolean member = row.handleId() != null && row.role() != null && row.role().atLeast(needed);
        if (!member && !asPlatformAdmin) {
            throw AccessDenied.insufficientRole();
        }
        if (!feature.isEmpty() && !row.features().contains(feature)) {
            throw AccessDenied.featureLocked(feature);
        }
        return new HandleGrant(row.handleId(), handle, user.id(), row.email(), row.role(), asPlatformAdmin, requestId);
    }

    /**
     * The access of a personal access token: never more than its creator's role on the
     * token's own handle as it is now, never as a platform admin. Any other handle is
     * {@code insufficient_role}, like a handle the creator is no member of.
     */
    HandleGrant check(PersonalTokenUser token, String rawHandle, HandleRoute route, String requestId) {
        String handle = Slug.normalize(rawHandle);
        Row row = read(token.userId(), handle);
        boolean member = row.handleId() != null && row.handleId() == token.handleId() && row.role() != null
                && row.role().atLeast(route.value());
        if (!member) {
            throw AccessDenied.insufficientRole();
        }
        if (!route.feature().isEmpty() && !row.features().contains(route.feature())) {
            throw AccessDenied.featureLocked(route.feature());
        }
        return new HandleGrant(row.handleId(), handle, token.userId(), row.email(), row.role(), false, requestId,
                token.tokenId());
    }

    private Row read(UUID user, String handle) {
        return remembered.get(new Key(user, handle == null ? "" : handle), key -> readNow(user, handle));
    }

    private Row readNow(UUID user, String handle) {
        return jdbc.sql(QUERY)
            .param("handle", handle == null ? "" : handle)
            .param("user", user)
            .query((rs, n) -> new Row(rs.getString("email"), rs.getBoolean("platform_admin"),
                    (Long) rs.getObject("handle_id", Long.class), Role.parse(rs.getString("role")),
                    Tenant.parseFeatures(rs.getString("features"))))
            .optional()
            .orElseThrow(HandleAccess::unknownUser);
    }

    /** A membership, a tenant's features or a handle changed somewhere: read again. */
    @Override
    public void accessChanged() {
        remembered.invalidateAll();
    }

    /** Notifications of access changes may have been missed: read again. */
    @Override
    public void resynchronize() {
        remembered.invalidateAll();
    }

    @Override
    public void changed(long handleId, long seq) {
        // a skill changed: nobody's access did
    }

    void requirePlatformAdmin(CurrentUser user) {
        boolean admin = jdbc.sql("SELECT platform_admin FROM users WHERE id = :user")
            .param("user", user.id())
            .query(Boolean.class)
            .optional()
            .orElseThrow(HandleAccess::unknownUser);
        if (!admin) {
            throw AccessDenied.notPlatformAdmin();
        }
    }

    /** A well-signed token whose user no longer exists is as good as no token. */
    static ContractException unknownUser() {
        return new ContractException(ErrorCode.INVALID_TOKEN, "The access token names no known user.");
    }

    private record Key(UUID user, String handle) {
    }

    private record Row(String email, boolean platformAdmin, Long handleId, Role role, List<String> features) {
    }

}
