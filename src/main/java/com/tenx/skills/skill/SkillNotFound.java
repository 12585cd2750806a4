package com.tenx.skills.skill;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.NotFound;

/** The handle has no skill with the requested key. */
class SkillNotFound extends NotFound {

    SkillNotFound() {
        super(ErrorCode.SKILL_NOT_FOUND, "No skill with this key on this handle.");
    }

}
