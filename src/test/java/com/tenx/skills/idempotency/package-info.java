/** Retries with an Idempotency-Key, on two instances sharing PostgreSQL. */
package com.tenx.skills.idempotency;
