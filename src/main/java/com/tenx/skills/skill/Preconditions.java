package com.tenx.skills.skill;

import com.tenx.skills.error.Conflict;

/**
 * The conditional headers of a write. {@code If-Match} needs the skill to exist in the
 * tagged state; {@code If-None-Match} refuses a skill in a tagged state, with {@code *}
 * meaning "create only".
 */
record Preconditions(String ifMatch, String ifNoneMatch) {

    /**
     * Throws unless the headers hold for a skill tagged {@code currentEtag}
     * ({@code null}: absent).
     */
    void check(String currentEtag) {
        if (ifMatch != null && (currentEtag == null || !ETags.matches(ifMatch, currentEtag))) {
            throw Conflict.preconditionFailed(currentEtag == null ? "If-Match was sent but the skill does not exist."
                    : "The skill has changed since the ETag in If-Match.");
        }
        if (ifNoneMatch != null && currentEtag != null && ETags.matches(ifNoneMatch, currentEtag)) {
            throw Conflict.preconditionFailed("The skill already exists.");
        }
    }
}
