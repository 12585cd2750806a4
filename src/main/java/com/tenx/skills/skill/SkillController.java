package com.tenx.skills.skill;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.InvalidInput;
import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.HandleRoute;
import com.tenx.skills.identity.Role;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The skill routes of a handle. Access (role, then feature) is checked by
 * {@link HandleRoute} before anything here runs; then the key, then the body, then the
 * service.
 */
@RestController
@RequestMapping("/v2/handles/{handle}/skills")
class SkillController {

    static final String GROWTH_TOOLS = "growth_tools";

    /**
     * Reads that carry an ETag may be kept by the client, but only used after
     * revalidating.
     */
    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

    private static final Pattern VERSION = Pattern.compile("v[0-9]{1,19}");

    private final SkillService skills;

    private final SkillReads reads;

    private final SkillCatalog catalog;

    private final VersionReads versions;

    private final MetadataRules metadataRules;

    private final RuntimeRules runtimeRules;

    private final JsonBodies bodies;

    SkillController(SkillService skills, SkillReads reads, SkillCatalog catalog, VersionReads versions,
            MetadataRules metadataRules, RuntimeRules runtimeRules, JsonBodies bodies) {
        this.skills = skills;
        this.reads = reads;
        this.catalog = catalog;
        this.versions = versions;
        this.metadataRules = metadataRules;
        this.runtimeRules = runtimeRules;
        this.bodies = bodies;
    }

    @GetMapping
    @HandleRoute(Role.CREATOR)
    ResponseEntity<?> list(HandleGrant grant, @RequestParam(required = false) String since,
            @RequestParam(required = false) Integer limit,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        if (since == null && limit == null) {
            return answer(catalog.current(grant).list(), ifNoneMatch);
        }
        if (ifNoneMatch != null) {
            String current = reads.currentListEtag(grant, since, limit);
            if (ETags.matches(ifNoneMatch, current)) {
                return notModified(current);
            }
        }
        SkillList list = reads.list(grant, since, limit);
        return ResponseEntity.ok().eTag(list.etag()).cacheControl(REVALIDATE).body(list);
    }

    @GetMapping("/{skillKey}")
    @HandleRoute(Role.CREATOR)
    ResponseEntity<byte[]> get(HandleGrant grant, @PathVariable String skillKey,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        String key = SkillKey.parse(skillKey);
        SkillCatalog.Body skill = catalog.current(grant).skills().get(key);
        if (skill == null) {
            throw new SkillNotFound();
        }
        return answer(skill, ifNoneMatch);
    }

    private static ResponseEntity<byte[]> answer(SkillCatalog.Body body, String ifNoneMatch) {
        if (ETags.matches(ifNoneMatch, body.etag())) {
            return notModified(body.etag());
        }
        return ResponseEntity.ok()
            .eTag(body.etag())
            .cacheControl(REVALIDATE)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body.json());
    }

    private static <T> ResponseEntity<T> notModified(String etag) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(REVALIDATE).build();
    }

    @PutMapping("/{skillKey}")
    @HandleRoute(value = Role.CREATOR, feature = GROWTH_TOOLS)
    ResponseEntity<PutAnswer> put(HandleGrant grant, @PathVariable String skillKey,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        String key = SkillKey.parse(skillKey);
        SkillMetadata metadata = metadataRules.parse(bodies.read(body, contentType));
        SkillService.PutResult result = skills.putMetadata(grant, key, metadata,
                new Preconditions(ifMatch, ifNoneMatch), dryRun);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .body(new PutAnswer(true, result.skillKey(), result.status().name(), dryRun ? Boolean.TRUE : null));
    }

    @PutMapping("/{skillKey}/runtime")
    @HandleRoute(value = Role.CREATOR, feature = GROWTH_TOOLS)
    RuntimeAnswer putRuntime(HandleGrant grant, @PathVariable String skillKey,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        String key = SkillKey.parse(skillKey);
        RuntimeSpec spec = runtimeRules.parse(bodies.read(body, contentType));
        RuntimeView runtime = skills.putRuntime(grant, key, spec, new Preconditions(ifMatch, null), dryRun);
        return new RuntimeAnswer(true, runtime, dryRun ? Boolean.TRUE : null);
    }

    @GetMapping("/{skillKey}/runtime")
    @HandleRoute(Role.CREATOR)
    RuntimeView getRuntime(HandleGrant grant, @PathVariable String skillKey) {
        return reads.runtime(grant, SkillKey.parse(skillKey));
    }

    @PostMapping("/{skillKey}/publish")
    @HandleRoute(value = Role.CREATOR, feature = GROWTH_TOOLS)
    PublishAnswer publish(HandleGrant grant, @PathVariable String skillKey, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        String key = SkillKey.parse(skillKey);
        String fromVersion = fromVersion(bodies.read(body, contentType));
        SkillService.Published published = skills.publish(grant, key, fromVersion, new Preconditions(ifMatch, null),
                dryRun);
        return new PublishAnswer(true, published.skillKey(), published.version(), published.fromVersion(),
                dryRun ? Boolean.TRUE : null);
    }

    @DeleteMapping("/{skillKey}")
    @HandleRoute(Role.CREATOR)
    ResponseEntity<Void> delete(HandleGrant grant, @PathVariable String skillKey,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        skills.delete(grant, SkillKey.parse(skillKey), new Preconditions(ifMatch, null), dryRun);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{skillKey}/versions")
    @HandleRoute(Role.CREATOR)
    VersionList versions(HandleGrant grant, @PathVariable String skillKey) {
        return new VersionList(versions.list(grant, SkillKey.parse(skillKey)));
    }

    @GetMapping("/{skillKey}/versions/{version}")
    @HandleRoute(Role.CREATOR)
    VersionReads.VersionDetail version(HandleGrant grant, @PathVariable String skillKey, @PathVariable String version) {
        return versions.one(grant, SkillKey.parse(skillKey), version);
    }

    private static String fromVersion(JsonNode body) {
        if (body == null) {
            return null;
        }
        if (!body.isObject()) {
            throw new InvalidInput(ErrorCode.INVALID_REQUEST, "The request body must be a JSON object.");
        }
        JsonNode from = body.get("fromVersion");
        if (from == null || from.isNull()) {
            return null;
        }
        if (!from.isString() || !VERSION.matcher(from.stringValue()).matches()) {
            throw InvalidInput.field(ErrorCode.INVALID_REQUEST, "fromVersion",
                    "must be a version such as v1770000000000");
        }
        return from.stringValue();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PutAnswer(boolean ok, String skillKey, String status, Boolean dryRun) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RuntimeAnswer(boolean ok, RuntimeView runtime, Boolean dryRun) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PublishAnswer(boolean ok, String skillKey, String version, String fromVersion, Boolean dryRun) {
    }

    record VersionList(List<VersionReads.VersionSummary> versions) {
    }

}
