package com.tenx.skills.identity;

import java.util.UUID;

/** A user's password was changed, ending the access tokens issued before. */
record PasswordChanged(UUID user) {
}
