package com.tenx.skills.identity;

import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.security.CurrentUser;
import com.tenx.skills.security.PersonalTokens;
import org.springframework.stereotype.Service;

/**
 * The access check of every handle route, made again for a request that lasts (an event
 * stream or a held long poll): whether the caller of a grant may still act with a role on
 * its handle, read from the database as for a new request.
 */
@Service
public class AccessRecheck {

    private final HandleAccess access;

    private final PersonalTokens personalTokens;

    AccessRecheck(HandleAccess access, PersonalTokens personalTokens) {
        this.access = access;
        this.personalTokens = personalTokens;
    }

    /**
     * What a new request of the grant's caller would be refused with now, or {@code null}
     * when it may still act: for a personal access token, also when the token is gone
     * (revoked, expired).
     */
    public ContractException refusal(HandleGrant grant, Role needed) {
        if (grant.tokenId() != null && !personalTokens.stillValid(grant.tokenId())) {
            return new ContractException(ErrorCode.INVALID_TOKEN, "The access token is revoked or expired.");
        }
        try {
            access.check(new CurrentUser(grant.userId()), grant.handle(), needed, "", grant.platformAdmin(),
                    grant.requestId(), true);
            return null;
        }
        catch (ContractException e) {
            return e;
        }
    }

}
