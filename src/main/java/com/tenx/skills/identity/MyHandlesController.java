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
            return jdbc.sql("""
                    SELECT h.handle, m.role, t.features
                    FROM memberships m
                    JOIN handles h ON h.id = m.handle_id
                    JOIN tenants t ON t.id = h.tenant_id
                    WHERE m.user_id = :user
                    ORDER BY h.handle""")
                    .param("user", user.id())
                    .query((rs, n) -> new MyHandle(rs.getString("handle"), Role.valueOf(rs.getString("role")),
                            Tenant.parseFeatures(rs.getString("features"))))
                    .list();
        }
    }
}
