package com.tenx.skills.ratelimit;

import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;

/**
 * The caller has used its quota: {@code 429 rate_limited}. The headers are already on the
 * response.
 */
public class RateLimited extends ContractException {

    RateLimited(Decision decision) {
        super(ErrorCode.RATE_LIMITED, "Too many requests; retry after " + decision.retryAfterSeconds()
                + (decision.retryAfterSeconds() == 1 ? " second." : " seconds."));
    }

}
