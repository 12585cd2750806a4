package com.tenx.skills.skill;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.web.Timestamps;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of a skill's published snapshots. */
@Service
class VersionQueries {

    private final JdbcClient jdbc;

    VersionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record VersionSummary(String version, String publishedAt, String publishedBy) {
    }

    record VersionDetail(String version, String publishedAt, String publishedBy, String title, String description,
            String systemPrompt, @JsonRawValue String tools, @JsonRawValue String runtime) {
    }

    /** The skill's versions, newest first. */
    @Transactional(readOnly = true)
    List<VersionSummary> list(HandleGrant grant, String key) {
        List<VersionSummary> versions = new ArrayList<>();
        boolean[] skillExists = { false };
        jdbc.sql("""
                SELECT v.version, v.published_at, v.published_by
                FROM skills s LEFT JOIN skill_versions v ON v.skill_id = s.id
                WHERE s.handle_id = :handle AND s.skill_key = :key
                ORDER BY v.id DESC""").param("handle", grant.handleId()).param("key", key).query(rs -> {
            skillExists[0] = true;
            if (rs.getString("version") != null) {
                versions.add(new VersionSummary(rs.getString("version"),
                        Timestamps.format(rs.getObject("published_at", OffsetDateTime.class).toInstant()),
                        rs.getString("published_by")));
            }
        });
        if (!skillExists[0]) {
            throw new SkillNotFound();
        }
        return versions;
    }

    @Transactional(readOnly = true)
    VersionDetail one(HandleGrant grant, String key, String version) {
        List<VersionDetail> found = jdbc.sql("""
                SELECT v.version, v.published_at, v.published_by, v.title, v.description, v.system_prompt,
                       v.tools, v.runtime
                FROM skills s LEFT JOIN skill_versions v ON v.skill_id = s.id AND v.version = :version
                WHERE s.handle_id = :handle AND s.skill_key = :key""")
            .param("handle", grant.handleId())
            .param("key", key)
            .param("version", version)
            .query((rs, n) -> rs.getString("version") == null ? null
                    : new VersionDetail(rs.getString("version"),
                            Timestamps.format(rs.getObject("published_at", OffsetDateTime.class).toInstant()),
                            rs.getString("published_by"), rs.getString("title"), rs.getString("description"),
                            rs.getString("system_prompt"), rs.getString("tools"), rs.getString("runtime")))
            .list();
        if (found.isEmpty()) {
            throw new SkillNotFound();
        }
        if (found.get(0) == null) {
            throw new VersionNotFound();
        }
        return found.get(0);
    }

}
