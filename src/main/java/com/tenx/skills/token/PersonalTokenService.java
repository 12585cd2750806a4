package com.tenx.skills.token;

import com.tenx.skills.error.AccessDenied;
import com.tenx.skills.error.Conflict;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.FieldProblem;
import com.tenx.skills.error.InvalidInput;
import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.Role;
import com.tenx.skills.security.Scope;
import com.tenx.skills.text.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    private final TokenStore store;

    private final Clock clock;

    PersonalTokenService(TokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The request of a new token, as the body gave it. */
    record NewToken(String name, List<String> scopes, Integer expiresInDays) {
    }

    /** A created token: the full token, shown this once, and its description. */
    record Created(String token, TokenInfo info) {
    }

    @Transactional
    Created create(HandleGrant grant, NewToken request) {
        String name = validName(request);
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

    private static String validName(NewToken request) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_NAME_CHARS) {
            problems.add(new FieldProblem("name", "must be 1 to " + MAX_NAME_CHARS + " characters"));
        }
        else if (name.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("name", "must not contain control characters"));
        }
        Integer days = request.expiresInDays();
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            problems.add(new FieldProblem("expiresInDays", "must be from 1 to " + MAX_DAYS));
        }
        if (request.scopes() == null || request.scopes().isEmpty()) {
            problems.add(new FieldProblem("scopes", "must name at least one scope: " + Scope.known()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(ErrorCode.INVALID_REQUEST, "The token request is not valid.", problems);
        }
        return name;
    }

    private static String shortened(String text) {
        return text == null || text.length() <= 64 ? String.valueOf(text) : text.substring(0, 64) + "...";
    }

    private static List<String> validScopes(List<String> requested) {
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
