package com.tenx.skills.token;

import java.util.List;

/**
 * A token as listed and as created, never with its secret. {@code lastUsedAt} is
 * {@code null} until the token is first used; it is kept to the minute.
 */
record TokenInfo(String tokenId, String name, List<String> scopes, String createdAt, String expiresAt,
        String lastUsedAt, String createdBy) {
}
