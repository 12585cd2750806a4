/**
 * The audit trail: who changed what on a handle, recorded in the same transaction as the
 * change.
 */
package com.tenx.skills.audit;
