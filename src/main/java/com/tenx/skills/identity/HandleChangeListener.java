package com.tenx.skills.identity;

/**
 * Told of every committed change to a handle's skills, and of every change to who may act
 * on handles, on whichever instance it was made (see {@link HandleChangeNotifications}).
 * Called on the notifier's own thread: return at once, do any reading elsewhere.
 */
public interface HandleChangeListener {

    /** A write stamped {@code seq} on the handle has committed. */
    void changed(long handleId, long seq);

    /**
     * Notifications may have been missed (the listening connection was lost and is back):
     * every waiter should read again by its cursor.
     */
    void resynchronize();

    /** A membership, a tenant's features or a handle has changed (committed). */
    default void accessChanged() {
    }

}
