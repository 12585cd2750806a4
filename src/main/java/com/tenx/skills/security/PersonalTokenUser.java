package com.tenx.skills.security;

import java.util.Set;
import java.util.UUID;

/**
 * The caller of a {@code /v2/public/...} route, authenticated by a personal access token:
 * the token's creator, the one handle it was made for, and what it may do there. It never
 * acts with more than its creator's current role on that handle, which the access check
 * reads per request.
 */
public record PersonalTokenUser(UUID userId, String tokenId, long handleId, Set<Scope> scopes) {

    public PersonalTokenUser {
        scopes = Set.copyOf(scopes);
    }

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }

}
