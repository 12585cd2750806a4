#!/usr/bin/env bash
# Push sync on two instances: 1,000 clients hold `?since=&wait=60`, half on each instance, while writes
# are made on the first; prints p50/p99 from a write to the answer of the clients on the other
# instance (and on the same one), one write every 3 s (after 60 not counted), the heap and RSS of each instance while they wait, and the
# requests per second saved against the same clients polling every second (bench/PushClients.java).
#
# Settings (environment): BENCH_PG_HOST (127.0.0.1), BENCH_PG_PORT (5432), BENCH_PG_USER
# (postgres), BENCH_DB (skills_bench_push, dropped at the end), BENCH_CLIENTS (500 per instance, 1,000 in all),
# BENCH_WRITES (20), BENCH_JAVA (java), BENCH_JAR (the server's jar; built when absent),
# BENCH_PUSH_PORTS (18201 18202; management ports +100), JAVA_OPTS (-Xmx256m), BENCH_WARMUP_WRITES (60,
# not counted: at 20, the JIT still took 40% of the servers' CPU while the writes were measured), BENCH_CLIENT_JAVA (a JDK 21+ java for the clients; the newest Temurin found), BENCH_LOG_DIR (where to keep the servers' logs; not kept when unset).
set -euo pipefail
cd "$(dirname "$0")/.."

PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
DB=${BENCH_DB:-skills_bench_push}
JAVA=${BENCH_JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
read -r PORT_A PORT_B <<<"${BENCH_PUSH_PORTS:-18201 18202}"
SECRET="bench-signing-secret-0123456789-abcdefghijklmnop"
WORK=$(mktemp -d)
PIDS=()

psql_q() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }
cleanup() {
  set +e # a killed server's wait status must not end the clean-up before the next one
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  psql_q -d postgres -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" >/dev/null 2>&1 || true
  if [ -n "${BENCH_LOG_DIR:-}" ]; then mkdir -p "$BENCH_LOG_DIR" && cp "$WORK"/server-*.log "$BENCH_LOG_DIR"/; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${BENCH_JAR:-}" ] && ! ls target/skills-control-plane-*.jar >/dev/null 2>&1; then
  ./mvnw -B -q package -Dmaven.test.skip=true
fi
JAR=${BENCH_JAR:-$(ls target/skills-control-plane-*.jar | grep -v plain | head -n 1)}
# The clients are virtual threads (JDK 21 or later); the servers run on BENCH_JAVA.
CLIENT_JAVA=${BENCH_CLIENT_JAVA:-$(ls -d /usr/lib/jvm/temurin-2[1-9]*/bin/java /usr/lib/jvm/*-2[1-9]*/bin/java 2>/dev/null | head -n 1)}
CLIENT_JAVA=${CLIENT_JAVA:-java}
if ! "$CLIENT_JAVA" -XshowSettings:properties -version 2>&1 | grep -Eq 'java.specification.version = (2[1-9]|[3-9][0-9])'; then
  echo "the push clients need a JDK 21 or later (virtual threads): set BENCH_CLIENT_JAVA" >&2
  exit 1
fi
psql_q -d postgres -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" >/dev/null
psql_q -d postgres -c "CREATE DATABASE ${DB}" >/dev/null

start() {
  # shellcheck disable=SC2086
  env SPRING_DATASOURCE_URL="jdbc:postgresql://${PG_HOST}:${PG_PORT}/${DB}" SPRING_DATASOURCE_USERNAME="$PG_USER" \
    SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=10 SKILLS_JWT_SECRET="$SECRET" SERVER_PORT="$1" \
    MANAGEMENT_SERVER_PORT="$(($1 + 100))" SKILLS_LOG_FORMAT=ecs \
    SKILLS_BOOTSTRAP_ADMIN_EMAIL=bench-admin@bench.test SKILLS_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-pass-4711 \
    SKILLS_RATE_LIMIT_HANDLES_CAPACITY=1000000 \
    "$JAVA" $JAVA_OPTS -jar "$JAR" >"$WORK/server-$1.log" 2>&1 &
  PIDS+=($!)
}
for port in "$PORT_A" "$PORT_B" "$((PORT_A + 100))" "$((PORT_B + 100))"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is taken; set BENCH_PUSH_PORTS" >&2; exit 1; fi
done
start "$PORT_A"
sleep 2 # the first instance migrates the database alone
start "$PORT_B"
for port in "$PORT_A" "$PORT_B"; do
  until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || { tail -n 30 "$WORK"/server-*.log >&2; exit 1; }; done
    sleep 0.2
  done
done
echo "both instances ready (JVM options: $JAVA_OPTS; $("$JAVA" -version 2>&1 | head -n 1); request threads: $(
  "$JAVA" -XshowSettings:properties -version 2>&1 | grep -Eq 'java.specification.version = (2[1-9]|[3-9][0-9])' \
    && echo virtual || echo "Tomcat's pool of ${SERVER_TOMCAT_THREADS_MAX:-200}"))"
"$CLIENT_JAVA" bench/PushClients.java "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" "${PIDS[0]}" "${PIDS[1]}" \
  "${BENCH_CLIENTS:-500}" "${BENCH_WRITES:-20}" "${BENCH_WARMUP_WRITES:-60}"
