-- The statements one metadata PUT of an existing skill executes, in order, for pgbench.
-- user, handle and handle_id are set by bench/run.sh (pgbench -D). The rate limiter's bucket is
-- written back once per burst, not per request (see PostgresBuckets), so it is not counted here.
\set n random(1, 20)
SELECT u.email, u.platform_admin, h.id AS handle_id, h.change_seq, m.role, t.features
  FROM users u
  LEFT JOIN handles h ON h.handle = :handle
  LEFT JOIN tenants t ON t.id = h.tenant_id
  LEFT JOIN memberships m ON m.handle_id = h.id AND m.user_id = u.id
  WHERE u.id = :user;
BEGIN;
SELECT id, change_seq, clock_ms, expired_seq, handle, tenant_id FROM handles WHERE id = :handle_id FOR NO KEY UPDATE;
SELECT id, change_seq, created_at, description, handle_id, skill_key, published_version, status, system_prompt, title, tools, updated_at
  FROM skills WHERE handle_id = :handle_id AND skill_key = 'bench-skill-' || :n;
INSERT INTO audit_entries (handle_id, at, actor_id, actor_email, action, skill_key, version, target_user, request_id)
  VALUES (:handle_id, now(), :user, 'bench@bench.test', 'skill.put', 'bench-skill-' || :n, NULL, NULL, 'pgbench');
UPDATE skills SET change_seq = change_seq + 1, description = 'Load test.', published_version = published_version,
  status = 'DRAFT', system_prompt = 'Answer briefly.', title = 'Bench skill', tools = tools, updated_at = now()
  WHERE handle_id = :handle_id AND skill_key = 'bench-skill-' || :n;
UPDATE handles SET change_seq = change_seq + 1, clock_ms = clock_ms + 1, expired_seq = expired_seq, handle = handle,
  tenant_id = tenant_id WHERE id = :handle_id;
COMMIT;
