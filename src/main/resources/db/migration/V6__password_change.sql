-- A password change ends every access token issued before it: a token whose iat (epoch
-- seconds) is below the user's tokens_not_before is refused. Stored rounded up to the next
-- whole second (and always past the previous value), since iat has second resolution;
-- tokens issued afterwards carry an iat of at least this value. 0 until the first change.
ALTER TABLE users ADD COLUMN tokens_not_before BIGINT NOT NULL DEFAULT 0;
