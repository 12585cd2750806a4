package com.tenx.skills.skill;

import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.HandleRoute;
import com.tenx.skills.identity.Role;
import com.tenx.skills.security.Scope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The list as importing clients sync it: {@code ?since=<cursor>} for what changed, and
 * {@code ?limit=N} pages of either form, read from the database.
 */
@RestController
@RequestMapping({ "/v2/handles/{handle}/skills", "/v2/public/handles/{handle}/skills" })
class SyncController {

    private final SkillQueries queries;

    SyncController(SkillQueries queries) {
        this.queries = queries;
    }

    @GetMapping(params = "since")
    @HandleRoute(value = Role.CREATOR, scope = Scope.SKILLS_READ)
    ResponseEntity<SkillList> changes(HandleGrant grant, @RequestParam(required = false) String since,
            @RequestParam(required = false) Integer limit,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        if (ifNoneMatch != null) {
            String current = queries.currentListEtag(grant, since, limit);
            if (ETags.matchesWeakly(ifNoneMatch, current)) {
                return ETags.notModified(current);
            }
        }
        return answer(queries.list(grant, since, limit), null);
    }

    /**
     * The answer to a {@code ?since=} call that read {@code list}; also what a held one
     * ({@link PushController}) answers.
     */
    static ResponseEntity<SkillList> answer(SkillList list, String ifNoneMatch) {
        if (ETags.matchesWeakly(ifNoneMatch, list.etag())) {
            return ETags.notModified(list.etag());
        }
        return ResponseEntity.ok().eTag(list.etag()).cacheControl(ETags.REVALIDATE).body(list);
    }

    @GetMapping(params = { "limit", "!since" })
    @HandleRoute(value = Role.CREATOR, scope = Scope.SKILLS_READ)
    ResponseEntity<SkillList> page(HandleGrant grant, @RequestParam(required = false) Integer limit,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return changes(grant, null, limit, ifNoneMatch);
    }

}
