package com.tenx.skills.skill;

import static com.tenx.skills.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.Rows;
import com.tenx.skills.support.SettableClock;
import com.tenx.skills.support.SkillApi;
import com.tenx.skills.support.StatementHooks;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The guarantees behind the requests, each forced deterministically: a clock that stands
 * still or goes back, a delete committed between two statements of one sync read, an
 * audit entry the database refuses.
 */
@Import({ SettableClock.Config.class, StatementHooks.class })
class GuaranteesTest extends ApiTest {

    private SkillApi skills;

    @BeforeEach
    void creator() {
        skills = new SkillApi(api, world.creator());
    }

    @AfterEach
    void reset() {
        SettableClock.SERVER.release();
        StatementHooks.clear();
    }

    @Test
    void updatedAtMovesOnByAMillisecondWhenTheClockStandsStillOrGoesBack() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SettableClock.SERVER.set(now);
        skills.put("crm-lookup", Json.skill());
        Instant first = skills.updatedAt("crm-lookup");
        skills.putRuntime("crm-lookup", Json.runtime());
        Instant second = skills.updatedAt("crm-lookup");
        SettableClock.SERVER.set(now.minus(Duration.ofSeconds(5)));
        skills.put("crm-lookup", Json.skill());
        Instant third = skills.updatedAt("crm-lookup");

        assertThat(first).isEqualTo(now);
        assertThat(second).isEqualTo(first.plusMillis(1));
        assertThat(third).isEqualTo(second.plusMillis(1));
    }

    @Test
    void deleteCommittedDuringASyncReadIsDeliveredOnceByTheNextRead() {
        skills.put("crm-lookup", Json.skill());
        skills.put("other", Json.skill());
        String cursor = skills.getList().json().get("cursor").asString();
        skills.put("other", Json.skill().put("description", "changed"));
        StatementHooks.before(sql -> sql.contains("SELECT skill_key, deleted_at, change_seq FROM skill_tombstones"),
                () -> assertThat(CompletableFuture.supplyAsync(() -> skills.delete("crm-lookup").status()).join())
                    .isEqualTo(204));

        JsonNode during = since(cursor);
        JsonNode after = since(during.get("cursor").asString());

        assertThat(StatementHooks.fired()).isTrue();
        List<String> deliveries = new ArrayList<>();
        for (JsonNode answer : List.of(during, after)) {
            answer.get("deleted").forEach(deleted -> deliveries.add(deleted.get("skillKey").asString()));
        }
        assertThat(deliveries).containsExactly("crm-lookup");
        assertThat(after.get("deleted")).hasSize(1);
    }

    @Test
    void aWriteWhoseAuditEntryFailsIsRolledBack() {
        skills.put("crm-lookup", Json.skill());
        JsonNode before = skills.skill("crm-lookup");
        long entries = Rows.count("SELECT count(*) FROM audit_entries WHERE handle_id = ?", handleId());
        long seq = Rows.count("SELECT change_seq FROM handles WHERE id = ?", handleId());
        StatementHooks.fail(sql -> sql.contains("INSERT INTO audit_entries"));

        Reply edit = skills.put("crm-lookup", Json.skill().put("description", "never stored"));
        StatementHooks.fail(sql -> sql.contains("INSERT INTO audit_entries"));
        Reply delete = skills.delete("crm-lookup");

        assertError(edit, 503, "service_unavailable");
        assertError(delete, 503, "service_unavailable");
        assertThat(skills.skill("crm-lookup")).isEqualTo(before);
        assertThat(Rows.count("SELECT count(*) FROM audit_entries WHERE handle_id = ?", handleId())).isEqualTo(entries);
        assertThat(Rows.count("SELECT change_seq FROM handles WHERE id = ?", handleId())).isEqualTo(seq);
    }

    private long handleId() {
        return Rows.handleId(skills.member().handle());
    }

    private JsonNode since(String cursor) {
        Reply reply = api.get(skills.list() + "?since=" + cursor).token(skills.token()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

}
