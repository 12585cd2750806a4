/**
 * Safe retries of writes: the {@code Idempotency-Key} header, its records (table
 * {@code idempotency_keys}, shared by every instance) and their expiry.
 */
package com.tenx.skills.idempotency;
