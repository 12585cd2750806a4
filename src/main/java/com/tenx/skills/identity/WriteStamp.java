package com.tenx.skills.identity;

import java.time.Instant;

/**
 * What one write to a handle's skills is stamped with: its place in the handle's change
 * order and its time, both strictly increasing per handle.
 */
public record WriteStamp(long seq, Instant at) {

    /**
     * The published version name for a publish stamped with this:
     * {@code v<epoch millis>}.
     */
    public String version() {
        return "v" + at.toEpochMilli();
    }
}
