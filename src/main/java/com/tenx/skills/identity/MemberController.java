package com.tenx.skills.identity;

import com.tenx.skills.text.Ascii;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v2/handles/{handle}/members/{userId}")
class MemberController {

    private final MembershipService memberships;

    MemberController(MembershipService memberships) {
        this.memberships = memberships;
    }

    @PutMapping
    @HandleRoute(value = Role.ADMIN, platformAdmin = true)
    MemberResponse put(HandleGrant grant, @PathVariable String userId, @Valid @RequestBody MemberBody body) {
        Role role = memberships.put(grant, userId, body.role());
        return new MemberResponse(true, new MemberView(Ascii.lowerCase(userId), grant.handle(), role));
    }

    @DeleteMapping
    @HandleRoute(value = Role.ADMIN, platformAdmin = true)
    ResponseEntity<Void> delete(HandleGrant grant, @PathVariable String userId) {
        memberships.delete(grant, userId);
        return ResponseEntity.noContent().build();
    }

    record MemberBody(@NotNull String role) {
    }

    record MemberView(String userId, String handle, Role role) {
    }

    record MemberResponse(boolean ok, MemberView member) {
    }

}
