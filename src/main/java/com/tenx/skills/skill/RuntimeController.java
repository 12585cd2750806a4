package com.tenx.skills.skill;

import com.tenx.skills.web.JsonBodyReader;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.HandleRoute;
import com.tenx.skills.identity.Role;
import com.tenx.skills.security.Scope;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The container a skill runs in: {@code PUT} and {@code GET .../{skillKey}/runtime}. */
@RestController
@RequestMapping({ "/v2/handles/{handle}/skills/{skillKey}/runtime",
        "/v2/public/handles/{handle}/skills/{skillKey}/runtime" })
class RuntimeController {

    private final SkillService skills;

    private final SkillQueries queries;

    private final JsonBodyReader bodies;

    RuntimeController(SkillService skills, SkillQueries queries, JsonBodyReader bodies) {
        this.skills = skills;
        this.queries = queries;
        this.bodies = bodies;
    }

    @PutMapping
    @HandleRoute(value = Role.CREATOR, feature = SkillController.GROWTH_TOOLS, scope = Scope.SKILLS_WRITE)
    RuntimeAnswer put(HandleGrant grant, @PathVariable String skillKey, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        String key = SkillKeys.parse(skillKey);
        RuntimeSpec spec = bodies.read(body, contentType, RuntimeBody.class).spec();
        RuntimeView runtime = skills.putRuntime(grant, key, spec, new Preconditions(ifMatch, null), dryRun);
        return new RuntimeAnswer(true, runtime, dryRun ? Boolean.TRUE : null);
    }

    @GetMapping
    @HandleRoute(value = Role.CREATOR, scope = Scope.SKILLS_READ)
    RuntimeView get(HandleGrant grant, @PathVariable String skillKey) {
        return queries.runtime(grant, SkillKeys.parse(skillKey));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RuntimeAnswer(boolean ok, RuntimeView runtime, Boolean dryRun) {
    }

}
