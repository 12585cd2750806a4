package com.tenx.skills.idempotency;

/** The first answer to a request with an idempotency key, as it is replayed. */
record StoredAnswer(int status, String etag, String location, String contentType, byte[] body) {
}
