-- The statements one publish of a skill with a runtime executes, in order, for pgbench (taken
-- from PostgreSQL's log_statement for one request; bench/run.sh keeps the latest in
-- publish-statements.log). user, handle and handle_id are set by bench/run.sh (pgbench -D).
-- Values the server computes under the handle's lock (the next change counter and clock, hence
-- the version) are read back with \gset. Not here: the access query (role and features are
-- remembered for up to 2 s, docs/DECISIONS.md "Access") and the rate limiter's bucket (written
-- back once per burst, see PostgresBuckets). The change notification is sent in the writing
-- transaction, as the server sends it, to the channel the servers listen on. The server sends the
-- five statements after the runtime's read in one round trip (config.PendingWrites: the log shows
-- them as executions without text); pgbench sends each on its own, one round trip per statement, as
-- a client of the database does without pipelining.
\set n random(1, 20)
BEGIN;
SELECT change_seq, clock_ms FROM handles WHERE id = :handle_id FOR NO KEY UPDATE
\gset h_
SELECT id, change_seq, created_at, description, handle_id, skill_key, published_version, status, system_prompt, title, tools, updated_at
  FROM skills WHERE handle_id = :handle_id AND skill_key = 'bench-skill-' || :n
\gset s_
SELECT skill_id, args, command, cpu, idle_timeout_sec, image_ref, max_session_sec, memory, network_policy, plan_gates, secrets_refs, updated_at
  FROM skill_runtimes WHERE skill_id = :s_id;
UPDATE handles SET change_seq = :h_change_seq::bigint + 1, clock_ms = :h_clock_ms::bigint + 1 WHERE id = :handle_id;
SELECT pg_notify('skills_changes', :handle_id || ':' || (:h_change_seq::bigint + 1));
UPDATE skills SET title = 'Bench skill', description = 'Load test.', system_prompt = 'Answer briefly.',
  tools = '[{"type":"http","name":"lookup","config":{"url":"https://api.example.com/lookup"}},{"type":"mcp","name":"search","config":{"url":"https://mcp.example.com/search"}}]',
  status = 'PUBLISHED', published_version = 'v' || (:h_clock_ms::bigint + 1), change_seq = :h_change_seq::bigint + 1, updated_at = now()
  WHERE id = :s_id;
INSERT INTO skill_versions (skill_id, version, published_at, published_by, title, description, system_prompt, tools, runtime)
  VALUES (:s_id, 'v' || (:h_clock_ms::bigint + 1), now(), :user, 'Bench skill', 'Load test.', 'Answer briefly.',
    '[{"type":"http","name":"lookup","config":{"url":"https://api.example.com/lookup"}},{"type":"mcp","name":"search","config":{"url":"https://mcp.example.com/search"}}]',
    '{"handle":"bench","skillKey":"bench-skill-1","imageRef":"catalog/node:20","command":["node","server.js"],"args":[],"cpu":512,"memory":1024,"idleTimeoutSec":900,"maxSessionSec":3600,"secretsRefs":[],"networkPolicy":{},"planGates":{}}');
INSERT INTO audit_entries (handle_id, at, actor_id, actor_email, actor_token_id, action, skill_key, version, target_user, request_id)
  VALUES (:handle_id, now(), :user, 'bench@bench.test', NULL, 'skill.publish', 'bench-skill-' || :n, 'v' || (:h_clock_ms::bigint + 1), NULL, 'pgbench');
COMMIT;
