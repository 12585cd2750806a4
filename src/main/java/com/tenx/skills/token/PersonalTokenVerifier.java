package com.tenx.skills.token;

import com.tenx.skills.security.PersonalTokenUser;
import com.tenx.skills.security.PersonalTokens;
import com.tenx.skills.security.Scope;
import com.tenx.skills.security.TokenRejected;
import com.tenx.skills.text.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Verifies a personal access token on every request: its shape and checksum first (no
 * look-up for a typo or a forgery), then its row by token id, the SHA-256 of the
 * presented token compared with the stored one in constant time, then its expiry. A
 * revoked token has no row, so revocation holds on every instance from the next request
 * on. A use is recorded in {@code lastUsedAt} at most once a minute.
 */
@Component
class PersonalTokenVerifier implements PersonalTokens {

    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final TokenStore store;

    private final Clock clock;

    PersonalTokenVerifier(TokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public PersonalTokenUser verify(String token) {
        String id = TokenFormat.idOf(token);
        if (id == null) {
            throw TokenRejected.invalidPersonalToken();
        }
        TokenStore.Stored stored = store.find(id).orElseThrow(TokenRejected::invalidPersonalToken);
        byte[] presented = Sha256.hex(token.getBytes(StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(presented, stored.hash().getBytes(StandardCharsets.US_ASCII))) {
            throw TokenRejected.invalidPersonalToken();
        }
        Instant now = clock.instant();
        if (!now.isBefore(stored.expiresAt())) {
            throw TokenRejected.expiredPersonalToken();
        }
        Instant notSince = now.minus(LAST_USED_GRANULARITY);
        if (stored.lastUsedAt() == null || stored.lastUsedAt().isBefore(notSince)) {
            store.touch(id, now, notSince);
        }
        return new PersonalTokenUser(stored.createdBy(), id, stored.handleId(), scopes(stored));
    }

    @Override
    public boolean stillValid(String tokenId) {
        return store.find(tokenId).filter(stored -> clock.instant().isBefore(stored.expiresAt())).isPresent();
    }

    private static Set<Scope> scopes(TokenStore.Stored stored) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : stored.scopes()) {
            Set<Scope> named = Scope.named(name);
            if (named != null) {
                scopes.addAll(named);
            }
        }
        return scopes;
    }

}
