package com.tenx.skills.skill;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.NotFound;

/** The skill exists but has no runtime configured. */
class RuntimeNotFound extends NotFound {

    RuntimeNotFound() {
        super(ErrorCode.RUNTIME_NOT_FOUND, "The skill has no runtime configured.");
    }

}
