package com.tenx.skills.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How control-plane access tokens are signed and checked ({@code skills.jwt.*}; the
 * signing key comes from {@code SKILLS_JWT_SECRET}, older keys still accepted from
 * {@code SKILLS_JWT_PREVIOUS_SECRETS}).
 */
@ConfigurationProperties("skills.jwt")
public record TokenSettings(String secret, List<String> previousSecrets, String issuer, String audience, Duration ttl,
        Duration clockSkew) {

    public TokenSettings {
        previousSecrets = previousSecrets == null ? List.of()
                : previousSecrets.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        issuer = issuer == null ? "https://ai.10x.in" : issuer;
        audience = audience == null ? "10x-control-plane" : audience;
        ttl = ttl == null ? Duration.ofHours(1) : ttl;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        if (clockSkew.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("skills.jwt.clock-skew may be at most 60 seconds");
        }
    }
}
