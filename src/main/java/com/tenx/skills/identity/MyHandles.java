package com.tenx.skills.identity;

import com.tenx.skills.identity.MyHandlesController.MyHandle;
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
class MyHandles {

    private final JdbcClient jdbc;

    MyHandles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<MyHandle> of(CurrentUser user) {
        List<MyHandle> handles = new ArrayList<>();
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
                handles.add(new MyHandle(rs.getString("handle"), Role.valueOf(rs.getString("role")),
                        Tenant.parseFeatures(rs.getString("features"))));
            }
        });
        if (!known[0]) {
            throw HandleAccess.unknownUser();
        }
        return handles;
    }

}
