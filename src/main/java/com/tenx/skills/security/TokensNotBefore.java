package com.tenx.skills.security;

import java.util.UUID;

/**
 * The earliest {@code iat} (epoch seconds) an access token of a user may carry: a
 * password change moves it forward, so every token issued before the change is refused.
 * Read on every verification; an implementation may cache it for at most 5 seconds.
 */
@FunctionalInterface
public interface TokensNotBefore {

    TokensNotBefore NONE = user -> 0;

    long epochSecond(UUID user);

}
