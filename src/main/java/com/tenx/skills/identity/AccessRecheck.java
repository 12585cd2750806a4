package com.tenx.skills.identity;

import com.tenx.skills.error.ContractException;
import com.tenx.skills.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * The access check of every handle route, made again for a request that lasts (an event
 * stream): whether the caller of a grant may still act with a role on its handle, read
 * from the database as for a new request.
 */
@Service
public class AccessRecheck {

    private final HandleAccess access;

    AccessRecheck(HandleAccess access) {
        this.access = access;
    }

    public boolean stillAllowed(HandleGrant grant, Role needed) {
        try {
            access.check(new CurrentUser(grant.userId()), grant.handle(), needed, "", grant.platformAdmin(),
                    grant.requestId());
            return true;
        }
        catch (ContractException e) {
            return false;
        }
    }

}
