#!/usr/bin/env bash
# Benchmark: builds the jar, starts it on a fresh PostgreSQL database, seeds a handle with 20
# published skills, drives load with wrk and compares with pgbench running the SQL of one
# metadata PUT. Prints a table of requests per second, p50, p99 and the goal ratios.
#
#   bench/run.sh                 # default heap
#   BENCH_JAVA_OPTS=-Xmx256m bench/run.sh
#   BENCH_ENV="SKILLS_RATE_LIMIT_ENABLED=false" bench/run.sh
#
# Settings (environment): BENCH_PG_HOST (127.0.0.1), BENCH_PG_PORT (5432), BENCH_PG_USER
# (postgres), BENCH_DURATION seconds per run (10), BENCH_WARMUP seconds of unmeasured load before
# the measured runs, per scenario (15: the JIT needs it on 2 cores), BENCH_PORT (18080), BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-15}
PORT=${BENCH_PORT:-18080}
DB=skills_bench
BASE="http://127.0.0.1:${PORT}"
WORK=$(mktemp -d)
SECRET="bench-signing-secret-0123456789-abcdefghijklmnop"
SERVER_PID=""

say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  say "installing wrk"
  (apt-get install -y wrk >/dev/null 2>&1 || sudo apt-get install -y wrk >/dev/null) || { echo "wrk is needed" >&2; exit 1; }
fi
command -v pgbench >/dev/null || { echo "pgbench (PostgreSQL client tools) is needed" >&2; exit 1; }

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  say "building the jar"
  ./mvnw -B -q package -DskipTests
fi
JAR=$(ls target/skills-control-plane-*.jar | grep -v plain | head -n 1)

say "creating database ${DB}"
psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" >/dev/null
psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "CREATE DATABASE ${DB}" >/dev/null

say "starting the server (${BENCH_JAVA_OPTS:-default JVM options})"
started=$(date +%s%N)
# The per-user limit is raised so that the load measures the work of each route, not 429s; the
# limiter still runs on every request. BENCH_ENV adds settings ("NAME=value ...").
# shellcheck disable=SC2086
env SPRING_DATASOURCE_URL="jdbc:postgresql://${PG_HOST}:${PG_PORT}/${DB}" SPRING_DATASOURCE_USERNAME="$PG_USER" \
  SKILLS_JWT_SECRET="$SECRET" SERVER_PORT="$PORT" \
  SKILLS_BOOTSTRAP_ADMIN_EMAIL=bench-admin@example.com SKILLS_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password \
  SKILLS_RATE_LIMIT_HANDLES_CAPACITY=1000000000 SKILLS_RATE_LIMIT_LOGIN_CAPACITY=1000 \
  LOGGING_LEVEL_ACCESS=WARN ${BENCH_ENV:-} \
  java ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
until curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.1
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
say "ready after ${ready_ms} ms"

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
call() { curl -fsS -X "$1" "$BASE$2" -H "authorization: Bearer $3" -H 'content-type: application/json' ${4:+-d "$4"}; }

say "seeding a handle with 20 published skills"
ADMIN=$(curl -fsS -X POST "$BASE/v2/auth/login" -H 'content-type: application/json' \
  -d '{"email":"bench-admin@example.com","password":"bench-admin-password"}' | json '["accessToken"]')
call PUT /v2/platform-admin/tenants/bench "$ADMIN" '{"plan":"growth","features":["growth_tools"]}' >/dev/null
call PUT /v2/platform-admin/handles/bench "$ADMIN" '{"tenantId":"bench"}' >/dev/null
USER_ID=$(call POST /v2/platform-admin/users "$ADMIN" '{"email":"bench@example.com","password":"bench-password"}' | json '["user"]["id"]')
call PUT "/v2/handles/bench/members/$USER_ID" "$ADMIN" '{"role":"CREATOR"}' >/dev/null
TOKEN=$(curl -fsS -X POST "$BASE/v2/auth/login" -H 'content-type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password"}' | json '["accessToken"]')
TOOLS='[{"type":"http","name":"lookup","config":{"url":"https://api.example.com/lookup"}},{"type":"mcp","name":"search","config":{"url":"https://mcp.example.com/search"}}]'
RUNTIME='{"imageRef":"catalog/node:20","command":["node","server.js"],"args":[],"cpu":512,"memory":1024,"idleTimeoutSec":900,"maxSessionSec":3600}'
for i in $(seq 1 20); do
  call PUT "/v2/handles/bench/skills/bench-skill-$i" "$TOKEN" \
    "{\"displayName\":\"Bench skill $i\",\"description\":\"Load test.\",\"systemPrompt\":\"Answer briefly.\",\"tools\":$TOOLS}" >/dev/null
  call PUT "/v2/handles/bench/skills/bench-skill-$i/runtime" "$TOKEN" "$RUNTIME" >/dev/null
  call POST "/v2/handles/bench/skills/bench-skill-$i/publish" "$TOKEN" >/dev/null
done

# wrk: requests/s, p50 and p99 (ms) of one run, after a short warm-up.
run_wrk() { # name connections path [script]
  local name=$1 conns=$2 path=$3 script=${4:-}
  local args=(-t2 -c"$conns" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" --latency)
  [ -n "$script" ] && args+=(-s "bench/$script")
  if [ "${WARMING:-0}" = 1 ]; then
    say "warm-up ${name}: ${conns} connections, ${WARMUP}s"
    wrk "${args[@]}" -d"${WARMUP}s" "$BASE$path" >/dev/null
    return
  fi
  say "wrk ${name}: ${conns} connections, ${DURATION}s"
  wrk "${args[@]}" -d"${DURATION}s" "$BASE$path" >"$WORK/$name.txt"
  python3 - "$WORK/$name.txt" "$name" "$conns" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r'^\s*' + label + r'\s+([\d.]+)(us|ms|s)\s*$', text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == 'us' else value * 1000 if unit == 's' else value
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1))
errors = re.search(r'Non-2xx or 3xx responses: (\d+)', text)
print(f"{sys.argv[2]}\t{sys.argv[3]}\t{rps:.0f}\t{ms('50%'):.2f}\t{ms('99%'):.2f}\t{errors.group(1) if errors else 0}")
PY
}

# pgbench running the SQL of one metadata PUT, at the PUT's concurrency.
run_pgbench() { # connections
  local conns=$1
  local handle_id
  handle_id=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" -Atc "SELECT id FROM handles WHERE handle = 'bench'")
  say "pgbench put-metadata: ${conns} connections, ${DURATION}s"
  (cd "$WORK" && pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -M prepared -c "$conns" -j 2 -T "$DURATION" \
    -D user="$USER_ID" -D handle=bench -D handle_id="$handle_id" \
    -l --log-prefix=pgb -f "$OLDPWD/bench/put-metadata.sql" "$DB" >"$WORK/pgbench.txt")
  python3 - "$WORK" "$conns" <<'PY'
import glob, re, sys
text = open(sys.argv[1] + "/pgbench.txt").read()
tps = float(re.search(r'tps = ([\d.]+)', text).group(1))
lat = sorted(int(line.split()[2]) / 1000 for f in glob.glob(sys.argv[1] + "/pgb.*") for line in open(f))
print(f"pgbench put-metadata SQL\t{sys.argv[2]}\t{tps:.0f}\t{lat[len(lat)//2]:.2f}\t{lat[int(len(lat)*0.99)]:.2f}\t0")
PY
}

# Every scenario once unmeasured first, so that the JIT has compiled the whole server before any
# figure is taken (the first scenario would otherwise be measured cold).
WARMING=1 run_wrk "liveness" 32 /actuator/health/liveness
WARMING=1 run_wrk "GET list" 32 /v2/handles/bench/skills
WARMING=1 run_wrk "GET one skill" 32 /v2/handles/bench/skills/bench-skill-7
WARMING=1 run_wrk "PUT metadata" 16 /v2/handles/bench/skills put.lua
WARMING=1 run_wrk "publish" 16 /v2/handles/bench/skills publish.lua

{
  run_wrk "liveness" 32 /actuator/health/liveness
  run_wrk "GET list" 32 /v2/handles/bench/skills
  run_wrk "GET one skill" 32 /v2/handles/bench/skills/bench-skill-7
  run_wrk "PUT metadata" 16 /v2/handles/bench/skills put.lua
  run_pgbench 16
  run_wrk "publish" 16 /v2/handles/bench/skills publish.lua
} >"$WORK/results.tsv"

python3 - "$WORK/results.tsv" "$ready_ms" "${BENCH_JAVA_OPTS:-default heap}" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
by = {r[0]: r for r in rows}
print()
print(f"JVM: {sys.argv[3]}; start to ready: {sys.argv[2]} ms")
print(f"{'run':<26}{'conns':>6}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}")
for r in rows:
    print(f"{r[0]:<26}{r[1]:>6}{r[2]:>9}{r[3]:>9}{r[4]:>9}{r[5]:>9}")
ratio_list = float(by['GET list'][2]) / float(by['liveness'][2])
ratio_put = float(by['PUT metadata'][2]) / float(by['pgbench put-metadata SQL'][2])
print()
print(f"GET list / liveness           = {ratio_list:.2f}  (goal >= 0.40, GET list p99 {by['GET list'][4]} ms, goal < 10)")
print(f"PUT metadata / pgbench of SQL = {ratio_put:.2f}  (goal >= 0.50)")
PY
