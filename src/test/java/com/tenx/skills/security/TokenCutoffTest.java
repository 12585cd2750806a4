package com.tenx.skills.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tenx.skills.support.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A user's token cut-off, as a password change sets it, against {@code iat}, which has
 * second resolution: tokens issued before the change are refused, tokens issued after it
 * in the same second are not.
 */
class TokenCutoffTest {

    /** A change at 10:30:00.300 cuts off at 10:30:01, the next whole second. */
    private static final Instant CHANGE = Instant.parse("2026-05-08T10:30:00.300Z");

    private final AtomicLong cutoff = new AtomicLong();

    private TokenService at(Instant now) {
        TokenSettings settings = new TokenSettings(TokenServiceTest.SECRET, List.of(), null, null, null, null);
        return new TokenService(SigningKeys.create(settings, false, null), settings, Clock.fixed(now, ZoneOffset.UTC),
                user -> cutoff.get());
    }

    @Test
    void tokensIssuedBeforeTheCutoffAreRefusedAndLaterOnesAccepted() {
        UUID user = UUID.randomUUID();
        String before = at(CHANGE.minusMillis(200)).issue(user).value();
        TokenService after = at(CHANGE.plusMillis(100));
        assertThat(after.verify(before)).isEqualTo(new CurrentUser(user));

        cutoff.set(CHANGE.getEpochSecond() + 1);

        assertThatThrownBy(() -> after.verify(before)).isInstanceOfSatisfying(TokenRejected.class,
                e -> assertThat(e.code().code()).isEqualTo("invalid_token"));
        String sameSecond = after.issue(user, cutoff.get()).value();
        assertThat(Tokens.claimsOf(sameSecond).path("iat").asLong()).isEqualTo(cutoff.get());
        assertThat(after.verify(sameSecond)).isEqualTo(new CurrentUser(user));
    }

    @Test
    void aTokenWithoutTheCutoffInItsIatIsRefusedEvenInTheSameSecond() {
        UUID user = UUID.randomUUID();
        TokenService after = at(CHANGE.plusMillis(100));
        String stale = after.issue(user).value();

        cutoff.set(CHANGE.getEpochSecond() + 1);

        assertThatThrownBy(() -> after.verify(stale)).isInstanceOf(TokenRejected.class);
    }

}
