package com.tenx.skills.skill;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.InvalidInput;
import com.tenx.skills.identity.Slug;

/**
 * A skill's key as the path gives it: lower-cased with ASCII rules, then held to the key
 * rule.
 */
final class SkillKeys {

    private SkillKeys() {
    }

    static String parse(String raw) {
        String key = Slug.normalize(raw);
        if (key == null) {
            throw new InvalidInput(ErrorCode.INVALID_SKILL_KEY, "The skill key must be 2-64 characters of a-z, 0-9 "
                    + "and single inner hyphens, starting with a letter.");
        }
        return key;
    }

}
