-- Personal access tokens for automation (the /v2/public/handles/{handle}/... routes). Only the
-- SHA-256 of a token is kept; the token itself is shown once, when it is created. A revoked token's
-- row is deleted. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

CREATE TABLE personal_access_tokens (
    -- the public part of patv1_<id>.<secret>
    id           VARCHAR(32)  PRIMARY KEY,
    handle_id    BIGINT       NOT NULL REFERENCES handles (id) ON DELETE CASCADE,
    created_by   UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         VARCHAR(400) NOT NULL,
    -- comma-separated, as granted (skills.read, skills.write, skills.publish, skills.*)
    scopes       VARCHAR(200) NOT NULL,
    -- lower-case hex SHA-256 of the whole token
    token_hash   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- written at most once a minute per token
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT personal_access_tokens_name_unique UNIQUE (handle_id, created_by, name)
);

CREATE INDEX personal_access_tokens_creator_idx ON personal_access_tokens (created_by);

-- A write made with a token names it in its audit entry.
ALTER TABLE audit_entries ADD COLUMN actor_token_id VARCHAR(32);
