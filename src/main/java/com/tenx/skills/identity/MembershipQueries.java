package com.tenx.skills.identity;

import com.tenx.skills.security.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's memberships, read in one query together with the check that the user
 * exists.
 */
@Service
class MembershipQueries {

    private final JdbcClient jdbc;

    MembershipQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A handle the caller is a member of, with its role and the plan's features. */
    record HandleMembership(String handle, Role role, List<String> features) {
    }

    @Transactional(readOnly = true)
    List<HandleMembership> of(CurrentUser user) {
        List<HandleMembership> handles = new ArrayList<>();
        boolean[] known = { false };
        jdbc.sql("""
                SELECT h.handle, m.role, t.features
                FROM users u
                LEFT JOIN memberships m ON m.user_id = u.id
                LEFT JOIN handles h ON h.id = m.handle_id
                LEFT JOIN tenants t ON t.id = h.tenant_id
                WHERE u.id = :user
                ORDER BY h.handle""").param("user", user.id()).query(rs -> {
            known[0] = true;
            if (rs.getString("handle") != null) {
                handles.add(new HandleMembership(rs.getString("handle"), Role.valueOf(rs.getString("role")),
                        Tenant.parseFeatures(rs.getString("features"))));
            }
        });
        if (!known[0]) {
            throw HandleAccess.unknownUser();
        }
        return handles;
    }

}
