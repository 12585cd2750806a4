package com.tenx.skills.identity;

import com.tenx.skills.text.Ascii;
import com.tenx.skills.web.JsonBodyReader;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v2/handles/{handle}/members/{userId}")
class MemberController {

    private final MembershipService memberships;

    private final JsonBodyReader bodies;

    MemberController(MembershipService memberships, JsonBodyReader bodies) {
        this.memberships = memberships;
        this.bodies = bodies;
    }

    @PutMapping
    @HandleRoute(value = Role.ADMIN, platformAdmin = true)
    MemberResponse put(HandleGrant grant, @PathVariable String userId, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        Role role = memberships.put(grant, userId, bodies.read(body, contentType, RoleBody.class).role());
        return new MemberResponse(true, new MemberView(Ascii.lowerCase(userId), grant.handle(), role));
    }

    @DeleteMapping
    @HandleRoute(value = Role.ADMIN, platformAdmin = true)
    ResponseEntity<Void> delete(HandleGrant grant, @PathVariable String userId) {
        memberships.delete(grant, userId);
        return ResponseEntity.noContent().build();
    }

    /** A membership PUT body: the role to give. */
    record RoleBody(@NotNull(message = JsonBodyReader.REQUIRED) Role role) {
    }

    record MemberView(String userId, String handle, Role role) {
    }

    record MemberResponse(boolean ok, MemberView member) {
    }

}
