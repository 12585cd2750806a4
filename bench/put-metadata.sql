-- The statements one metadata PUT of an existing skill executes, in order, for pgbench (taken
-- from PostgreSQL's log_statement for one request; bench/run.sh keeps the latest in
-- put-statements.log). user, handle and handle_id are set by bench/run.sh (pgbench -D). Not here:
-- the access query (role and features are remembered for up to 2 s, docs/DECISIONS.md "Access")
-- and the rate limiter's bucket (written back once per burst, see PostgresBuckets). The change
-- notification is sent in the writing transaction, as the server sends it, to the channel the
-- servers listen on. The server reads the skill in the lock's round trip
-- (HandleChangeCounter.lockAndRead) and sends the four statements after it in one round trip
-- (config.PendingWrites; the log shows the statements after the first of each round trip as
-- executions without text); pgbench sends each on its own, one round trip per statement, as a
-- client of the database does without pipelining.
\set n random(1, 20)
BEGIN;
SELECT change_seq, clock_ms FROM handles WHERE id = :handle_id FOR NO KEY UPDATE
\gset h_
SELECT id, change_seq FROM skills WHERE handle_id = :handle_id AND skill_key = 'bench-skill-' || :n
\gset s_
UPDATE handles SET change_seq = :h_change_seq::bigint + 1, clock_ms = :h_clock_ms::bigint + 1 WHERE id = :handle_id;
SELECT pg_notify('skills_changes', :handle_id || ':' || (:h_change_seq::bigint + 1));
UPDATE skills SET title = 'Bench skill', description = 'Load test.', system_prompt = 'Answer briefly.',
  tools = '[{"type":"http","name":"lookup","config":{"url":"https://api.example.com/lookup"}},{"type":"mcp","name":"search","config":{"url":"https://mcp.example.com/search"}}]',
  status = 'DRAFT', change_seq = :h_change_seq::bigint + 1, updated_at = now() WHERE id = :s_id;
INSERT INTO audit_entries (handle_id, at, actor_id, actor_email, actor_token_id, action, skill_key, version, target_user, request_id)
  VALUES (:handle_id, now(), :user, 'bench@bench.test', NULL, 'skill.put', 'bench-skill-' || :n, NULL, NULL, 'pgbench');
COMMIT;
