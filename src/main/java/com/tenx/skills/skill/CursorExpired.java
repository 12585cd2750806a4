package com.tenx.skills.skill;

import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;

/**
 * A sync cursor too old to answer (its deletions are forgotten) or not one of this
 * handle's.
 */
class CursorExpired extends ContractException {

    CursorExpired() {
        super(ErrorCode.CURSOR_EXPIRED, "The cursor is too old or unknown; start over with a full list.");
    }

}
