package com.tenx.skills.skill;

import com.tenx.skills.identity.HandleGrant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * A {@code ?since=&wait=} request held until a change after its cursor; answered exactly
 * as the plain {@code ?since=} call would be, then or at its time-out.
 */
final class HeldList extends ChangeWaiters.Waiter {

    private final Integer limit;

    private final String ifNoneMatch;

    private final SkillQueries queries;

    final DeferredResult<ResponseEntity<SkillList>> result;

    HeldList(HandleGrant grant, String since, Integer limit, String ifNoneMatch, long readAt, SkillQueries queries,
            long timeoutMillis) {
        super(grant, since, readAt);
        this.limit = limit;
        this.ifNoneMatch = ifNoneMatch;
        this.queries = queries;
        this.result = new DeferredResult<>(timeoutMillis);
    }

    @Override
    Integer limit() {
        return limit;
    }

    @Override
    boolean deliver(SkillList changes, String from) {
        result.setResult(SyncController.answer(changes, ifNoneMatch));
        return true;
    }

    @Override
    void fail(RuntimeException e) {
        result.setErrorResult(e);
    }

    @Override
    void finish() {
        if (result.isSetOrExpired()) {
            return;
        }
        try {
            result.setResult(SyncController.answer(queries.list(grant, since, limit), ifNoneMatch));
        }
        catch (RuntimeException e) {
            result.setErrorResult(e);
        }
    }

}
