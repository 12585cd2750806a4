package com.tenx.skills.skill;

import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;

/** A publish of a skill that has no runtime yet. */
class RuntimeNotConfigured extends ContractException {

    RuntimeNotConfigured() {
        super(ErrorCode.RUNTIME_NOT_CONFIGURED, "Configure the skill's runtime before publishing it.");
    }

}
