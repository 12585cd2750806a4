-- The statements one publish of a skill with a runtime executes, in order, for pgbench (taken
-- from PostgreSQL's log_statement for one request; bench/run.sh keeps the latest in
-- publish-statements.log). user, handle and handle_id are set by bench/run.sh (pgbench -D).
-- Values the server computes under the handle's lock (the next change counter and clock, hence
-- the version) are read back with \gset. Not here: the access query (role and features are
-- remembered for up to 2 s, docs/DECISIONS.md "Access") and the rate limiter's bucket (written
-- back once per burst, see PostgresBuckets). The change notification is sent in the writing
-- transaction, as the server sends it, to the channel the servers listen on.
\set n random(1, 20)
BEGIN;
SELECT id, change_seq, clock_ms, expired_seq, handle, tenant_id FROM handles WHERE id = :handle_id FOR NO KEY UPDATE
\gset h_
SELECT id, change_seq, created_at, description, handle_id, skill_key, published_version, status, system_prompt, title, tools, updated_at
  FROM skills WHERE handle_id = :handle_id AND skill_key = 'bench-skill-' || :n
\gset s_
SELECT skill_id, args, command, cpu, idle_timeout_sec, image_ref, max_session_sec, memory, network_policy, plan_gates, secrets_refs, updated_at
  FROM skill_runtimes WHERE skill_id = :s_id;
SELECT pg_notify('skills_changes', :handle_id || ':' || (:h_change_seq::bigint + 1));
INSERT INTO skill_versions (description, published_at, published_by, runtime, skill_id, system_prompt, title, tools, version)
  VALUES ('Load test.', now(), :user,
    '{"handle":"bench","skillKey":"bench-skill-1","imageRef":"catalog/node:20","command":["node","server.js"],"args":[],"cpu":512,"memory":1024,"idleTimeoutSec":900,"maxSessionSec":3600,"secretsRefs":[],"networkPolicy":{},"planGates":{}}',
    :s_id, 'Answer briefly.', 'Bench skill', '[{"type":"http","name":"lookup","config":{"url":"https://api.example.com/lookup"}},{"type":"mcp","name":"search","config":{"url":"https://mcp.example.com/search"}}]', 'v' || (:h_clock_ms::bigint + 1));
INSERT INTO audit_entries (handle_id, at, actor_id, actor_email, action, skill_key, version, target_user, request_id)
  VALUES (:handle_id, now(), :user, 'bench@bench.test', 'skill.publish', 'bench-skill-' || :n, 'v' || (:h_clock_ms::bigint + 1), NULL, 'pgbench');
UPDATE handles SET change_seq = :h_change_seq::bigint + 1, clock_ms = :h_clock_ms::bigint + 1, expired_seq = expired_seq, handle = handle,
  tenant_id = tenant_id WHERE id = :handle_id;
UPDATE skills SET change_seq = :h_change_seq::bigint + 1, created_at = created_at, description = 'Load test.', handle_id = handle_id,
  skill_key = skill_key, published_version = 'v' || (:h_clock_ms::bigint + 1), status = 'PUBLISHED', system_prompt = 'Answer briefly.',
  title = 'Bench skill', tools = tools, updated_at = now() WHERE id = :s_id;
COMMIT;
