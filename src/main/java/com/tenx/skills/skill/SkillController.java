package com.tenx.skills.skill;

import com.tenx.skills.web.JsonBodyReader;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.HandleRoute;
import com.tenx.skills.identity.Role;
import com.tenx.skills.security.Scope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A handle's skills as a resource: the full list and each skill, served from the
 * renderings in memory, and the metadata writes. Access (role, then feature) is checked
 * by {@link HandleRoute} before anything here runs; then the key, then the body, then the
 * service. The other skill routes are in {@link RuntimeController},
 * {@link PublicationController} and {@link SyncController}. Every skill route answers
 * under two prefixes: {@code /v2/handles/...} for control-plane access tokens and
 * {@code /v2/public/handles/...} for personal access tokens, which need the scope named
 * on the route's {@link HandleRoute}.
 */
@RestController
@RequestMapping({ "/v2/handles/{handle}/skills", "/v2/public/handles/{handle}/skills" })
class SkillController {

    static final String GROWTH_TOOLS = "growth_tools";

    private final SkillService skills;

    private final SkillRenderings renderings;

    private final JsonBodyReader bodies;

    SkillController(SkillService skills, SkillRenderings renderings, JsonBodyReader bodies) {
        this.skills = skills;
        this.renderings = renderings;
        this.bodies = bodies;
    }

    @GetMapping(params = { "!since", "!limit" })
    @HandleRoute(value = Role.CREATOR, scope = Scope.SKILLS_READ)
    ResponseEntity<byte[]> list(HandleGrant grant,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return answer(renderings.current(grant).list(), ifNoneMatch);
    }

    @GetMapping("/{skillKey}")
    @HandleRoute(value = Role.CREATOR, scope = Scope.SKILLS_READ)
    ResponseEntity<byte[]> get(HandleGrant grant, @PathVariable String skillKey,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        SkillRenderings.Body skill = renderings.current(grant).skills().get(SkillKeys.parse(skillKey));
        if (skill == null) {
            throw new SkillNotFound();
        }
        return answer(skill, ifNoneMatch);
    }

    private static ResponseEntity<byte[]> answer(SkillRenderings.Body body, String ifNoneMatch) {
        if (ETags.matches(ifNoneMatch, body.etag())) {
            return ETags.notModified(body.etag());
        }
        return ResponseEntity.ok()
            .eTag(body.etag())
            .cacheControl(ETags.REVALIDATE)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body.json());
    }

    @PutMapping("/{skillKey}")
    @HandleRoute(value = Role.CREATOR, feature = GROWTH_TOOLS, scope = Scope.SKILLS_WRITE)
    ResponseEntity<PutAnswer> put(HandleGrant grant, @PathVariable String skillKey,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        String key = SkillKeys.parse(skillKey);
        SkillMetadata parsed = bodies.read(body, contentType, MetadataBody.class).metadata();
        SkillService.PutResult result = skills.putMetadata(grant, key, parsed, new Preconditions(ifMatch, ifNoneMatch),
                dryRun);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .body(new PutAnswer(true, result.skillKey(), result.status().name(), dryRun ? Boolean.TRUE : null));
    }

    @DeleteMapping("/{skillKey}")
    @HandleRoute(value = Role.CREATOR, scope = Scope.SKILLS_WRITE)
    ResponseEntity<Void> delete(HandleGrant grant, @PathVariable String skillKey,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        skills.delete(grant, SkillKeys.parse(skillKey), new Preconditions(ifMatch, null), dryRun);
        return ResponseEntity.noContent().build();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PutAnswer(boolean ok, String skillKey, String status, Boolean dryRun) {
    }

}
