package com.tenx.skills.identity;

import com.tenx.skills.error.AccessDenied;
import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.NotFound;
import com.tenx.skills.security.CurrentUser;
import com.tenx.skills.security.PersonalTokenUser;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Decides who may do what on a handle, reading role, features and platform-admin flag
 * from the database on every request in one query, so a revoked membership or feature
 * takes effect at once.
 */
@Service
class HandleAccess {

    private static final String QUERY = """
            SELECT u.email, u.platform_admin, h.id AS handle_id, h.change_seq, m.role, t.features
            FROM users u
            LEFT JOIN handles h ON h.handle = :handle
            LEFT JOIN tenants t ON t.id = h.tenant_id
            LEFT JOIN memberships m ON m.handle_id = h.id AND m.user_id = u.id
            WHERE u.id = :user""";

    private final JdbcClient jdbc;

    HandleAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    HandleGrant check(CurrentUser user, String rawHandle, HandleRoute route, String requestId) {
        return check(user, rawHandle, route.value(), route.feature(), route.platformAdmin(), requestId);
    }

    HandleGrant check(CurrentUser user, String rawHandle, Role needed, String feature, boolean platformAdminAllowed,
            String requestId) {
        String handle = Slug.normalize(rawHandle);
        Row row = read(user.id(), handle);
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
        return new HandleGrant(row.handleId(), handle, user.id(), row.email(), row.role(), asPlatformAdmin, requestId,
                row.changeSeq());
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
                row.changeSeq(), token.tokenId());
    }

    private Row read(UUID user, String handle) {
        return jdbc.sql(QUERY)
            .param("handle", handle == null ? "" : handle)
            .param("user", user)
            .query((rs, n) -> new Row(rs.getString("email"), rs.getBoolean("platform_admin"),
                    (Long) rs.getObject("handle_id", Long.class), rs.getLong("change_seq"),
                    Role.parse(rs.getString("role")), Tenant.parseFeatures(rs.getString("features"))))
            .optional()
            .orElseThrow(HandleAccess::unknownUser);
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

    private record Row(String email, boolean platformAdmin, Long handleId, long changeSeq, Role role,
            List<String> features) {
    }

}
