package com.tenx.skills.skill;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A skill as listed and as read alone: the seed's shape plus {@code publishedVersion}.
 * {@code changeSeq} orders sync pages and makes the ETag; it is not part of the body.
 */
record SkillView(String skillKey, String title, String description, String systemPrompt, @JsonRawValue String tools,
        String runtimeStatus, String updatedAt, String publishedVersion, @JsonIgnore long changeSeq) {

    String etag() {
        return ETags.of(changeSeq);
    }
}
