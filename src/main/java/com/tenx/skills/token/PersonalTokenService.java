package com.tenx.skills.token;

import com.tenx.skills.error.AccessDenied;
import com.tenx.skills.error.Conflict;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.InvalidInput;
import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.Role;
import com.tenx.skills.security.Scope;
import com.tenx.skills.text.CodePoints;
import com.tenx.skills.text.Sha256;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.constraints.Range;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists and revokes a handle's personal access tokens. Any CREATOR+ may create
 * tokens for themself on the handle, with any of the skill scopes (all of which a CREATOR
 * may use); a token's power is still bounded by its creator's role at each request.
 */
@Service
class PersonalTokenService {

    static final int MAX_NAME_CHARS = 100;

    static final int DEFAULT_DAYS = 90;

    static final int MAX_DAYS = 366;

    /** More scopes than there are is a mistake, whatever they are. */
    static final int MAX_SCOPES = 16;

    private final TokenStore store;

    private final Clock clock;

    PersonalTokenService(TokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The request of a new token, as the body gave it: a name of 1 to 100 characters
     * after trimming, without control characters; a lifetime of 1 to 366 days (90 when
     * absent); the scopes, which {@link #create} checks against the known ones.
     */
    record NewToken(
            @CodePoints(min = 1, max = MAX_NAME_CHARS, message = "must be 1 to {max} characters") @Pattern(
                    regexp = "[^\\x00-\\x1F\\x7F-\\x9F]*", message = "must not contain control characters") String name,
            @Size(max = MAX_SCOPES, message = "must have at most {max} items") List<String> scopes,
            @Range(min = 1, max = MAX_DAYS) Integer expiresInDays) {

        NewToken {
            name = name == null ? "" : name.strip();
        }
    }

    /** A created token: the full token, shown this once, and its description. */
    record Created(String token, TokenInfo info) {
    }

    @Transactional
    Created create(HandleGrant grant, NewToken request) {
        String name = request.name();
        List<String> scopes = validScopes(request.scopes());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int days = request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays();
        TokenFormat.Minted minted = TokenFormat.mint();
        TokenStore.Stored token = new TokenStore.Stored(minted.tokenId(), grant.handleId(), grant.userId(), name,
                scopes, Sha256.hex(minted.token().getBytes(StandardCharsets.US_ASCII)), now,
                now.plus(Duration.ofDays(days)), null);
        if (!store.insertUnlessNameTaken(token, now)) {
            throw Conflict.of("You already have a token named '" + name + "' on this handle.");
        }
        return new Created(minted.token(), token.info());
    }

    /** The caller's tokens on the handle; an ADMIN or OWNER sees everyone's. */
    @Transactional(readOnly = true)
    List<TokenInfo> list(HandleGrant grant) {
        return store.list(grant.handleId(), grant.mayActAs(Role.ADMIN) ? null : grant.userId())
            .stream()
            .map(TokenStore.Stored::info)
            .toList();
    }

    /**
     * Revokes a token of the handle: its creator or an ADMIN+ may. An unknown (or already
     * revoked) token is no error.
     */
    @Transactional
    void revoke(HandleGrant grant, String tokenId) {
        store.find(tokenId).filter(token -> token.handleId() == grant.handleId()).ifPresent(token -> {
            if (!token.createdBy().equals(grant.userId()) && !grant.mayActAs(Role.ADMIN)) {
                throw AccessDenied.insufficientRole();
            }
            store.delete(tokenId);
        });
    }

    private static String shortened(String text) {
        return text == null || text.length() <= 64 ? String.valueOf(text) : text.substring(0, 64) + "...";
    }

    private static List<String> validScopes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw InvalidInput.field(ErrorCode.INVALID_REQUEST, "scopes",
                    "must name at least one scope: " + Scope.known());
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : requested) {
            if (scope == null || Scope.named(scope) == null) {
                throw InvalidInput.field(ErrorCode.INVALID_SCOPE, "scopes",
                        "unknown scope '" + shortened(scope) + "'; the known scopes are " + Scope.known());
            }
            scopes.add(scope);
        }
        return List.copyOf(scopes);
    }

}
