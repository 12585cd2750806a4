package com.tenx.skills.skill;

import com.tenx.skills.web.JsonBodyReader;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.HandleRoute;
import com.tenx.skills.identity.Role;
import com.tenx.skills.security.Scope;
import java.util.List;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Publishing a skill, rolling it back, and reading its published versions. */
@RestController
@RequestMapping({ "/v2/handles/{handle}/skills/{skillKey}", "/v2/public/handles/{handle}/skills/{skillKey}" })
class PublicationController {

    private final SkillService skills;

    private final VersionQueries versions;

    private final JsonBodyReader bodies;

    PublicationController(SkillService skills, VersionQueries versions, JsonBodyReader bodies) {
        this.skills = skills;
        this.versions = versions;
        this.bodies = bodies;
    }

    @PostMapping("/publish")
    @HandleRoute(value = Role.CREATOR, feature = SkillController.GROWTH_TOOLS, scope = Scope.SKILLS_PUBLISH)
    PublishAnswer publish(HandleGrant grant, @PathVariable String skillKey, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        String key = SkillKeys.parse(skillKey);
        String fromVersion = bodies.read(body, contentType, PublishBody.class).fromVersion();
        SkillService.Published published = skills.publish(grant, key, fromVersion, new Preconditions(ifMatch, null),
                dryRun);
        return new PublishAnswer(true, published.skillKey(), published.version(), published.fromVersion(),
                dryRun ? Boolean.TRUE : null);
    }

    @GetMapping("/versions")
    @HandleRoute(value = Role.CREATOR, scope = Scope.SKILLS_READ)
    VersionList versions(HandleGrant grant, @PathVariable String skillKey) {
        return new VersionList(versions.list(grant, SkillKeys.parse(skillKey)));
    }

    @GetMapping("/versions/{version}")
    @HandleRoute(value = Role.CREATOR, scope = Scope.SKILLS_READ)
    VersionQueries.VersionDetail version(HandleGrant grant, @PathVariable String skillKey,
            @PathVariable String version) {
        return versions.one(grant, SkillKeys.parse(skillKey), version);
    }

    /** A publish body: optionally the version to publish again (a rollback). */
    record PublishBody(@Pattern(regexp = "v[0-9]{1,19}",
            message = "must be a version such as v1770000000000") String fromVersion) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PublishAnswer(boolean ok, String skillKey, String version, String fromVersion, Boolean dryRun) {
    }

    record VersionList(List<VersionQueries.VersionSummary> versions) {
    }

}
