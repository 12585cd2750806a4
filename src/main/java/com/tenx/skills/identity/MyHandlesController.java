package com.tenx.skills.identity;

import com.tenx.skills.security.CurrentUser;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.stereotype.Service;

/** {@code GET /v2/handles}: the caller's memberships with each handle's plan features. */
@RestController
class MyHandlesController {

    private final MyHandles handles;

    MyHandlesController(MyHandles handles) {
        this.handles = handles;
    }

    @GetMapping("/v2/handles")
    HandlesResponse list(@AuthenticationPrincipal CurrentUser user) {
        return new HandlesResponse(handles.of(user));
    }

    record HandlesResponse(List<MyHandle> handles) {
    }

    record MyHandle(String handle, Role role, List<String> features) {
    }

    @Service
    static class MyHandles {

        private final JdbcClient jdbc;

        MyHandles(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional(readOnly = true)
        List<MyHandle> of(CurrentUser user) {
            List<MyHandle> handles = new java.util.ArrayList<>();
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

}
