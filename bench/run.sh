#!/usr/bin/env bash
# Benchmark: the server in its production configuration against the framework's floor.
#
# Builds the server's jar and the floor (bench/floor: Spring Boot webmvc with one constant JSON
# route), starts both with the same JVM options on a fresh PostgreSQL database, seeds handles of
# 20 published skills and 16 of 4 through the API, and of 200 and 2,000 copies of an API-made
# skill in SQL (bench/clone.sql), counts the SQL statements each route
# executes, measures what the list renderings hold in memory, warms every route, then measures
# the floor and the routes interleaved (floor, route, floor, route, ...) so that each figure is a
# ratio to a floor measured beside it: the machine's speed may change from minute to minute, the
# ratio much less. PUT and publish are also compared with pgbench running their SQL
# (bench/put-metadata.sql, bench/publish.sql) beside them. Last, the server is stopped under load
# and its log checked: one access line per request answered, request ids unique.
#
# The server runs as deployed: access log on, ECS JSON logs on stdout redirected to a file,
# rate limiter on, metrics on (Prometheus scraped every 15 s). The one setting changed from the
# shipped defaults is the per-user quota, raised so that the load never reaches it (the limiter
# still counts every request); the table's header prints it.
#
#   bench/run.sh                              # about 13 minutes
#   BENCH_JAVA_OPTS=-Xmx256m bench/run.sh     # JVM options, for the server and the floor alike
#   BENCH_SCENARIOS="liveness list one put" bench/run.sh   # a subset (about 5 minutes)
#
# Settings (environment): BENCH_PG_HOST (127.0.0.1), BENCH_PG_PORT (5432), BENCH_PG_USER
# (postgres), BENCH_DB (skills_bench_perf, dropped at the end unless BENCH_KEEP_DB=1),
# BENCH_DURATION seconds per measured run (10), BENCH_WARMUP seconds of unmeasured load per
# scenario before any measurement, in two passes (32), BENCH_WRITE_WARMUP the same for the writes
# (90: C2 is still compiling Hibernate's paths after a minute of PUTs, and a PUT measured after 32 s
# ran at 0.45 of pgbench where the same build ran at 0.63 after 120 s), BENCH_ROUNDS measured rounds (1; with more,
# the median of the ratios), BENCH_PORT / BENCH_MANAGEMENT_PORT / BENCH_FLOOR_PORT (18093, 18094,
# 18095), BENCH_ENV extra server settings ("NAME=value ..."), BENCH_SKIP_BUILD=1,
# BENCH_PROFILE_DIR (a JFR recording of every measured server run goes there; with
# BENCH_ASYNC_PROFILER=/path/to/libasyncProfiler.so, async-profiler's CPU samples instead, as
# collapsed stacks: the library is in tools.profiler:async-profiler on Maven Central;
# BENCH_ASYNC_EVENT=alloc with BENCH_ASYNC_INTERVAL=512k samples allocations instead, wall the
# threads' wall-clock time),
# BENCH_PG_LOG (PostgreSQL's log file, for the statement counts; found under /var/log/postgresql),
# BENCH_OUT (where the results and the table are kept; target/bench/<time>), BENCH_JAVA (java),
# BENCH_JAR (the server's jar, to compare builds; the one in target/ by default).
set -euo pipefail
# Bash reads a script as it runs it: run a copy, so that editing this file cannot disturb a run.
if [ -z "${BENCH_ROOT:-}" ]; then
  BENCH_ROOT=$(cd "$(dirname "$0")/.." && pwd)
  BENCH_SELF=$(mktemp)
  cp "$0" "$BENCH_SELF"
  export BENCH_ROOT BENCH_SELF
  exec bash "$BENCH_SELF" "$@"
fi
cd "$BENCH_ROOT"
ROOT=$PWD

PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
DB=${BENCH_DB:-skills_bench_perf}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-32}
WRITE_WARMUP=${BENCH_WRITE_WARMUP:-90}
ROUNDS=${BENCH_ROUNDS:-1}
PORT=${BENCH_PORT:-18093}
MPORT=${BENCH_MANAGEMENT_PORT:-18094}
FPORT=${BENCH_FLOOR_PORT:-18095}
SCENARIOS=${BENCH_SCENARIOS:-liveness list one list200 list2000 put put16 publish}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
JAVA=${BENCH_JAVA:-java}
OUT=${BENCH_OUT:-$ROOT/target/bench/$(date +%Y%m%d-%H%M%S)}
BASE="http://127.0.0.1:${PORT}"
MGMT="http://127.0.0.1:${MPORT}"
FLOOR="http://127.0.0.1:${FPORT}"
SECRET="bench-signing-secret-0123456789-abcdefghijklmnop"
QUOTA=1000000000
DRAIN_SECONDS=5 # the shipped SKILLS_SHUTDOWN_DRAIN
WORK=$(mktemp -d)
SERVER_PID="" FLOOR_PID="" SCRAPER_PID=""
T0=$(date +%s)
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: >"$RESULTS"

say() { local s=$(( $(date +%s) - T0 )); printf '[%02d:%02d] %s\n' $((s / 60)) $((s % 60)) "$*" >&2; }
psql_q() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }
cleanup() {
  set +e # a server stopped by SIGTERM exits non-zero; cleaning up goes on
  for pid in $SCRAPER_PID $SERVER_PID $FLOOR_PID; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  if [ "${BENCH_KEEP_DB:-0}" != 1 ]; then
    psql_q -d postgres -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK" "${BENCH_SELF:-}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in wrk pgbench psql jcmd python3 curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (wrk: apt-get install wrk; pgbench and psql: postgresql-client)" >&2; exit 1; }
done
has() { [[ " $SCENARIOS " == *" $1 "* ]]; }

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  say "building the server's jar and the floor"
  ./mvnw -B -q package -Dmaven.test.skip=true
  ./mvnw -B -q -f bench/floor/pom.xml package -Dmaven.test.skip=true
fi
JAR=${BENCH_JAR:-$(ls target/skills-control-plane-*.jar | grep -v plain | head -n 1)}
FLOOR_JAR=$(ls bench/floor/target/bench-floor-*.jar | grep -v plain | head -n 1)

say "creating database ${DB}"
psql_q -d postgres -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" >/dev/null
psql_q -d postgres -c "CREATE DATABASE ${DB}" >/dev/null

for p in "$PORT" "$MPORT" "$FPORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is taken; set BENCH_PORT, BENCH_MANAGEMENT_PORT, BENCH_FLOOR_PORT" >&2; exit 1; fi
done
say "starting the server and the floor (JVM options: ${JAVA_OPTS:-none})"
started=$(date +%s%N)
# shellcheck disable=SC2086
env SPRING_DATASOURCE_URL="jdbc:postgresql://${PG_HOST}:${PG_PORT}/${DB}" SPRING_DATASOURCE_USERNAME="$PG_USER" \
  SKILLS_JWT_SECRET="$SECRET" SERVER_PORT="$PORT" MANAGEMENT_SERVER_PORT="$MPORT" \
  SKILLS_BOOTSTRAP_ADMIN_EMAIL=bench-admin@bench.test SKILLS_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-pass-4711 \
  SKILLS_RATE_LIMIT_HANDLES_CAPACITY=$QUOTA ${BENCH_ENV:-} \
  "$JAVA" $JAVA_OPTS -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
# shellcheck disable=SC2086
env SERVER_PORT="$FPORT" "$JAVA" $JAVA_OPTS -jar "$FLOOR_JAR" >"$WORK/floor.log" 2>&1 &
FLOOR_PID=$!
until curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 50 "$WORK/server.log" >&2; exit 1; }
  sleep 0.1
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
until curl -fs "$FLOOR/floor" >/dev/null 2>&1; do
  kill -0 "$FLOOR_PID" 2>/dev/null || { tail -n 50 "$WORK/floor.log" >&2; exit 1; }
  sleep 0.1
done
say "server ready after ${ready_ms} ms; floor ready"
# What a Prometheus would do: scrape the management port every 15 s.
( while sleep 15; do curl -fs -o /dev/null "$MGMT/actuator/prometheus" || true; done ) &
SCRAPER_PID=$!

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
call() { curl -fsS -X "$1" "$BASE$2" -H "authorization: Bearer $3" -H 'content-type: application/json' ${4:+-d "$4"}; }

say "seeding: handles of 20 skills and 16 of 4 through the API (each skill with a runtime, published), 200 and 2,000 in SQL"
ADMIN=$(curl -fsS -X POST "$BASE/v2/auth/login" -H 'content-type: application/json' \
  -d '{"email":"bench-admin@bench.test","password":"bench-admin-pass-4711"}' | json '["accessToken"]')
call PUT /v2/platform-admin/tenants/bench "$ADMIN" '{"plan":"growth","features":["growth_tools"]}' >/dev/null
USER_ID=$(call POST /v2/platform-admin/users "$ADMIN" '{"email":"bench@bench.test","password":"bench-password-4711"}' | json '["user"]["id"]')
SPREAD=$(printf 'bench-w%d,' $(seq 1 16)); SPREAD=${SPREAD%,}
for handle in bench bench200 bench2000 ${SPREAD//,/ }; do
  call PUT "/v2/platform-admin/handles/$handle" "$ADMIN" '{"tenantId":"bench"}' >/dev/null
  call PUT "/v2/handles/$handle/members/$USER_ID" "$ADMIN" '{"role":"CREATOR"}' >/dev/null
done
TOKEN=$(curl -fsS -X POST "$BASE/v2/auth/login" -H 'content-type: application/json' \
  -d '{"email":"bench@bench.test","password":"bench-password-4711"}' | json '["accessToken"]')
specs="bench:20"
if has put16; then for handle in ${SPREAD//,/ }; do specs+=" $handle:4"; done; fi
# shellcheck disable=SC2086
python3 bench/seed.py "$BASE" "$TOKEN" $specs | tee "$OUT/seed.txt" >&2
# The large handles: copies of an API-made skill, written in SQL (bench/clone.sql).
has list200 && psql_q -d "$DB" -v target=bench200 -v count=200 -f bench/clone.sql >/dev/null
has list2000 && psql_q -d "$DB" -v target=bench2000 -v count=2000 -f bench/clone.sql >/dev/null
HANDLE_ID=$(psql_q -d "$DB" -c "SELECT id FROM handles WHERE handle = 'bench'")

# ---------------------------------------------------------------------------------------------
# Scenarios: name, connections, base URL, path, wrk script, environment for the script.
declare -A S_CONNS S_BASE S_PATH S_SCRIPT S_ENV S_DESC
scenario() { S_CONNS[$1]=$2; S_BASE[$1]=$3; S_PATH[$1]=$4; S_SCRIPT[$1]=${5:-}; S_ENV[$1]=${6:-}; S_DESC[$1]=$7; }
scenario floor 32 "$FLOOR" /floor "" "" "floor: GET /floor (plain Spring Boot)"
scenario liveness 32 "$BASE" /actuator/health/liveness "" "" "liveness (API port)"
scenario list 32 "$BASE" /v2/handles/bench/skills "" "" "GET list, 20 skills"
scenario one 32 "$BASE" /v2/handles/bench/skills/bench-skill-7 "" "" "GET one skill"
scenario list200 32 "$BASE" /v2/handles/bench200/skills "" "" "GET list, 200 skills"
scenario list2000 32 "$BASE" /v2/handles/bench2000/skills "" "" "GET list, 2,000 skills"
scenario put 16 "$BASE" / put.lua "PUT_HANDLES=bench" "PUT metadata, one handle"
scenario put16 16 "$BASE" / put.lua "PUT_HANDLES=$SPREAD PUT_KEYS=4" "PUT metadata, 16 handles"
scenario publish 16 "$BASE" / publish.lua "" "publish, one handle"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pool_pids() { psql_q -d "$DB" -c "SELECT pid FROM pg_stat_activity WHERE datname = '${DB}' AND pid <> pg_backend_pid() AND backend_type = 'client backend'" | tr '\n' ' '; }
pids_ticks() { local t=0 p; for p in $1; do t=$(( t + $(cpu_ticks "$p") )); done; echo $t; }
allocated() { curl -fs "$MGMT/actuator/prometheus" | awk '/^jvm_gc_memory_allocated_bytes_total/ {s += $2} END {printf "%.0f", s}'; }

# One wrk run. Measured runs append a JSON line to the results: requests/s, latency
# percentiles, bytes, CPU milliseconds of the JVM and of the server's PostgreSQL backends, bytes
# allocated (server only).
load() { # name seconds measure(0|1) [round]
  local name=$1 seconds=$2 measure=$3 round=${4:-0}
  local url=${S_BASE[$name]} pid=$SERVER_PID
  [ "$name" = floor ] && pid=$FLOOR_PID
  local args=(-t2 -c"${S_CONNS[$name]}" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" --latency -d"${seconds}s")
  [ -n "${S_SCRIPT[$name]}" ] && args+=(-s "bench/${S_SCRIPT[$name]}")
  kill -0 "$pid" 2>/dev/null || { echo "the process under test (${pid}) is gone; see the logs" >&2; exit 1; }
  if [ "$measure" = 0 ]; then
    # shellcheck disable=SC2086
    env ${S_ENV[$name]} wrk "${args[@]}" "$url${S_PATH[$name]}" >/dev/null
    return
  fi
  local pg_pids="" pg0=0 alloc0=0
  if [ "$pid" = "$SERVER_PID" ]; then pg_pids=$(pool_pids); pg0=$(pids_ticks "$pg_pids"); alloc0=$(allocated); fi
  [ -n "${BENCH_PROFILE_DIR:-}" ] && [ "$pid" = "$SERVER_PID" ] && profile start
  local cpu0; cpu0=$(cpu_ticks "$pid")
  # shellcheck disable=SC2086
  env ${S_ENV[$name]} wrk "${args[@]}" "$url${S_PATH[$name]}" >"$WORK/wrk.txt"
  local cpu1; cpu1=$(cpu_ticks "$pid")
  [ -n "${BENCH_PROFILE_DIR:-}" ] && [ "$pid" = "$SERVER_PID" ] && profile stop "$name-$round"
  local pg1=0 alloc1=0
  if [ "$pid" = "$SERVER_PID" ]; then pg1=$(pids_ticks "$pg_pids"); alloc1=$(allocated); fi
  python3 bench/report.py wrk "$WORK/wrk.txt" "$name" "$round" "${S_CONNS[$name]}" $((cpu1 - cpu0)) $((pg1 - pg0)) \
    $((alloc1 - alloc0)) >>"$RESULTS"
  tail -n 1 "$RESULTS" | python3 -c "import json,sys; r=json.load(sys.stdin); print(f\"      {r['name']}: {r['rps']:.0f} req/s, p99 {r['p99']:.2f} ms\")" >&2
}

profile() { # start | stop name: a profile of one measured run: JFR, or async-profiler's CPU samples
  local agent=${BENCH_ASYNC_PROFILER:-}
  if [ "$1" = start ]; then
    mkdir -p "$BENCH_PROFILE_DIR"
    if [ -n "$agent" ]; then
      # jcmd reads an unquoted "a=b" as a named argument: the agent's options go in quotes.
      jcmd "$SERVER_PID" JVMTI.agent_load "$agent" "\"start,event=${BENCH_ASYNC_EVENT:-cpu},interval=${BENCH_ASYNC_INTERVAL:-1ms}\"" >/dev/null
    else
      jcmd "$SERVER_PID" JFR.start name=bench settings=profile >/dev/null
    fi
  elif [ -n "$agent" ]; then
    jcmd "$SERVER_PID" JVMTI.agent_load "$agent" "\"stop,collapsed,file=$BENCH_PROFILE_DIR/$2.collapsed\"" >/dev/null
  else
    jcmd "$SERVER_PID" JFR.stop name=bench filename="$BENCH_PROFILE_DIR/$2.jfr" >/dev/null
  fi
}

pgbench_run() { # name script seconds measure [round]
  local name=$1 script=$2 seconds=$3 measure=$4 round=${5:-0}
  rm -f "$WORK"/pgb.*
  say "pgbench ${name}: 16 connections, ${seconds}s"
  (cd "$WORK" && pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -M prepared -c 16 -j 2 -T "$seconds" \
    -D user="$USER_ID" -D handle=bench -D handle_id="$HANDLE_ID" -l --log-prefix=pgb \
    -f "$ROOT/bench/$script" "$DB" >"$WORK/pgbench.txt" 2>&1) || { cat "$WORK/pgbench.txt" >&2; exit 1; }
  [ "$measure" = 1 ] && python3 bench/report.py pgbench "$WORK" "$name" "$round" 16 >>"$RESULTS"
  return 0
}

# ---------------------------------------------------------------------------------------------
say "memory: what the list renderings hold (live heap after a full GC, before and after rendering)"
live_heap() { jcmd "$SERVER_PID" GC.class_histogram 2>/dev/null | awk '/^Total/ {print $3}'; }
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/v2/handles/bench-w1/skills" || true
for handle in bench bench200 bench2000; do
  case $handle in bench) n=20;; bench200) n=200; has list200 || continue;; bench2000) n=2000; has list2000 || continue;; esac
  before=$(live_heap)
  timing=$(curl -fs -o "$WORK/list.json" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$BASE/v2/handles/$handle/skills")
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/v2/handles/$handle/skills/bench-skill-1"
  after=$(live_heap)
  echo "{\"kind\":\"memory\",\"skills\":$n,\"list_bytes\":$(stat -c %s "$WORK/list.json"),\"held\":$((after - before)),\"first_ms\":$(python3 -c "print(round($timing*1000,1))")}" >>"$RESULTS"
done

say "SQL statements per request (PostgreSQL's log_statement on this database for a moment)"
PG_LOG=${BENCH_PG_LOG:-$(ls -t /var/log/postgresql/postgresql-*.log 2>/dev/null | head -n 1 || true)}
reconnect_pool() { # Hikari validates a connection idle for 0.5 s before lending it, so dropped ones are replaced quietly.
  psql_q -d "$DB" -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '${DB}' AND pid <> pg_backend_pid() AND backend_type = 'client backend'" >/dev/null
  sleep 1.5
}
if [ -n "$PG_LOG" ] && [ -r "$PG_LOG" ]; then
  psql_q -d postgres -c "ALTER DATABASE ${DB} SET log_statement = 'all'" >/dev/null
  reconnect_pool
  for name in liveness list one list200 list2000 put publish; do
    has "$name" || continue
    offset=$(stat -c %s "$PG_LOG")
    args=(-t1 -c1 -d2s -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json")
    [ -n "${S_SCRIPT[$name]}" ] && args+=(-s "bench/${S_SCRIPT[$name]}")
    # shellcheck disable=SC2086
    requests=$(env ${S_ENV[$name]} wrk "${args[@]}" "${S_BASE[$name]}${S_PATH[$name]}" | awk '/requests in/ {print $1}')
    sleep 0.5
    tail -c +$((offset + 1)) "$PG_LOG" >"$WORK/statements.log"
    statements=$(grep -E "${PG_USER}@${DB} LOG:  (statement|execute [^:]*): ." "$WORK/statements.log" | grep -vc ': $' || true)
    case $name in put | publish) grep -E "${PG_USER}@${DB} (LOG|DETAIL)" "$WORK/statements.log" | tail -n 40 >"$OUT/$name-statements.log";; esac
    echo "{\"kind\":\"statements\",\"name\":\"$name\",\"requests\":$requests,\"statements\":$statements}" >>"$RESULTS"
  done
  psql_q -d postgres -c "ALTER DATABASE ${DB} RESET log_statement" >/dev/null
  reconnect_pool
else
  say "  no readable PostgreSQL log (set BENCH_PG_LOG): statement counts skipped"
fi

# ---------------------------------------------------------------------------------------------
warm=(floor $SCENARIOS)
per_pass=$(( (WARMUP + 1) / 2 ))
write_per_pass=$(( (WRITE_WARMUP + 1) / 2 ))
say "warm-up: ${#warm[@]} scenarios x 2 passes x ${per_pass}s, writes ${write_per_pass}s (the JIT compiles for the first minutes)"
for pass in 1 2; do
  for name in "${warm[@]}"; do
    seconds=$per_pass
    case $name in put | put16 | publish) seconds=$write_per_pass;; esac
    say "  warm-up ${pass}/2 ${name}"
    load "$name" "$seconds" 0
  done
done
if has put; then pgbench_run put-metadata put-metadata.sql 5 0; fi
if has publish; then pgbench_run publish publish.sql 5 0; fi

measure() { say "  ${1}: ${S_CONNS[$1]} connections, ${DURATION}s"; load "$1" "$DURATION" 1 "$2"; }
for round in $(seq 1 "$ROUNDS"); do
  say "measuring, round ${round}/${ROUNDS}: floor and routes interleaved"
  measure floor "$round"
  for name in liveness list one list200 list2000; do
    has "$name" || continue
    measure "$name" "$round"; measure floor "$round"
  done
  if has put; then
    pgbench_run put-metadata put-metadata.sql "$DURATION" 1 "$round"
    measure put "$round"
    pgbench_run put-metadata put-metadata.sql "$DURATION" 1 "$round"
    measure floor "$round"
  fi
  if has put16; then measure put16 "$round"; measure floor "$round"; fi
  if has publish; then
    pgbench_run publish publish.sql "$DURATION" 1 "$round"
    measure publish "$round"
    pgbench_run publish publish.sql "$DURATION" 1 "$round"
    measure floor "$round"
  fi
done

# ---------------------------------------------------------------------------------------------
say "stopping the server under load: every request answered must have its access line"
answered=$(curl -fs "$MGMT/actuator/prometheus" | awk '/^http_server_requests_seconds_count/ && !/actuator\/prometheus/ {s += $2} END {printf "%.0f", s}')
kill "$SCRAPER_PID" 2>/dev/null; wait "$SCRAPER_PID" 2>/dev/null || true; SCRAPER_PID=""
wrk -t2 -c32 -d$((DRAIN_SECONDS + 3))s "$BASE/actuator/health/liveness" >"$WORK/last.txt" 2>&1 &
last_pid=$!
sleep 2
stop_started=$(date +%s%N)
kill -TERM "$SERVER_PID"
wait "$SERVER_PID" || true
SERVER_PID=""
stop_ms=$(( ($(date +%s%N) - stop_started) / 1000000 ))
wait "$last_pid" || true
last=$(awk '/requests in/ {print $1}' "$WORK/last.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/last.txt"); non2xx=${non2xx:-0}
python3 bench/report.py logcheck "$WORK/server.log" "$answered" "$last" "$non2xx" "$stop_ms" >>"$RESULTS"
tail -n 200 "$WORK/server.log" >"$OUT/server.log.tail"

python3 bench/report.py table "$RESULTS" "$ready_ms" "${JAVA_OPTS:-default}" \
  "SKILLS_RATE_LIMIT_HANDLES_CAPACITY=$QUOTA (default 600)${BENCH_ENV:+, $BENCH_ENV}" \
  "$(nproc)" "$("$JAVA" -version 2>&1 | head -n 1)" | tee "$OUT/table.txt"
say "done in $(( ($(date +%s) - T0) / 60 )) min $(( ($(date +%s) - T0) % 60 )) s; results in ${OUT#"$ROOT"/}"
