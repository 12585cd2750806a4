package com.tenx.skills.skill;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The list answer: {@code skills}, {@code deleted} (only for {@code ?since=}), the
 * {@code cursor} to continue from, and {@code nextCursor} when a page limit left more to
 * fetch. {@code asOf} is the handle's change counter the answer was read at.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SkillList(List<SkillView> skills, List<Deleted> deleted, String cursor, String nextCursor,
        @JsonIgnore String etag, @JsonIgnore long asOf) {

    record Deleted(String skillKey, String deletedAt, @JsonIgnore long changeSeq) {
    }
}
