package com.tenx.skills.skill;

/**
 * A validated runtime configuration. The list and object fields are normalised JSON text,
 * stored and answered as given.
 */
record RuntimeSpec(String imageRef, String command, String args, int cpu, int memory, int idleTimeoutSec,
        int maxSessionSec, String secretsRefs, String networkPolicy, String planGates) {
}
