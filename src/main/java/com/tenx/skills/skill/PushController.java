package com.tenx.skills.skill;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.InvalidInput;
import com.tenx.skills.identity.HandleChangeCounter;
import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.HandleRoute;
import com.tenx.skills.security.Scope;
import com.tenx.skills.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Push sync: {@code ?since=&wait=} holds the call until a change after the cursor commits
 * on any instance (or {@code wait} seconds pass), and {@code /events} streams every
 * change as a server-sent event. Both read exactly what {@code ?since=} reads; the cursor
 * is checked, and answered {@code 400}/{@code 410}, before anything is held.
 */
@RestController
@RequestMapping({ "/v2/handles/{handle}/skills", "/v2/public/handles/{handle}/skills" })
class PushController {

    static final int MAX_WAIT_SECONDS = 60;

    private final SkillQueries queries;

    private final HandleChangeCounter counter;

    private final ChangeWaiters waiters;

    private final JsonMapper json;

    private final HeldListAnswers answers;

    private final Duration streamTimeout;

    PushController(SkillQueries queries, HandleChangeCounter counter, ChangeWaiters waiters, JsonMapper json,
            HeldListAnswers answers, @Value("${skills.push.stream-timeout:PT30M}") Duration streamTimeout) {
        this.queries = queries;
        this.counter = counter;
        this.waiters = waiters;
        this.json = json;
        this.answers = answers;
        this.streamTimeout = streamTimeout;
    }

    /**
     * Answers at once when there are changes after the cursor; otherwise holds the
     * request (answering {@code null} to Spring MVC, which then leaves the response
     * alone) until {@link ChangeWaiters} reads a change for it or {@code wait} runs out.
     */
    @GetMapping(params = { "since", "wait" })
    @HandleRoute(value = Role.CREATOR, scope = Scope.SKILLS_READ)
    ResponseEntity<SkillList> waitForChanges(HandleGrant grant, @RequestParam String since,
            @RequestParam(required = false) Integer limit, @RequestParam("wait") String wait,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletRequest request, HttpServletResponse response) {
        Duration holdFor = Duration.ofSeconds(waitSeconds(wait));
        SyncCursor cursor = SyncCursor.decode(since);
        long readAt;
        if (current(cursor, grant.handleId(), limit) && (waiters.knownAt(grant.handleId(), cursor.seq())
                || cursor.seq() == counter.committed(grant.handleId()))) {
            // Nothing committed after the cursor, so there is nothing to read before
            // holding. A client answered with a change comes straight back at its new
            // cursor: known from the notification, that costs no query.
            readAt = cursor.seq();
        }
        else {
            SkillList now = queries.list(grant, since, limit);
            if (ChangeWaiters.hasChanges(now) || now.nextCursor() != null || waiters.closed()) {
                return SyncController.answer(now, ifNoneMatch);
            }
            readAt = now.asOf();
        }
        // Set before the security headers are written, as for an answer given at once.
        response.setHeader(HttpHeaders.CACHE_CONTROL, ETags.REVALIDATE_HEADER);
        new HeldList(grant, since, limit, ifNoneMatch, readAt, queries, answers, waiters, request, response)
            .holdFor(holdFor);
        return null;
    }

    @GetMapping("/events")
    @HandleRoute(value = Role.CREATOR, scope = Scope.SKILLS_READ)
    SseEmitter events(HandleGrant grant, @RequestParam(required = false) String since,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        if (since != null) {
            // Refused when malformed even where Last-Event-ID takes over, as ?since=
            // always is.
            SyncCursor.decode(since);
        }
        String from = lastEventId != null && !lastEventId.isBlank() ? lastEventId.strip() : since;
        if (from == null || SyncCursor.decode(from).isPage()) {
            throw InvalidInput.field(ErrorCode.INVALID_CURSOR, "since", "must be a cursor from a list answer");
        }
        SkillList first = queries.list(grant, from, null);
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        SkillEvents.Stream stream = new SkillEvents.Stream(grant, from, first.asOf(), emitter, json);
        Runnable ended = () -> {
            stream.ended();
            waiters.release(stream);
        };
        emitter.onCompletion(ended);
        emitter.onTimeout(ended);
        emitter.onError(e -> ended.run());
        if (ChangeWaiters.hasChanges(first)) {
            stream.deliver(first, from);
        }
        if (waiters.closed()) {
            stream.finish();
        }
        else {
            waiters.hold(stream);
        }
        return emitter;
    }

    /**
     * Whether the cursor may be held as it is, without a read, if the handle's counter
     * stands at it: a position (not a page) on this handle, a valid limit, and not
     * shutting down.
     */
    private boolean current(SyncCursor cursor, long handleId, Integer limit) {
        return !cursor.isPage() && cursor.handleId() == handleId
                && (limit == null || limit >= 1 && limit <= SkillQueries.MAX_LIMIT) && !waiters.closed();
    }

    private static int waitSeconds(String wait) {
        try {
            int seconds = Integer.parseInt(wait);
            if (seconds >= 1 && seconds <= MAX_WAIT_SECONDS) {
                return seconds;
            }
        }
        catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInput.field(ErrorCode.INVALID_REQUEST, "wait",
                "must be a whole number of seconds from 1 to " + MAX_WAIT_SECONDS);
    }

}
