package com.tenx.skills.security;

import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;

/** A bearer token that is not a valid, current control-plane access token. */
public class TokenRejected extends ContractException {

    TokenRejected(ErrorCode code, String message) {
        super(code, message);
    }

    static TokenRejected missing() {
        return new TokenRejected(ErrorCode.MISSING_BEARER_TOKEN,
                "Send a control-plane access token as " + "'Authorization: Bearer <token>'.");
    }

    static TokenRejected invalid() {
        return new TokenRejected(ErrorCode.INVALID_TOKEN,
                "The bearer token is not a valid control-plane access token.");
    }

    static TokenRejected expired() {
        return new TokenRejected(ErrorCode.TOKEN_EXPIRED, "The access token has expired; sign in again.");
    }

    /** Not a current personal access token of this server (or a revoked one). */
    public static TokenRejected invalidPersonalToken() {
        return new TokenRejected(ErrorCode.INVALID_TOKEN,
                "The bearer token is not a valid personal access token (patv1_<tokenId>.<secret>).");
    }

    public static TokenRejected expiredPersonalToken() {
        return new TokenRejected(ErrorCode.TOKEN_EXPIRED, "The personal access token has expired; create a new one.");
    }

}
