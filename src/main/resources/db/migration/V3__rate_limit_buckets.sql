-- Token buckets of the rate limiter, shared by every instance on PostgreSQL (bucket4j's
-- select-for-update proxy manager reads and writes them). The embedded default keeps its buckets
-- in memory and leaves this table empty. id names the limit and the caller; state is bucket4j's
-- serialised bucket; expires_at (epoch milliseconds) is when an untouched bucket is full again
-- and may be deleted.

CREATE TABLE rate_limit_buckets (
    id         VARCHAR(200) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

CREATE INDEX rate_limit_buckets_expires_idx ON rate_limit_buckets (expires_at);
