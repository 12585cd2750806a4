-- Idempotency keys of writes (header Idempotency-Key): one row per caller and key, kept 24 hours.
-- A row is inserted as RUNNING before the write runs (INSERT ... ON CONFLICT DO NOTHING, in its own
-- transaction), so a concurrent retry on any instance sees it; it becomes DONE with the answer to
-- replay, or is deleted when the answer is one a retry should not get again (see README).

CREATE TABLE idempotency_keys (
    -- who sent it: the authenticated principal, e.g. 'user:<uuid>'
    caller       VARCHAR(100) NOT NULL,
    idem_key     VARCHAR(255) ${binary_collation} NOT NULL,
    -- SHA-256 (hex) of method, path with query and body: the same key with another request is refused
    fingerprint  VARCHAR(64)  NOT NULL,
    state        VARCHAR(8)   NOT NULL,
    status       INTEGER,
    etag         VARCHAR(200),
    location     VARCHAR(2000),
    content_type VARCHAR(200),
    body         BYTEA,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller, idem_key)
);

CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
