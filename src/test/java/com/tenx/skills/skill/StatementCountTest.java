package com.tenx.skills.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tenx.skills.support.Api;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Rows;
import com.tenx.skills.support.StatementCounter;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.TestSettings;
import com.tenx.skills.support.World;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What reads and writes cost in SQL. The list costs the same number of statements for one
 * skill as for a thousand: one query reads them all with their runtimes, none per skill;
 * an unchanged handle's list costs none. A metadata PUT of an existing skill holds its
 * handle's lock for as few round trips as it can: the skill is read in the lock's own
 * round trip, then one round trip carries everything it writes (the skill's row, the
 * handle's counter, the change notification, the audit record), then the commit; a
 * publish reads the skill and its runtime after the lock, and sends the version's
 * snapshot with the rest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(StatementCounter.class)
class StatementCountTest {

    @Autowired
    private MockMvc mvc;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSettings.properties(TestDatabase.get()).forEach((name, value) -> registry.add(name, () -> value));
        // the limiter writes its buckets back per burst, which would make the counts vary
        registry.add("skills.rate-limit.enabled", () -> "false");
    }

    @Test
    void listStatementsDoNotGrowWithTheNumberOfSkills() throws Exception {
        Api api = new Api(port);
        World world = new World(api);
        World.Member small = world.creator();
        World.Member large = world.creator();
        seed(api, small, 1);
        seed(api, large, 1);
        addSkillsBySql(large.handle(), 999);

        int forOne = statementsForList(small);
        int forThousand = statementsForList(large);
        int unchanged = statementsForList(large);

        assertThat(forOne).isPositive();
        assertThat(forThousand).isEqualTo(forOne);
        assertThat(unchanged).isLessThan(forThousand);
        String body = mvc
            .perform(
                    get("/v2/handles/" + large.handle() + "/skills").header("Authorization", "Bearer " + large.token()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(Json.parse(body).get("skills").size()).isEqualTo(1000);
    }

    @Test
    void aMetadataPutReadsTheSkillWithTheLockAndWritesEverythingInOneRoundTrip() throws Exception {
        World.Member member = new World(new Api(port)).creator();
        String path = "/v2/handles/" + member.handle() + "/skills/crm-lookup";
        assertThat(new Api(port).put(path).token(member.token()).json(Json.skill()).send().status()).isEqualTo(201);
        long handleId = Rows.handleId(member.handle());
        long seq = Rows.count("SELECT change_seq FROM handles WHERE id = ?", handleId);
        long entries = Rows.count("SELECT count(*) FROM audit_entries WHERE handle_id = ?", handleId);

        StatementCounter.reset();
        mvc.perform(put(path).header("Authorization", "Bearer " + member.token())
            .contentType(MediaType.APPLICATION_JSON)
            .content(Json.skill().put("displayName", "Edited").toString())).andExpect(status().isOk());
        List<String> executed = StatementCounter.executedOnThisThread();

        int lock = indexOfLock(executed);
        assertThat(executed.get(lock)).as("the skill read with the lock").contains("FROM skills");
        List<String> underLock = executed.subList(lock + 1, executed.size());
        assertThat(underLock).as("round trips after the lock: %s", executed).hasSize(1);
        assertThat(underLock.get(0)).contains("UPDATE skills", "UPDATE handles", "pg_notify",
                "INSERT INTO audit_entries");
        assertThat(Rows.column("SELECT title FROM skills WHERE handle_id = ? AND skill_key = 'crm-lookup'", handleId))
            .containsExactly("Edited");
        assertThat(Rows.count("SELECT change_seq FROM handles WHERE id = ?", handleId)).isEqualTo(seq + 1);
        assertThat(
                Rows.count("SELECT change_seq FROM skills WHERE handle_id = ? AND skill_key = 'crm-lookup'", handleId))
            .isEqualTo(seq + 1);
        assertThat(Rows.count("SELECT count(*) FROM audit_entries WHERE handle_id = ?", handleId))
            .isEqualTo(entries + 1);
    }

    @Test
    void aPublishWritesEverythingInOneRoundTripAfterReadingTheSkillAndItsRuntime() throws Exception {
        World.Member member = new World(new Api(port)).creator();
        String path = "/v2/handles/" + member.handle() + "/skills/crm-lookup";
        Api api = new Api(port);
        assertThat(api.put(path).token(member.token()).json(Json.skill()).send().status()).isEqualTo(201);
        assertThat(api.put(path + "/runtime").token(member.token()).json(Json.runtime()).send().status())
            .isEqualTo(200);
        long handleId = Rows.handleId(member.handle());
        long seq = Rows.count("SELECT change_seq FROM handles WHERE id = ?", handleId);

        StatementCounter.reset();
        String version = Json
            .parse(mvc.perform(post(path + "/publish").header("Authorization", "Bearer " + member.token()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
            .get("version")
            .asString();
        List<String> executed = StatementCounter.executedOnThisThread();

        int lock = indexOfLock(executed);
        List<String> underLock = executed.subList(lock + 1, executed.size());
        assertThat(underLock).as("round trips after the lock: %s", executed).hasSize(3);
        assertThat(underLock.get(0)).containsIgnoringCase("from skills");
        assertThat(underLock.get(1)).containsIgnoringCase("from skill_runtimes");
        assertThat(underLock.get(2)).contains("UPDATE skills", "INSERT INTO skill_versions", "UPDATE handles",
                "pg_notify", "INSERT INTO audit_entries");
        assertThat(Rows.column("SELECT status || ' ' || published_version || ' ' || change_seq FROM skills"
                + " WHERE handle_id = ? AND skill_key = 'crm-lookup'", handleId))
            .containsExactly("PUBLISHED " + version + " " + (seq + 1));
        assertThat(Rows.column("SELECT v.title FROM skill_versions v JOIN skills s ON s.id = v.skill_id"
                + " WHERE s.handle_id = ? AND v.version = ?", handleId, version))
            .containsExactly("CRM Lookup");
    }

    private static int indexOfLock(List<String> executed) {
        for (int i = 0; i < executed.size(); i++) {
            if (executed.get(i).toLowerCase().contains("for no key update")) {
                return i;
            }
        }
        throw new AssertionError("no statement locked the handle: " + executed);
    }

    private int statementsForList(World.Member member) throws Exception {
        StatementCounter.reset();
        mvc.perform(
                get("/v2/handles/" + member.handle() + "/skills").header("Authorization", "Bearer " + member.token()))
            .andExpect(status().isOk());
        return StatementCounter.onThisThread();
    }

    private static void seed(Api api, World.Member member, int count) {
        for (int i = 1; i <= count; i++) {
            String skill = "/v2/handles/" + member.handle() + "/skills/seed-" + i;
            assertThat(api.put(skill).token(member.token()).json(Json.skill()).send().status()).isEqualTo(201);
            assertThat(api.put(skill + "/runtime").token(member.token()).json(Json.runtime()).send().status())
                .isEqualTo(200);
        }
    }

    /**
     * Many skills at once, straight into the tables, each with a runtime and its own
     * change number.
     */
    private static void addSkillsBySql(String handle, int count) {
        Rows.update("""
                INSERT INTO skills (handle_id, skill_key, title, description, system_prompt, tools, status,
                                    change_seq, created_at, updated_at)
                SELECT h.id, 'bulk-' || g, 'Bulk ' || g, '', '', '[]', 'DRAFT', h.change_seq + g, now(), now()
                FROM handles h, generate_series(1, ?) g WHERE h.handle = ?""", count, handle);
        Rows.update(
                """
                        INSERT INTO skill_runtimes (skill_id, image_ref, cpu, memory, idle_timeout_sec, max_session_sec, updated_at)
                        SELECT s.id, 'catalog/node:20', 512, 1024, 900, 3600, now()
                        FROM skills s JOIN handles h ON h.id = s.handle_id WHERE h.handle = ? AND s.skill_key LIKE 'bulk-%'""",
                handle);
        Rows.update("UPDATE handles SET change_seq = change_seq + ? WHERE handle = ?", count, handle);
    }

}
