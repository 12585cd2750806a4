package com.tenx.skills.skill;

import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.web.FirstDispatch;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.Future;
import org.springframework.http.ResponseEntity;

/**
 * A {@code ?since=&wait=} request held until a change after its cursor; answered exactly
 * as the plain {@code ?since=} call would be, then or at its time-out.
 * <p>
 * The answer is written straight onto the held response by the thread that read the
 * change, with the body rendered once for every request waiting at the same cursor: no
 * second pass through the filters and Spring MVC, so a change reaches a thousand waiting
 * clients in milliseconds. Exactly one answer is written, and never before the request's
 * first dispatch has left the filters ({@link FirstDispatch}).
 */
final class HeldList extends ChangeWaiters.Waiter implements AsyncListener {

    private final Integer limit;

    private final String ifNoneMatch;

    private final SkillQueries queries;

    private final HeldListAnswers answers;

    private final ChangeWaiters waiters;

    private final AsyncContext context;

    private volatile Future<?> expiry;

    /** The answer is decided; only the first one counts. */
    private boolean answered;

    /** The first dispatch has left the filters: the response may be written. */
    private boolean writable;

    /** The answer decided before the response could be written. */
    private Runnable pending;

    HeldList(HandleGrant grant, String since, Integer limit, String ifNoneMatch, long readAt, SkillQueries queries,
            HeldListAnswers answers, ChangeWaiters waiters, HttpServletRequest request, HttpServletResponse response) {
        super(grant, since, readAt);
        this.limit = limit;
        this.ifNoneMatch = ifNoneMatch;
        this.queries = queries;
        this.answers = answers;
        this.waiters = waiters;
        this.context = request.startAsync(request, response);
        this.context.addListener(this);
        FirstDispatch.onEnd(request, this::writable);
    }

    /**
     * Holds the request among the handle's waiters for at most {@code wait}; the
     * container's own time-out is only a backstop behind it.
     */
    void holdFor(Duration wait) {
        context.setTimeout(wait.toMillis() + 10_000);
        waiters.hold(this);
        expiry = waiters.schedule(() -> {
            waiters.release(this);
            finish();
        }, wait);
    }

    @Override
    Integer limit() {
        return limit;
    }

    @Override
    boolean deliver(SkillList changes, String from) {
        answerWith(changes);
        return true;
    }

    @Override
    void fail(RuntimeException e) {
        answer(() -> answers.write(context, e));
    }

    @Override
    void finish() {
        if (answered()) {
            return;
        }
        try {
            answerWith(queries.list(grant, since, limit));
        }
        catch (RuntimeException e) {
            fail(e);
        }
    }

    /** Answers as the plain {@code ?since=} call would with {@code list}. */
    private void answerWith(SkillList list) {
        ResponseEntity<SkillList> answer = SyncController.answer(list, ifNoneMatch);
        answer(() -> answers.write(context, answer, answer.hasBody() ? answers.body(list) : null));
    }

    private synchronized boolean answered() {
        return answered;
    }

    private void answer(Runnable write) {
        synchronized (this) {
            if (answered) {
                return;
            }
            answered = true;
            if (!writable) {
                pending = write;
                return;
            }
        }
        write.run();
    }

    private void writable() {
        Runnable write;
        synchronized (this) {
            writable = true;
            write = pending;
            pending = null;
        }
        if (write != null) {
            write.run();
        }
    }

    private void ended() {
        synchronized (this) {
            answered = true;
        }
        Future<?> timer = expiry;
        if (timer != null) {
            timer.cancel(false);
        }
        waiters.release(this);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        ended();
    }

    /** The container's time-out, a backstop behind the waiters' own. */
    @Override
    public void onTimeout(AsyncEvent event) {
        waiters.release(this);
        finish();
    }

    /** The client went away: nothing to answer. */
    @Override
    public void onError(AsyncEvent event) {
        ended();
        context.complete();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }

}
