package com.tenx.skills.skill;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A runtime as answered: the PUT answer has the core fields, the GET answer (and a
 * version's snapshot) also {@code secretsRefs}, {@code networkPolicy} and
 * {@code planGates}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RuntimeView(String handle, String skillKey, String imageRef, @JsonRawValue String command,
        @JsonRawValue String args, int cpu, int memory, int idleTimeoutSec, int maxSessionSec,
        @JsonRawValue String secretsRefs, @JsonRawValue String networkPolicy, @JsonRawValue String planGates) {

    static RuntimeView core(String handle, String skillKey, RuntimeSpec spec) {
        return new RuntimeView(handle, skillKey, spec.imageRef(), spec.command(), spec.args(), spec.cpu(),
                spec.memory(), spec.idleTimeoutSec(), spec.maxSessionSec(), null, null, null);
    }

    static RuntimeView full(String handle, String skillKey, RuntimeSpec spec) {
        return new RuntimeView(handle, skillKey, spec.imageRef(), spec.command(), spec.args(), spec.cpu(),
                spec.memory(), spec.idleTimeoutSec(), spec.maxSessionSec(), spec.secretsRefs(), spec.networkPolicy(),
                spec.planGates());
    }
}
