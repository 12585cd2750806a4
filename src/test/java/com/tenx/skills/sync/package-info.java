/**
 * The incremental sync of a handle's skills: cursors, tombstones, paging, and sync under
 * concurrent writes.
 */
package com.tenx.skills.sync;
