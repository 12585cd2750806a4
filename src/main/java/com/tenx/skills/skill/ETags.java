package com.tenx.skills.skill;

import java.util.Arrays;

/**
 * Strong entity tags. A skill's tag is the handle change number of its last write; change
 * numbers are unique within a handle, so a tag never matches another state or another
 * skill.
 */
final class ETags {

    private ETags() {
    }

    static String of(long changeSeq) {
        return "\"" + changeSeq + "\"";
    }

    /**
     * Whether an {@code If-Match}/{@code If-None-Match} value lists {@code etag} (or is
     * {@code *}).
     */
    static boolean matches(String header, String etag) {
        if (header == null) {
            return false;
        }
        return Arrays.stream(header.split(","))
            .map(String::strip)
            .anyMatch(candidate -> candidate.equals("*") || candidate.equals(etag));
    }

}
