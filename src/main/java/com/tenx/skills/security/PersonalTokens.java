package com.tenx.skills.security;

/**
 * Verifies a personal access token ({@code patv1_<tokenId>.<secret>}) presented on a
 * route of the PAT family. Implemented by the feature that stores the tokens.
 */
public interface PersonalTokens {

    /** The family's path prefix: these routes take personal access tokens only. */
    String FAMILY_PATTERN = "/v2/public/**";

    /**
     * The caller a token names, or {@link TokenRejected} ({@code invalid_token},
     * {@code token_expired}).
     */
    PersonalTokenUser verify(String token);

    /**
     * Whether the token {@code tokenId} still exists and has not expired: asked again
     * while a request lasts (an event stream).
     */
    boolean stillValid(String tokenId);

}
