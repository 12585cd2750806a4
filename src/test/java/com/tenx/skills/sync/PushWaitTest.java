package com.tenx.skills.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.identity.HandleChangeNotifications;
import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.Rows;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * {@code ?since=&wait=}: a held call is answered by a change committed on either
 * instance, by its time-out with nothing, and still when the listening connection to
 * PostgreSQL is lost.
 */
class PushWaitTest extends ApiTest {

    @RegisterExtension
    static final SecondServer second = new SecondServer();

    private static String waitQuery(String cursor, int seconds) {
        return "?since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) + "&wait=" + seconds;
    }

    @Test
    void aWaitWithNothingChangedAnswersEmptyWithTheSameCursorWhenItRunsOut() {
        HandleSkills skills = new HandleSkills(api, world.creator());
        skills.create("crm-lookup");
        String cursor = skills.list(null, null).get("cursor").asString();

        long started = System.nanoTime();
        Reply reply = skills.list(waitQuery(cursor, 1));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("skills")).isEmpty();
        assertThat(reply.json().get("deleted")).isEmpty();
        assertThat(reply.json().get("cursor").asString()).isEqualTo(cursor);
        assertThat(tookMillis).isBetween(900L, 5000L);
    }

    @Test
    void aWaitBehindTheHandleIsAnsweredAtOnce() {
        HandleSkills skills = new HandleSkills(api, world.creator());
        String cursor = skills.list(null, null).get("cursor").asString();
        skills.create("crm-lookup");

        long started = System.nanoTime();
        Reply reply = skills.list(waitQuery(cursor, 30));

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5000);
        assertThat(reply.json().get("skills").get(0).get("skillKey").asString()).isEqualTo("crm-lookup");
    }

    @Test
    void aChangeOnOneInstanceAnswersTheClientsWaitingOnTheOther() throws Exception {
        World.Member creator = world.creator();
        HandleSkills here = new HandleSkills(api, creator);
        HandleSkills there = here.through(second.api());
        here.create("crm-lookup");
        String cursor = here.list(null, null).get("cursor").asString();

        List<CompletableFuture<Reply>> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HandleSkills via = i % 2 == 0 ? there : here;
            waiting.add(CompletableFuture.supplyAsync(() -> via.list(waitQuery(cursor, 30))));
        }
        Thread.sleep(700);
        assertThat(waiting).as("held until a change").noneMatch(CompletableFuture::isDone);
        long written = System.nanoTime();
        assertThat(here.put("crm-lookup", "changed").status()).isEqualTo(200);

        for (CompletableFuture<Reply> each : waiting) {
            Reply reply = each.get(10, TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("skills")).hasSize(1);
            assertThat(reply.json().get("skills").get(0).get("description").asString()).isEqualTo("changed");
            assertThat(reply.json().get("cursor").asString()).isNotEqualTo(cursor);
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - written)).isLessThan(3000);
    }

    /**
     * A held call is answered outside Spring MVC, straight onto its response: the answer
     * must be the one the plain {@code ?since=} call gives, headers and all.
     */
    @Test
    void aHeldAnswerIsThePlainSinceAnswerWithTheSameHeaders() throws Exception {
        World.Member creator = world.creator();
        HandleSkills here = new HandleSkills(api, creator);
        here.create("crm-lookup");
        String cursor = here.list(null, null).get("cursor").asString();
        String path = "/v2/handles/" + creator.handle() + "/skills";
        CompletableFuture<Reply> held = CompletableFuture
            .supplyAsync(() -> api.get(path + waitQuery(cursor, 30)).token(creator.token()).send());
        Thread.sleep(500);
        assertThat(here.put("crm-lookup", "changed").status()).isEqualTo(200);

        Reply answer = held.get(10, TimeUnit.SECONDS);
        Reply plain = api.get(path + "?since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))
            .token(creator.token())
            .send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(plain.body());
        for (String header : List.of("ETag", "Cache-Control", "Content-Type", "X-Content-Type-Options",
                "X-Frame-Options", "RateLimit-Policy")) {
            assertThat(answer.header(header)).as(header).isNotNull().isEqualTo(plain.header(header));
        }
        assertThat(answer.header("Pragma")).isEqualTo(plain.header("Pragma"));
        assertThat(answer.header("Expires")).isEqualTo(plain.header("Expires"));
        assertThat(answer.header("X-Request-Id")).isNotBlank().isNotEqualTo(plain.header("X-Request-Id"));
        assertThat(Integer.parseInt(answer.header("Content-Length")))
            .isEqualTo(answer.body().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aHeldCallWhoseTagStillMatchesIs304WhenItRunsOut() {
        World.Member creator = world.creator();
        HandleSkills here = new HandleSkills(api, creator);
        here.create("crm-lookup");
        String cursor = here.list(null, null).get("cursor").asString();
        String path = "/v2/handles/" + creator.handle() + "/skills" + waitQuery(cursor, 1);
        String etag = api.get(path).token(creator.token()).send().header("ETag");

        Reply reply = api.get(path).token(creator.token()).header("If-None-Match", etag).send();

        assertThat(reply.status()).isEqualTo(304);
        assertThat(reply.header("ETag")).isEqualTo(etag);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void aHeldCallOfACallerWhoLosesAccessIsAnsweredWithTheRefusalWithinFiveSeconds() throws Exception {
        World.Member owner = world.creator();
        World.User reader = world.user();
        world.grant(owner.handle(), reader.id(), "CREATOR");
        String cursor = new HandleSkills(api, owner).list(null, null).get("cursor").asString();
        String path = "/v2/handles/" + owner.handle() + "/skills" + waitQuery(cursor, 60);
        CompletableFuture<Reply> held = CompletableFuture
            .supplyAsync(() -> second.api().get(path).token(reader.token()).send());
        Thread.sleep(700);
        assertThat(held).as("held").isNotDone();
        Reply removed = api.delete("/v2/handles/" + owner.handle() + "/members/" + reader.id())
            .token(world.adminToken())
            .send();
        assertThat(removed.status()).isEqualTo(204);

        Reply reply = held.get(5, TimeUnit.SECONDS);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error()).isEqualTo("insufficient_role");
    }

    @Test
    void waitOutsideOneToSixtySecondsIs400WithTheField() {
        HandleSkills skills = new HandleSkills(api, world.creator());
        String cursor = skills.list(null, null).get("cursor").asString();
        for (String wait : new String[] { "0", "61", "-1", "abc", "1.5" }) {
            Reply reply = skills.list("?since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) + "&wait=" + wait);
            assertThat(reply.status()).as("wait=%s", wait).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("invalid_request");
            assertThat(reply.json().get("details").get(0).get("field").asString()).isEqualTo("wait");
        }
    }

    @Test
    void anExpiredCursorIs410BeforeAnythingIsHeld() {
        HandleSkills mine = new HandleSkills(api, world.creator());
        HandleSkills other = new HandleSkills(api, world.creator());
        String foreign = other.list(null, null).get("cursor").asString();

        Reply reply = mine.list(waitQuery(foreign, 30));

        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.error()).isEqualTo("cursor_expired");
    }

    @Test
    void waitingClientsAreAnsweredWhenTheListeningConnectionIsKilled() throws Exception {
        World.Member creator = world.creator();
        HandleSkills here = new HandleSkills(api, creator);
        HandleSkills there = here.through(second.api());
        String cursor = here.list(null, null).get("cursor").asString();
        List<CompletableFuture<Reply>> waiting = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HandleSkills via = i % 2 == 0 ? there : here;
            waiting.add(CompletableFuture.supplyAsync(() -> via.list(waitQuery(cursor, 30))));
        }
        Thread.sleep(500);

        long killed = Rows.count(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE application_name = ? AND datname = current_database()",
                HandleChangeNotifications.APPLICATION_NAME);
        here.create("crm-lookup");

        assertThat(killed).as("listening connections, one per instance").isEqualTo(2);
        for (CompletableFuture<Reply> each : waiting) {
            JsonNode answer = each.get(15, TimeUnit.SECONDS).json();
            assertThat(answer.get("skills").get(0).get("skillKey").asString()).isEqualTo("crm-lookup");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (listeners() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(listeners()).as("both instances listen again").isEqualTo(2);
    }

    /**
     * A client answered with a change comes back at once at its new cursor, which the
     * instance knows from the notification, and is held without a query. A change whose
     * notification never comes still reaches it: the sweep reads the counters.
     */
    @Test
    void aCallHeldAtTheLatestNotifiedCursorIsStillAnsweredByAChangeWhoseNotificationIsLost() throws Exception {
        World.Member creator = world.creator();
        HandleSkills here = new HandleSkills(api, creator);
        HandleSkills there = here.through(second.api());
        String start = here.list(null, null).get("cursor").asString();
        CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() -> there.list(waitQuery(start, 30)));
        Thread.sleep(300);
        here.create("crm-lookup");
        String notified = first.get(10, TimeUnit.SECONDS).json().get("cursor").asString();

        CompletableFuture<Reply> next = CompletableFuture.supplyAsync(() -> there.list(waitQuery(notified, 30)));
        Thread.sleep(300);
        // a committed change without its NOTIFY, as when the listening connection misses
        // it; the counter and the skill in one statement, as a write commits them
        // together
        // (a sweep between two statements would read the counter without the skill)
        long handleId = Rows.handleId(creator.handle());
        Rows.update("WITH stamp AS (UPDATE handles SET change_seq = change_seq + 1 WHERE id = ? RETURNING change_seq)"
                + " UPDATE skills SET title = 'Renamed', change_seq = (SELECT change_seq FROM stamp)"
                + " WHERE handle_id = ? AND skill_key = 'crm-lookup'", handleId, handleId);

        JsonNode answer = next.get(10, TimeUnit.SECONDS).json();
        assertThat(answer.get("skills")).hasSize(1);
        assertThat(answer.get("skills").get(0).get("title").asString()).isEqualTo("Renamed");
        assertThat(answer.get("cursor").asString()).isNotEqualTo(notified);
    }

    private static long listeners() {
        return Rows.count(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?"
                        + " AND datname = current_database() AND query LIKE 'LISTEN%'",
                HandleChangeNotifications.APPLICATION_NAME);
    }

}
