package com.tenx.skills.token;

import com.tenx.skills.web.Timestamps;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code personal_access_tokens} table. */
@Component
class TokenStore {

    private static final String COLUMNS = "id, handle_id, created_by, name, scopes, token_hash, created_at, "
            + "expires_at, last_used_at";

    private final JdbcClient jdbc;

    TokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored token: what verification and listing need. */
    record Stored(String id, long handleId, UUID createdBy, String name, List<String> scopes, String hash,
            Instant createdAt, Instant expiresAt, Instant lastUsedAt) {

        TokenInfo info() {
            return new TokenInfo(id, name, scopes, Timestamps.format(createdAt), Timestamps.format(expiresAt),
                    Timestamps.format(lastUsedAt), createdBy.toString());
        }
    }

    Optional<Stored> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM personal_access_tokens WHERE id = :id")
            .param("id", id)
            .query(TokenStore::row)
            .optional();
    }

    /**
     * Inserts the token unless its creator has one of that name on the handle; the unique
     * constraint decides. An expired token of that name gives its name up first.
     */
    boolean insertUnlessNameTaken(Stored token, Instant now) {
        jdbc.sql("""
                DELETE FROM personal_access_tokens
                WHERE handle_id = :handle AND created_by = :user AND name = :name AND expires_at <= :now""")
            .param("handle", token.handleId())
            .param("user", token.createdBy())
            .param("name", token.name())
            .param("now", utc(now))
            .update();
        return jdbc.sql("""
                INSERT INTO personal_access_tokens
                    (id, handle_id, created_by, name, scopes, token_hash, created_at, expires_at)
                VALUES (:id, :handle, :user, :name, :scopes, :hash, :createdAt, :expiresAt)
                ON CONFLICT DO NOTHING""")
            .param("id", token.id())
            .param("handle", token.handleId())
            .param("user", token.createdBy())
            .param("name", token.name())
            .param("scopes", String.join(",", token.scopes()))
            .param("hash", token.hash())
            .param("createdAt", utc(token.createdAt()))
            .param("expiresAt", utc(token.expiresAt()))
            .update() == 1;
    }

    /** A handle's tokens, newest first; only {@code creator}'s unless it is null. */
    List<Stored> list(long handleId, UUID creator) {
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM personal_access_tokens WHERE handle_id = :handle"
                    + (creator == null ? "" : " AND created_by = :user") + " ORDER BY created_at DESC, id")
            .param("handle", handleId)
            .params(creator == null ? Map.of() : Map.of("user", creator))
            .query(TokenStore::row)
            .list();
    }

    int delete(String id) {
        return jdbc.sql("DELETE FROM personal_access_tokens WHERE id = :id").param("id", id).update();
    }

    /**
     * Records a use at {@code now} unless one was recorded in the minute before: at most
     * one write a minute per token, whichever instance serves its requests.
     */
    void touch(String id, Instant now, Instant notSince) {
        jdbc.sql("""
                UPDATE personal_access_tokens SET last_used_at = :now
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :notSince)""")
            .param("now", utc(now))
            .param("id", id)
            .param("notSince", utc(notSince))
            .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
        return new Stored(rs.getString("id"), rs.getLong("handle_id"), rs.getObject("created_by", UUID.class),
                rs.getString("name"), Arrays.asList(rs.getString("scopes").split(",")), rs.getString("token_hash"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                lastUsed == null ? null : lastUsed.toInstant());
    }

}
