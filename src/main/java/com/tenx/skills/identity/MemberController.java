package com.tenx.skills.identity;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.text.Ascii;
import com.tenx.skills.web.JsonBodyReader;
import com.tenx.skills.web.JsonFields;
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
        JsonFields fields = JsonFields.of(bodies.read(body, contentType));
        String requested = fields.string("role", true);
        fields.throwProblems(ErrorCode.INVALID_REQUEST);
        Role role = memberships.put(grant, userId, requested);
        return new MemberResponse(true, new MemberView(Ascii.lowerCase(userId), grant.handle(), role));
    }

    @DeleteMapping
    @HandleRoute(value = Role.ADMIN, platformAdmin = true)
    ResponseEntity<Void> delete(HandleGrant grant, @PathVariable String userId) {
        memberships.delete(grant, userId);
        return ResponseEntity.noContent().build();
    }

    record MemberView(String userId, String handle, Role role) {
    }

    record MemberResponse(boolean ok, MemberView member) {
    }

}
