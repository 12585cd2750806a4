package com.tenx.skills.token;

import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.HandleRoute;
import com.tenx.skills.identity.Role;
import com.tenx.skills.web.JsonBodyReader;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2/handles/{handle}/tokens}: a member's personal access tokens on a handle,
 * managed with a control-plane access token (a personal access token cannot make or
 * revoke tokens).
 */
@RestController
@RequestMapping("/v2/handles/{handle}/tokens")
class PersonalTokenController {

    private final PersonalTokenService tokens;

    private final JsonBodyReader bodies;

    PersonalTokenController(PersonalTokenService tokens, JsonBodyReader bodies) {
        this.tokens = tokens;
        this.bodies = bodies;
    }

    @PostMapping
    @HandleRoute(Role.CREATOR)
    ResponseEntity<CreatedAnswer> create(HandleGrant grant, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        PersonalTokenService.Created created = tokens.create(grant,
                bodies.read(body, contentType, PersonalTokenService.NewToken.class));
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedAnswer(true, created.token(), created.info()));
    }

    @GetMapping
    @HandleRoute(Role.CREATOR)
    TokenList list(HandleGrant grant) {
        return new TokenList(tokens.list(grant));
    }

    @DeleteMapping("/{tokenId}")
    @HandleRoute(Role.CREATOR)
    ResponseEntity<Void> revoke(HandleGrant grant, @PathVariable String tokenId) {
        tokens.revoke(grant, tokenId);
        return ResponseEntity.noContent().build();
    }

    record CreatedAnswer(boolean ok, String token, TokenInfo tokenInfo) {
    }

    record TokenList(List<TokenInfo> tokens) {
    }

}
