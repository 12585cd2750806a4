package com.tenx.skills.identity;

import com.tenx.skills.error.AccessDenied;
import com.tenx.skills.security.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may use OpenAnalyst, and where: the handles whose tenant has the {@value #FEATURE}
 * feature, read from the database on every call. A user with no such handle has no
 * OpenAnalyst entitlement.
 */
@Service
class OpenAnalystSessions {

    static final String FEATURE = "openanalyst";

    private final JdbcClient jdbc;

    OpenAnalystSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Session(boolean ok, User user, List<EntitledHandle> handles) {
    }

    record User(UUID id, String email) {
    }

    /** A handle the user may use OpenAnalyst on; importing skills needs CREATOR+. */
    record EntitledHandle(String handle, Role role, List<String> features, boolean canImport) {
    }

    @Transactional(readOnly = true)
    Session of(CurrentUser user) {
        List<EntitledHandle> handles = new ArrayList<>();
        String[] email = { null };
        jdbc.sql("""
                SELECT u.email, h.handle, m.role, t.features
                FROM users u
                LEFT JOIN memberships m ON m.user_id = u.id
                LEFT JOIN handles h ON h.id = m.handle_id
                LEFT JOIN tenants t ON t.id = h.tenant_id
                WHERE u.id = :user
                ORDER BY h.handle""").param("user", user.id()).query(rs -> {
            email[0] = rs.getString("email");
            List<String> features = Tenant.parseFeatures(rs.getString("features"));
            Role role = Role.parse(rs.getString("role"));
            if (rs.getString("handle") != null && role != null && features.contains(FEATURE)) {
                handles.add(new EntitledHandle(rs.getString("handle"), role, features, role.atLeast(Role.CREATOR)));
            }
        });
        if (email[0] == null) {
            throw HandleAccess.unknownUser();
        }
        if (handles.isEmpty()) {
            throw AccessDenied.featureLocked(FEATURE);
        }
        return new Session(true, new User(user.id(), email[0]), handles);
    }

}
