#!/usr/bin/env bash
# Benchmark: what an unauthenticated flood leaves to an authenticated client.
#
# Starts the server as deployed (access log on, JSON logs to a file, rate limits and metrics on)
# on a fresh PostgreSQL database, seeds a handle of 20 published skills, then measures an
# authenticated client listing them (8 connections) alone and under a flood from 64 connections
# that nobody authenticated: half fetch the API description (GET /v3/api-docs, without
# If-None-Match, as a scraper would), half send failed logins for ever new unknown addresses from
# one client address. Alone and flooded alternate (alone, flooded, alone, flooded, ...) so the
# machine's changing speed touches both sides alike; the table gives the client's requests per
# second and p99 in each, the ratio flooded ÷ alone (median over the rounds; the goal is ≥ 0.6),
# and how the flood was answered. The one setting changed from the shipped defaults is the
# per-user quota of the handle routes, raised so that the client never reaches it.
#
#   bench/flood.sh                       # about 4 minutes
#   FLOOD_ROUNDS=5 bench/flood.sh
#
# Settings (environment): FLOOD_PG_HOST (127.0.0.1), FLOOD_PG_PORT (5432), FLOOD_PG_USER
# (postgres), FLOOD_DB (skills_bench_flood, dropped at the end), FLOOD_DURATION seconds per
# measured run (10), FLOOD_WARMUP seconds of each kind of load before measuring (30), FLOOD_ROUNDS (3), FLOOD_KINDS (what floods, the 64 connections shared: "docs
# logins", or one of them), FLOOD_PORT / FLOOD_MANAGEMENT_PORT (18096, 18097),
# FLOOD_JAVA_OPTS, FLOOD_SKIP_BUILD=1, FLOOD_OUT (target/bench/flood-<time>).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PG_HOST=${FLOOD_PG_HOST:-127.0.0.1}
PG_PORT=${FLOOD_PG_PORT:-5432}
PG_USER=${FLOOD_PG_USER:-postgres}
DB=${FLOOD_DB:-skills_bench_flood}
DURATION=${FLOOD_DURATION:-10}
ROUNDS=${FLOOD_ROUNDS:-3}
WARMUP=${FLOOD_WARMUP:-30}
KINDS=${FLOOD_KINDS:-docs logins}
PORT=${FLOOD_PORT:-18096}
MPORT=${FLOOD_MANAGEMENT_PORT:-18097}
OUT=${FLOOD_OUT:-$ROOT/target/bench/flood-$(date +%Y%m%d-%H%M%S)}
BASE="http://127.0.0.1:${PORT}"
MGMT="http://127.0.0.1:${MPORT}"
QUOTA=1000000000
WORK=$(mktemp -d)
SERVER_PID="" FLOOD_PIDS=""
T0=$(date +%s)
mkdir -p "$OUT"

say() { local s=$(( $(date +%s) - T0 )); printf '[%02d:%02d] %s\n' $((s / 60)) $((s % 60)) "$*" >&2; }
psql_q() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }
cleanup() {
  set +e
  for pid in $FLOOD_PIDS $SERVER_PID; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  psql_q -d postgres -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in wrk psql python3 curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (wrk: apt-get install wrk; psql: postgresql-client)" >&2; exit 1; }
done
if [ "${FLOOD_SKIP_BUILD:-0}" != 1 ]; then
  say "building the server's jar"
  ./mvnw -B -q package -Dmaven.test.skip=true
fi
JAR=$(ls target/skills-control-plane-*.jar | grep -v plain | head -n 1)
for p in "$PORT" "$MPORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is taken; set FLOOD_PORT, FLOOD_MANAGEMENT_PORT" >&2; exit 1; fi
done

say "creating database ${DB} and starting the server"
psql_q -d postgres -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" >/dev/null
psql_q -d postgres -c "CREATE DATABASE ${DB}" >/dev/null
# shellcheck disable=SC2086
env SPRING_DATASOURCE_URL="jdbc:postgresql://${PG_HOST}:${PG_PORT}/${DB}" SPRING_DATASOURCE_USERNAME="$PG_USER" \
  SKILLS_JWT_SECRET="flood-signing-secret-0123456789-abcdefghijklmnop" SERVER_PORT="$PORT" \
  MANAGEMENT_SERVER_PORT="$MPORT" SKILLS_BOOTSTRAP_ADMIN_EMAIL=flood-admin@bench.test \
  SKILLS_BOOTSTRAP_ADMIN_PASSWORD=flood-admin-pass-4711 SKILLS_RATE_LIMIT_HANDLES_CAPACITY=$QUOTA \
  java ${FLOOD_JAVA_OPTS:-} -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
until curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 50 "$WORK/server.log" >&2; exit 1; }
  sleep 0.2
done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
call() { curl -fsS -X "$1" "$BASE$2" -H "authorization: Bearer $3" -H 'content-type: application/json' ${4:+-d "$4"}; }
login() { curl -fsS -X POST "$BASE/v2/auth/login" -H 'content-type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}" | json '["accessToken"]'; }
say "seeding a handle of 20 published skills"
ADMIN=$(login flood-admin@bench.test flood-admin-pass-4711)
call PUT /v2/platform-admin/tenants/flood "$ADMIN" '{"plan":"growth","features":["growth_tools"]}' >/dev/null
USER_ID=$(call POST /v2/platform-admin/users "$ADMIN" '{"email":"client@bench.test","password":"client-password-4711"}' | json '["user"]["id"]')
call PUT /v2/platform-admin/handles/flood "$ADMIN" '{"tenantId":"flood"}' >/dev/null
call PUT "/v2/handles/flood/members/$USER_ID" "$ADMIN" '{"role":"CREATOR"}' >/dev/null
TOKEN=$(login client@bench.test client-password-4711)
python3 bench/seed.py "$BASE" "$TOKEN" flood:20 >&2

client() { # seconds output
  wrk -t1 -c8 -d"$1s" --latency -H "Authorization: Bearer $TOKEN" "$BASE/v2/handles/flood/skills" >"$2"
}
flood_start() { # seconds prefix
  FLOOD_PIDS=""
  if [[ " $KINDS " == *" docs "* ]]; then
    wrk -t1 -c$((64 / $(wc -w <<<"$KINDS"))) -d"$1s" "$BASE/v3/api-docs" >"$2-docs.txt" 2>&1 &
    FLOOD_PIDS="$!"
  fi
  if [[ " $KINDS " == *" logins "* ]]; then
    wrk -t1 -c$((64 / $(wc -w <<<"$KINDS"))) -d"$1s" -s bench/login-flood.lua "$BASE/v2/auth/login" >"$2-logins.txt" 2>&1 &
    FLOOD_PIDS="$FLOOD_PIDS $!"
  fi
}
flood_wait() { for pid in $FLOOD_PIDS; do wait "$pid" || true; done; FLOOD_PIDS=""; }
login_counts() { curl -fs "$MGMT/actuator/prometheus" | python3 -c '
import re, sys
counts = {}
for line in sys.stdin:
    if line.startswith("http_server_requests_seconds_count") and "uri=\"/v2/auth/login\"" in line:
        status = re.search(r"status=\"(\d+)\"", line).group(1)
        counts[status] = counts.get(status, 0) + float(line.split()[-1])
print(" ".join(f"{s}={int(n)}" for s, n in sorted(counts.items())))'; }

say "warm-up: the client alone and flooded, ${WARMUP}s each (the JIT compiles for the first minute)"
client "$WARMUP" /dev/null
flood_start "$WARMUP" "$WORK/warm"; client "$WARMUP" /dev/null; flood_wait

for round in $(seq 1 "$ROUNDS"); do
  say "round ${round}/${ROUNDS}: alone"
  client "$DURATION" "$WORK/alone-$round.txt"
  say "round ${round}/${ROUNDS}: flooded"
  # The flood starts a second before the client and ends a second after it.
  flood_start $((DURATION + 2)) "$WORK/flood-$round"
  sleep 1
  client "$DURATION" "$WORK/flooded-$round.txt"
  flood_wait
done
logins=$(login_counts)

python3 - "$WORK" "$ROUNDS" "$logins" <<'EOF' | tee "$OUT/table.txt"
import os, re, statistics, sys
work, rounds, logins = sys.argv[1], int(sys.argv[2]), sys.argv[3]

def wrk(path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
    p99 = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)] if p99 else float("nan")
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rps, p99, int(non2xx.group(1)) if non2xx else 0

print("| round | client alone req/s | p99 ms | client flooded req/s | p99 ms | flooded ÷ alone | api-docs req/s | logins req/s |")
print("|---|---|---|---|---|---|---|---|")
ratios = []
for r in range(1, rounds + 1):
    alone, flooded = wrk(f"{work}/alone-{r}.txt"), wrk(f"{work}/flooded-{r}.txt")
    docs, logs = (wrk(f"{work}/flood-{r}-{kind}.txt") if os.path.exists(f"{work}/flood-{r}-{kind}.txt")
                  else (0, 0, 0) for kind in ("docs", "logins"))
    if alone[2] or flooded[2]:
        sys.exit(f"round {r}: the client was refused ({alone[2]} + {flooded[2]} answers not 2xx)")
    ratios.append(flooded[0] / alone[0])
    print(f"| {r} | {alone[0]:,.0f} | {alone[1]:.1f} | {flooded[0]:,.0f} | {flooded[1]:.1f} | {ratios[-1]:.2f} | {docs[0]:,.0f} | {logs[0]:,.0f} |")
median = statistics.median(ratios)
print(f"\nflooded ÷ alone, median of {rounds}: {median:.2f} (goal ≥ 0.60: {'met' if median >= 0.6 else 'not met'})")
print(f"logins answered, by status: {logins}")
EOF
say "done; table in ${OUT#"$ROOT"/}/table.txt"
