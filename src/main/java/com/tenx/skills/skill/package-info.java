/**
 * A handle's skills: metadata, runtime, publication with versions, deletion, and the sync
 * list.
 */
package com.tenx.skills.skill;
