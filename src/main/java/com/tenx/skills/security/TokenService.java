package com.tenx.skills.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Issues and verifies control-plane access tokens. A token is accepted only when it is an
 * HS256 JWS signed with one of our keys, of type {@code at+jwt} with our token-use
 * marker, from our issuer for our audience, with a subject and an unexpired {@code exp}.
 * Anything else (another key, audience or issuer, {@code alg: none}, a runtime or
 * provider token, a PAT) is rejected.
 */
public class TokenService implements MeterBinder {

    static final String ALGORITHM = "HS256";

    static final String TYPE = "at+jwt";

    static final String TOKEN_USE_CLAIM = "token_use";

    static final String TOKEN_USE = "control-plane-access";

    private final SigningKeys keys;

    private final TokenSettings settings;

    private final Clock clock;

    private final JwtParser parser;

    private static final int MAX_REMEMBERED = 10_000;

    /** How far ahead of this server's clock a token's {@code iat} may be. */
    private static final Duration MAX_FUTURE_ISSUED_AT = Duration.ofSeconds(60);

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Cache<String, Verified> verified = Caffeine.newBuilder()
        .maximumSize(MAX_REMEMBERED)
        .recordStats()
        .build();

    private final TokensNotBefore notBefore;

    private record Verified(CurrentUser user, long acceptedUntil, long issuedAt) {
    }

    public TokenService(SigningKeys keys, TokenSettings settings, Clock clock) {
        this(keys, settings, clock, TokensNotBefore.NONE);
    }

    public TokenService(SigningKeys keys, TokenSettings settings, Clock clock, TokensNotBefore notBefore) {
        this.keys = keys;
        this.notBefore = notBefore;
        this.settings = settings;
        this.clock = clock;
        this.parser = Jwts.parser()
            .keyLocator(new PinnedKeyLocator())
            .requireIssuer(settings.issuer())
            .requireAudience(settings.audience())
            .require(TOKEN_USE_CLAIM, TOKEN_USE)
            .clockSkewSeconds(settings.clockSkew().toSeconds())
            .clock(() -> Date.from(clock.instant()))
            .build();
    }

    public AccessToken issue(UUID userId) {
        return issue(userId, 0);
    }

    /**
     * A token for {@code userId} whose {@code iat} is at least {@code notBefore} (epoch
     * seconds, as the user's row holds it when read for this sign-in), so a token issued
     * in the same second as a password change, after it, is not refused with the tokens
     * from before it.
     */
    public AccessToken issue(UUID userId, long notBefore) {
        Instant now = clock.instant();
        Instant issuedAt = now.getEpochSecond() < notBefore ? Instant.ofEpochSecond(notBefore) : now;
        Instant expires = now.plus(settings.ttl());
        String token = Jwts.builder()
            .header()
            .keyId(keys.currentKid())
            .type(TYPE)
            .and()
            .id(UUID.randomUUID().toString())
            .issuer(settings.issuer())
            .audience()
            .add(settings.audience())
            .and()
            .subject(userId.toString())
            .claim(TOKEN_USE_CLAIM, TOKEN_USE)
            .issuedAt(Date.from(issuedAt))
            .expiration(Date.from(expires))
            .signWith(keys.current(), Jwts.SIG.HS256)
            .compact();
        return new AccessToken(token, settings.ttl().toSeconds());
    }

    /**
     * The user a token names, or {@link TokenRejected} with the contract's reason. Tokens
     * already verified are remembered until their expiry, so a client's repeated calls
     * skip the signature check; the keys never change while the process runs, so the
     * answer would be the same. Whether the user's password changed since the token was
     * issued is asked on every call.
     */
    public CurrentUser verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known == null || clock.millis() >= known.acceptedUntil()) {
            known = check(token);
            verified.put(token, known);
        }
        if (known.issuedAt() < notBefore.epochSecond(known.user().id())) {
            throw TokenRejected.invalid();
        }
        return known.user();
    }

    /** The remembered tokens' hit ratio, as the cache {@code verified.tokens}. */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, verified, "verified.tokens");
    }

    private Verified check(String token) {
        if (!canonical(token)) {
            throw TokenRejected.invalid();
        }
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token).getPayload();
        }
        catch (ExpiredJwtException e) {
            // The signature was verified before expiry was checked: only our own tokens
            // get here.
            throw isOurs(e.getClaims()) ? TokenRejected.expired() : TokenRejected.invalid();
        }
        catch (JwtException | IllegalArgumentException e) {
            throw TokenRejected.invalid();
        }
        if (claims.getExpiration() == null) {
            throw TokenRejected.invalid();
        }
        if (claims.getIssuedAt() != null
                && claims.getIssuedAt().toInstant().isAfter(clock.instant().plus(MAX_FUTURE_ISSUED_AT))) {
            throw TokenRejected.invalid();
        }
        try {
            return new Verified(new CurrentUser(UUID.fromString(claims.getSubject())),
                    claims.getExpiration().getTime() + settings.clockSkew().toMillis(),
                    claims.getIssuedAt() == null ? 0 : claims.getIssuedAt().getTime() / 1000);
        }
        catch (RuntimeException e) {
            throw TokenRejected.invalid();
        }
    }

    /**
     * Three base64url parts, each exactly as an encoder writes it: no padding, no other
     * alphabet, no non-zero unused bits. A token is byte-exact, so an altered spelling of
     * the same bytes is not the same token.
     */
    static boolean canonical(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        for (String part : parts) {
            if (!BASE64URL.matcher(part).matches() || part.length() % 4 == 1) {
                return false;
            }
            if (!ENCODER.encodeToString(DECODER.decode(part)).equals(part)) {
                return false;
            }
        }
        return true;
    }

    private boolean isOurs(Claims claims) {
        Set<String> audience = claims.getAudience();
        return settings.issuer().equals(claims.getIssuer()) && audience != null
                && audience.contains(settings.audience()) && TOKEN_USE.equals(claims.get(TOKEN_USE_CLAIM));
    }

    /**
     * Chooses the key by {@code kid} and refuses any algorithm or type but ours before
     * verifying.
     */
    private final class PinnedKeyLocator extends LocatorAdapter<Key> {

        @Override
        protected Key locate(ProtectedHeader header) {
            if (!ALGORITHM.equals(header.getAlgorithm()) || !TYPE.equals(header.getType())) {
                throw new io.jsonwebtoken.security.SignatureException("unexpected token header");
            }
            Key key = keys.forKid(header.getKeyId());
            if (key == null) {
                throw new io.jsonwebtoken.security.SignatureException("unknown signing key");
            }
            return key;
        }

    }

}
