package com.tenx.skills.skill;

import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.NotFound;

/**
 * The skill was never published under the requested version (or it was deleted since).
 */
class VersionNotFound extends NotFound {

    VersionNotFound() {
        super(ErrorCode.VERSION_NOT_FOUND, "No such published version.");
    }

}
