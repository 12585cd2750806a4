-- Fills a handle with :count copies of the API-made skill bench-skill-1 of handle "bench" (its
-- runtime and published version too), for the large lists: seeding 2,000 skills through the API
-- would take longer than the benchmark. target is set by bench/run.sh (psql -v).
WITH src AS (
  SELECT s.* FROM skills s JOIN handles h ON h.id = s.handle_id WHERE h.handle = 'bench' AND s.skill_key = 'bench-skill-1'
), target AS (SELECT id FROM handles WHERE handle = :'target')
INSERT INTO skills (handle_id, skill_key, title, description, system_prompt, tools, status, published_version, change_seq,
    created_at, updated_at)
  SELECT target.id, 'bench-skill-' || n, 'Bench skill ' || n, src.description, src.system_prompt, src.tools, src.status,
    src.published_version, n, src.created_at, src.updated_at + n * interval '1 millisecond'
  FROM src, target, generate_series(1, :count) AS n;

INSERT INTO skill_runtimes (skill_id, image_ref, command, args, cpu, memory, idle_timeout_sec, max_session_sec,
    secrets_refs, network_policy, plan_gates, updated_at)
  SELECT s.id, r.image_ref, r.command, r.args, r.cpu, r.memory, r.idle_timeout_sec, r.max_session_sec, r.secrets_refs,
    r.network_policy, r.plan_gates, r.updated_at
  FROM skills s JOIN handles h ON h.id = s.handle_id AND h.handle = :'target',
    skill_runtimes r JOIN skills o ON o.id = r.skill_id JOIN handles oh ON oh.id = o.handle_id
  WHERE oh.handle = 'bench' AND o.skill_key = 'bench-skill-1';

INSERT INTO skill_versions (skill_id, version, published_at, published_by, title, description, system_prompt, tools, runtime)
  SELECT s.id, v.version, v.published_at, v.published_by, s.title, v.description, v.system_prompt, v.tools, v.runtime
  FROM skills s JOIN handles h ON h.id = s.handle_id AND h.handle = :'target',
    skill_versions v JOIN skills o ON o.id = v.skill_id JOIN handles oh ON oh.id = o.handle_id
  WHERE oh.handle = 'bench' AND o.skill_key = 'bench-skill-1' AND v.version = o.published_version;

UPDATE handles SET change_seq = :count + 1, clock_ms = (SELECT clock_ms FROM handles WHERE handle = 'bench')
  WHERE handle = :'target';
