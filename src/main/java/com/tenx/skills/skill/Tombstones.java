package com.tenx.skills.skill;

import com.tenx.skills.identity.WriteStamp;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Marks of deleted skills, so that sync cursors can report deletions. Written only while
 * the handle is locked, so the read-then-write below cannot race.
 */
@Component
class Tombstones {

    private final JdbcClient jdbc;

    Tombstones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void bury(long handleId, String key, WriteStamp stamp) {
        int updated = jdbc.sql("""
                UPDATE skill_tombstones SET change_seq = :seq, deleted_at = :at
                WHERE handle_id = :handle AND skill_key = :key""")
            .param("seq", stamp.seq())
            .param("at", stamp.at().atOffset(ZoneOffset.UTC))
            .param("handle", handleId)
            .param("key", key)
            .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO skill_tombstones (handle_id, skill_key, change_seq, deleted_at)
                    VALUES (:handle, :key, :seq, :at)""")
                .param("seq", stamp.seq())
                .param("at", stamp.at().atOffset(ZoneOffset.UTC))
                .param("handle", handleId)
                .param("key", key)
                .update();
        }
    }

    /** A re-created skill is no longer deleted. */
    void exhume(long handleId, String key) {
        jdbc.sql("DELETE FROM skill_tombstones WHERE handle_id = :handle AND skill_key = :key")
            .param("handle", handleId)
            .param("key", key)
            .update();
    }

}
