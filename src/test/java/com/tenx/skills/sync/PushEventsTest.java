package com.tenx.skills.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Json;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.SecondServer;
import com.tenx.skills.support.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The event stream: changes made on either instance arrive as events in order,
 * {@code Last-Event-ID} resumes without loss or repetition, an expired cursor is refused
 * before the stream starts, and a caller who loses access is cut off within 5 s.
 */
class PushEventsTest extends ApiTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    @RegisterExtension
    static final SecondServer second = new SecondServer("--skills.push.heartbeat=PT1S");

    private static String events(World.Member member, String cursor) {
        return "/v2/handles/" + member.handle() + "/skills/events"
                + (cursor == null ? "" : "?since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    }

    @Test
    void changesOnEitherInstanceArriveInOrderAndLastEventIdResumesWithoutLossOrRepetition() throws Exception {
        World.Member creator = world.creator();
        HandleSkills here = new HandleSkills(api, creator);
        here.create("alpha");
        String cursor = here.list(null, null).get("cursor").asString();
        List<String> seen = new ArrayList<>();
        String resumeFrom;
        try (EventStream stream = EventStream.open(second.api().base(), events(creator, cursor), creator.token(),
                null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            // One write per event: a reader that comes after several writes gets each
            // skill once, in its latest state, as ?since= answers it.
            here.create("beta");
            EventStream.Event first = stream.next(SOON);
            here.put("alpha", "edited");
            EventStream.Event secondEvent = stream.next(SOON);
            here.delete("beta");
            EventStream.Event third = stream.next(SOON);
            assertThat(first.name()).isEqualTo("skill.changed");
            assertThat(Json.parse(first.data()).get("skillKey").asString()).isEqualTo("beta");
            assertThat(Json.parse(first.data()).get("title").asString()).isNotBlank();
            assertThat(secondEvent.name()).isEqualTo("skill.changed");
            assertThat(Json.parse(secondEvent.data()).get("description").asString()).isEqualTo("edited");
            assertThat(third.name()).isEqualTo("skill.deleted");
            JsonNode deleted = Json.parse(third.data());
            assertThat(deleted.get("skillKey").asString()).isEqualTo("beta");
            assertThat(deleted.has("deletedAt")).isTrue();
            assertThat(deleted.size()).isEqualTo(2);
            seen.add(first.id());
            seen.add(secondEvent.id());
            seen.add(third.id());
            resumeFrom = first.id();
        }
        assertThat(new HashSet<>(seen)).hasSize(3);

        here.create("gamma");
        try (EventStream resumed = EventStream.open(api.base(), events(creator, cursor), creator.token(), resumeFrom)) {
            EventStream.Event a = resumed.next(SOON);
            EventStream.Event b = resumed.next(SOON);
            assertThat(a.name() + " " + Json.parse(a.data()).get("skillKey").asString())
                .isEqualTo("skill.changed alpha");
            assertThat(b.name() + " " + Json.parse(b.data()).get("skillKey").asString())
                .isEqualTo("skill.deleted beta");
            assertThat(a.id()).isEqualTo(seen.get(1));
            assertThat(b.id()).isEqualTo(seen.get(2));
            EventStream.Event c = resumed.next(SOON);
            assertThat(Json.parse(c.data()).get("skillKey").asString()).isEqualTo("gamma");
            assertThat(resumed.next(Duration.ofMillis(500))).as("nothing more, nothing twice").isNull();
        }
    }

    @Test
    void anIdleStreamGetsKeepAliveComments() throws Exception {
        World.Member creator = world.creator();
        String cursor = new HandleSkills(api, creator).list(null, null).get("cursor").asString();
        try (EventStream stream = EventStream.open(second.api().base(), events(creator, cursor), creator.token(),
                null)) {
            assertThat(stream.nextComment(SOON)).isNotNull();
        }
    }

    @Test
    void anExpiredCursorIs410BeforeTheStreamStarts() {
        World.Member creator = world.creator();
        String foreign = new HandleSkills(api, world.creator()).list(null, null).get("cursor").asString();

        Reply reply = api.get(events(creator, foreign)).token(creator.token()).send();
        Reply none = api.get(events(creator, null)).token(creator.token()).send();

        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.error()).isEqualTo("cursor_expired");
        assertThat(none.status()).isEqualTo(400);
    }

    @Test
    void aCallerWhoLosesAccessIsCutOffWithinFiveSeconds() throws Exception {
        World.Member owner = world.creator();
        World.User reader = world.user();
        world.grant(owner.handle(), reader.id(), "CREATOR");
        String cursor = new HandleSkills(api, owner).list(null, null).get("cursor").asString();
        try (EventStream stream = EventStream.open(second.api().base(), events(owner, cursor), reader.token(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.endsWithin(Duration.ofSeconds(1))).isFalse();
            Reply removed = api.delete("/v2/handles/" + owner.handle() + "/members/" + reader.id())
                .token(world.adminToken())
                .send();
            assertThat(removed.status()).isEqualTo(204);
            long started = System.nanoTime();

            assertThat(stream.endsWithin(Duration.ofSeconds(5))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    static Set<String> keys(JsonNode list) {
        Set<String> keys = new HashSet<>();
        list.forEach(skill -> keys.add(skill.get("skillKey").asString()));
        return keys;
    }

}
