package com.tenx.skills.security;

import java.util.UUID;

/** The authenticated caller, as named by the {@code sub} of its access token. */
public record CurrentUser(UUID id) {
}
