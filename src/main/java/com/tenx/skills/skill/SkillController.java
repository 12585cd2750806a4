package com.tenx.skills.skill;

import com.tenx.skills.web.JsonBodyReader;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.HandleRoute;
import com.tenx.skills.identity.Role;
import com.tenx.skills.security.Scope;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
    void list(HandleGrant grant, @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletResponse response) throws IOException {
        answer(renderings.current(grant).list(), ifNoneMatch, response);
    }

    @GetMapping("/{skillKey}")
    @HandleRoute(value = Role.CREATOR, scope = Scope.SKILLS_READ)
    void get(HandleGrant grant, @PathVariable String skillKey,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletResponse response) throws IOException {
        SkillRenderings.Body skill = renderings.current(grant).skills().get(SkillKeys.parse(skillKey));
        if (skill == null) {
            throw new SkillNotFound();
        }
        answer(skill, ifNoneMatch, response);
    }

    /**
     * A rendering written straight to the response: its bytes are ready, so nothing of
     * Spring MVC's return value handling (content negotiation, message converters, its
     * own conditional request check) has any work to do, and on the hottest routes it was
     * a tenth of the request's CPU. {@code If-None-Match} is compared weakly, as RFC 9110
     * asks (and as that check did).
     */
    private static void answer(SkillRenderings.Body body, String ifNoneMatch, HttpServletResponse response)
            throws IOException {
        response.setHeader(HttpHeaders.ETAG, body.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, ETags.REVALIDATE_HEADER);
        if (ETags.matchesWeakly(ifNoneMatch, body.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] json = body.json();
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
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
