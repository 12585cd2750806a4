package com.tenx.skills.skill;

import com.tenx.skills.identity.HandleGrant;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event stream of a handle's skills: each change after the cursor is one event whose
 * {@code id} is the cursor after it, so {@code Last-Event-ID} resumes exactly there.
 */
final class SkillEvents {

    static final String CHANGED = "skill.changed";

    static final String DELETED = "skill.deleted";

    private SkillEvents() {
    }

    /** One open stream, held among the handle's waiters for as long as it lasts. */
    static final class Stream extends ChangeWaiters.Waiter {

        final SseEmitter emitter;

        private final JsonMapper json;

        private boolean ended;

        Stream(HandleGrant grant, String since, long readAt, SseEmitter emitter, JsonMapper json) {
            super(grant, since, readAt);
            this.emitter = emitter;
            this.json = json;
        }

        @Override
        boolean stream() {
            return true;
        }

        /**
         * Sends the changes, in the order they were made, if they were read from where
         * the stream stands; answers whether the stream is over.
         */
        @Override
        synchronized boolean deliver(SkillList changes, String from) {
            if (ended) {
                return true;
            }
            if (!from.equals(since)) {
                return false; // read from an older cursor: already sent
            }
            try {
                for (Change change : inOrder(changes)) {
                    emitter.send(SseEmitter.event()
                        .id(SyncCursor.sync(grant.handleId(), change.seq()).encode())
                        .name(change.event())
                        .data(json.writeValueAsString(change.data())));
                }
                since = changes.cursor();
                return false;
            }
            catch (IOException | IllegalStateException e) {
                ended = true;
                return true;
            }
        }

        /** A comment line that keeps proxies from closing an idle stream. */
        synchronized boolean keepAlive() {
            if (ended) {
                return false;
            }
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
                return true;
            }
            catch (IOException | IllegalStateException e) {
                ended = true;
                return false;
            }
        }

        @Override
        void fail(RuntimeException e) {
            finish();
        }

        @Override
        synchronized void finish() {
            if (!ended) {
                ended = true;
                emitter.complete();
            }
        }

        synchronized void ended() {
            ended = true;
        }

    }

    private record Change(long seq, String event, Object data) {
    }

    private static List<Change> inOrder(SkillList changes) {
        List<Change> all = new ArrayList<>();
        changes.skills().forEach(skill -> all.add(new Change(skill.changeSeq(), CHANGED, skill)));
        if (changes.deleted() != null) {
            changes.deleted().forEach(gone -> all.add(new Change(gone.changeSeq(), DELETED, gone)));
        }
        all.sort(Comparator.comparingLong(Change::seq));
        return all;
    }

}
