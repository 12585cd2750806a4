package com.tenx.skills.operations;

/**
 * A configuration the server will not run with: what is wrong, and what to do about it,
 * each in a sentence an operator can act on.
 */
class StartupRefused extends RuntimeException {

    private final String action;

    StartupRefused(String problem, String action) {
        super(problem);
        this.action = action;
    }

    String action() {
        return action;
    }

}
