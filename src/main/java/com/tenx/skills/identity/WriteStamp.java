package com.tenx.skills.identity;

import java.time.Instant;

/**
 * What one write to a handle's skills is stamped with: its place in the handle's change
 * order and its time, both strictly increasing per handle.
 */
public record WriteStamp(long seq, Instant at) {

    /**
     * The stamp of the write after the one stamped with change number {@code seq} at
     * {@code clockMs}: the next change number and a time strictly after, even when the
     * wall clock ({@code now}) has not moved on or has gone back.
     */
    static WriteStamp after(long seq, long clockMs, Instant now) {
        return new WriteStamp(seq + 1, Instant.ofEpochMilli(Math.max(now.toEpochMilli(), clockMs + 1)));
    }

    /**
     * The published version name for a publish stamped with this:
     * {@code v<epoch millis>}.
     */
    public String version() {
        return "v" + at.toEpochMilli();
    }
}
