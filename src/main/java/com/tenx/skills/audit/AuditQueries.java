package com.tenx.skills.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.InvalidInput;
import com.tenx.skills.web.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pages through a handle's audit entries by their insertion order, newest first. */
@Service
class AuditQueries {

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Entries newest first, and the cursor to the next page when more remain. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuditPage(List<AuditEntry> entries, String nextCursor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuditEntry(String at, Actor actor, String action, String skillKey, String version, String memberUserId,
            String requestId) {
    }

    /** Who wrote: {@code tokenId} only for a write made with a personal access token. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Actor(String userId, String email, String tokenId) {
    }

    @Transactional(readOnly = true)
    AuditPage page(long handleId, int limit, long beforeId) {
        List<Long> ids = new ArrayList<>();
        List<AuditEntry> entries = jdbc
            .sql("""
                    SELECT id, at, actor_id, actor_email, actor_token_id, action, skill_key, version, target_user, request_id
                    FROM audit_entries WHERE handle_id = :handle AND id < :before
                    ORDER BY id DESC LIMIT :limit""")
            .param("handle", handleId)
            .param("before", beforeId)
            .param("limit", limit + 1)
            .query((rs, n) -> {
                ids.add(rs.getLong("id"));
                return new AuditEntry(Timestamps.format(rs.getObject("at", OffsetDateTime.class).toInstant()),
                        new Actor(rs.getString("actor_id"), rs.getString("actor_email"),
                                rs.getString("actor_token_id")),
                        rs.getString("action"), rs.getString("skill_key"), rs.getString("version"),
                        rs.getString("target_user"), rs.getString("request_id"));
            })
            .list();
        if (entries.size() <= limit) {
            return new AuditPage(entries, null);
        }
        return new AuditPage(entries.subList(0, limit), encode(ids.get(limit - 1)));
    }

    static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("a1." + id).getBytes(StandardCharsets.US_ASCII));
    }

    static long decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (plain.startsWith("a1.") && plain.length() <= 22) {
                return Long.parseLong(plain.substring(3));
            }
        }
        catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw InvalidInput.field(ErrorCode.INVALID_CURSOR, "before", "is not a cursor this server issued");
    }

}
