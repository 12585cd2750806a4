#!/usr/bin/env bash
# Compares builds of the server in one session, for the before/after figure of each change:
# starts the floor and every jar given (each on its own fresh database, in the production
# configuration of bench/run.sh), seeds each with the 20-skill handle, warms every route of every
# build, then measures each read route build by build with the floor between them (floor, build 1,
# floor, build 2, ..., floor), so that a change's before and after are minutes apart and each is a
# ratio to the floor beside it.
#
#   bench/levers.sh target/before.jar target/after.jar [...]
#
# Settings: BENCH_DURATION (8), BENCH_ROUNDS (1; with more, the measuring repeats and the medians
# of each build's ratios and CPU follow the table), BENCH_WARMUP seconds per route and build (20), BENCH_LEVER_ROUTES
# ("liveness list one"), BENCH_JAVA_OPTS, BENCH_JAVA (java: the builds and the floor alike), the BENCH_PG_* settings and BENCH_FLOOR_PORT of run.sh;
# the builds listen on 18100, 18102, ... (management ports one above).
set -euo pipefail
if [ -z "${BENCH_ROOT:-}" ]; then
  BENCH_ROOT=$(cd "$(dirname "$0")/.." && pwd)
  BENCH_SELF=$(mktemp)
  cp "$0" "$BENCH_SELF"
  export BENCH_ROOT BENCH_SELF
  exec bash "$BENCH_SELF" "$@"
fi
cd "$BENCH_ROOT"
[ $# -ge 1 ] || { sed -n '2,14p' "$BENCH_SELF"; exit 2; }

PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
DURATION=${BENCH_DURATION:-8}
ROUNDS=${BENCH_ROUNDS:-1}
WARMUP=${BENCH_WARMUP:-20}
ROUTES=${BENCH_LEVER_ROUTES:-liveness list one}
FPORT=${BENCH_FLOOR_PORT:-18095}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
JAVA=${BENCH_JAVA:-java}
SECRET="bench-signing-secret-0123456789-abcdefghijklmnop"
JARS=("$@")
WORK=$(mktemp -d)
PIDS=()
T0=$(date +%s)
say() { local s=$(( $(date +%s) - T0 )); printf '[%02d:%02d] %s\n' $((s / 60)) $((s % 60)) "$*" >&2; }
psql_q() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }
cleanup() {
  set +e # a server stopped by SIGTERM exits non-zero; cleaning up goes on
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  for i in "${!JARS[@]}"; do psql_q -d postgres -c "DROP DATABASE IF EXISTS skills_bench_perf_$i WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$WORK" "${BENCH_SELF:-}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

FLOOR_JAR=$(ls bench/floor/target/bench-floor-*.jar 2>/dev/null | head -n 1 || true)
[ -n "$FLOOR_JAR" ] || ./mvnw -B -q -f bench/floor/pom.xml package -Dmaven.test.skip=true
FLOOR_JAR=$(ls bench/floor/target/bench-floor-*.jar | head -n 1)
say "starting the floor and ${#JARS[@]} builds on $("$JAVA" -version 2>&1 | head -n 1)${JAVA_OPTS:+ with $JAVA_OPTS}"
# shellcheck disable=SC2086
env SERVER_PORT="$FPORT" "$JAVA" $JAVA_OPTS -jar "$FLOOR_JAR" >"$WORK/floor.log" 2>&1 &
FLOOR_PID=$!; PIDS+=("$FLOOR_PID")
declare -a SPID BASE
for i in "${!JARS[@]}"; do
  db=skills_bench_perf_$i
  psql_q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  psql_q -d postgres -c "CREATE DATABASE $db" >/dev/null
  port=$((18100 + 2 * i))
  # shellcheck disable=SC2086
  env SPRING_DATASOURCE_URL="jdbc:postgresql://${PG_HOST}:${PG_PORT}/$db" SPRING_DATASOURCE_USERNAME="$PG_USER" \
    SKILLS_JWT_SECRET="$SECRET" SERVER_PORT="$port" MANAGEMENT_SERVER_PORT=$((port + 1)) \
    SKILLS_BOOTSTRAP_ADMIN_EMAIL=bench-admin@bench.test SKILLS_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-pass-4711 \
    SKILLS_RATE_LIMIT_HANDLES_CAPACITY=1000000000 "$JAVA" $JAVA_OPTS -jar "${JARS[$i]}" >"$WORK/server-$i.log" 2>&1 &
  SPID[$i]=$!; PIDS+=("${SPID[$i]}"); BASE[$i]="http://127.0.0.1:$port"
done
until curl -fs "http://127.0.0.1:$FPORT/floor" >/dev/null 2>&1; do sleep 0.2; done
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
declare -a TOKEN
for i in "${!JARS[@]}"; do
  b=${BASE[$i]}
  until curl -fs "$b/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "${SPID[$i]}" 2>/dev/null || { tail -n 30 "$WORK/server-$i.log" >&2; exit 1; }
    sleep 0.2
  done
  say "build $i ready; seeding"
  call() { curl -fsS -X "$1" "$b$2" -H "authorization: Bearer $3" -H 'content-type: application/json' ${4:+-d "$4"}; }
  admin=$(curl -fsS -X POST "$b/v2/auth/login" -H 'content-type: application/json' \
    -d '{"email":"bench-admin@bench.test","password":"bench-admin-pass-4711"}' | json '["accessToken"]')
  call PUT /v2/platform-admin/tenants/bench "$admin" '{"plan":"growth","features":["growth_tools"]}' >/dev/null
  call PUT /v2/platform-admin/handles/bench "$admin" '{"tenantId":"bench"}' >/dev/null
  user=$(call POST /v2/platform-admin/users "$admin" '{"email":"bench@bench.test","password":"bench-password-4711"}' | json '["user"]["id"]')
  call PUT "/v2/handles/bench/members/$user" "$admin" '{"role":"CREATOR"}' >/dev/null
  TOKEN[$i]=$(curl -fsS -X POST "$b/v2/auth/login" -H 'content-type: application/json' \
    -d '{"email":"bench@bench.test","password":"bench-password-4711"}' | json '["accessToken"]')
  python3 bench/seed.py "$b" "${TOKEN[$i]}" bench:20 >&2
done

path() { case $1 in liveness) echo /actuator/health/liveness;; list) echo /v2/handles/bench/skills;; one) echo /v2/handles/bench/skills/bench-skill-7;; esac; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run() { # target(floor|index) route seconds measure
  local target=$1 route=$2 seconds=$3 measure=$4 url pid token=x
  if [ "$target" = floor ]; then url="http://127.0.0.1:$FPORT/floor"; pid=$FLOOR_PID
  else url="${BASE[$target]}$(path "$route")"; pid=${SPID[$target]}; token=${TOKEN[$target]}; fi
  local c0; c0=$(cpu_ticks "$pid")
  wrk -t2 -c32 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$url" >"$WORK/wrk.txt"
  local c1; c1=$(cpu_ticks "$pid")
  if [ "$measure" = 1 ]; then
    python3 bench/report.py wrk "$WORK/wrk.txt" "$target" 0 32 $((c1 - c0)) 0 0 \
      | python3 -c "import json,sys; r=json.load(sys.stdin); r['route']='$route'; print(json.dumps(r))" >>"$WORK/levers.jsonl"
  fi
}

say "warm-up: every route of every build ${WARMUP}s, the floor $((WARMUP * 2))s"
run floor - $((WARMUP * 2)) 0
for route in $ROUTES; do for i in "${!JARS[@]}"; do say "  warm-up build $i $route"; run "$i" "$route" "$WARMUP" 0; done; done
for round in $(seq 1 "$ROUNDS"); do
  for route in $ROUTES; do
    say "round ${round}/${ROUNDS}, measuring ${route}: floor, then each build followed by the floor, ${DURATION}s each"
    run floor "$route" "$DURATION" 1
    for i in "${!JARS[@]}"; do run "$i" "$route" "$DURATION" 1; run floor "$route" "$DURATION" 1; done
  done
done

python3 - "$WORK/levers.jsonl" "${JARS[@]}" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
jars = [j.rsplit("/", 1)[-1] for j in sys.argv[2:]]
print()
print(f"{'route':<10}{'build':<30}{'req/s':>8}{'x floor':>8}{'p99 ms':>8}{'p99 x':>7}{'CPU ms':>8}")
runs = {}
for k, r in enumerate(rows):
    if r["name"] == "floor":
        continue
    floors = [rows[k - 1], rows[k + 1]]
    f_rps = sum(f["rps"] for f in floors) / 2
    f_p99 = sum(f["p99"] for f in floors) / 2
    runs.setdefault((r["route"], r["name"]), []).append((r["rps"] / f_rps, r["p99"] / f_p99, r["cpu_ms"]))
    print(f"{r['route']:<10}{jars[int(r['name'])]:<30}{r['rps']:>8.0f}{r['rps'] / f_rps:>8.2f}"
          f"{r['p99']:>8.2f}{r['p99'] / f_p99:>7.1f}{r['cpu_ms']:>8.3f}")
    if k + 2 >= len(rows) or rows[k + 2]["route"] != r["route"]:
        print(f"{'':<10}{'floor (mean of the runs)':<30}"
              f"{sum(f['rps'] for f in rows if f['name'] == 'floor' and f['route'] == r['route']) / max(1, sum(1 for f in rows if f['name'] == 'floor' and f['route'] == r['route'])):>8.0f}")
if any(len(v) > 1 for v in runs.values()):
    median = lambda values: sorted(values)[len(values) // 2]
    print()
    print(f"Medians over {max(len(v) for v in runs.values())} rounds:")
    print(f"{'route':<10}{'build':<30}{'x floor':>8}{'p99 x':>7}{'CPU ms':>8}")
    for (route, name), values in runs.items():
        print(f"{route:<10}{jars[int(name)]:<30}{median([v[0] for v in values]):>8.2f}"
              f"{median([v[1] for v in values]):>7.1f}{median([v[2] for v in values]):>8.3f}")
PY
say "done in $(( ($(date +%s) - T0) / 60 )) min"
