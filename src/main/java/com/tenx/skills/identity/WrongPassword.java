package com.tenx.skills.identity;

import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The current password given to change it is wrong: {@code 403 invalid_credentials}, not
 * the 401 of a failed sign-in, since the caller's token is fine.
 */
class WrongPassword extends ContractException {

    WrongPassword() {
        super(ErrorCode.INVALID_CREDENTIALS, HttpStatus.FORBIDDEN, "The current password is wrong.", List.of());
    }

}
