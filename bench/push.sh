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
# not counted: at 20, the JIT still took 40% of the servers' CPU while the writes were measured), BENCH_CLIENT_JAVA (a JDK 21+ java for the clients; the newest Temurin found), BENCH_LOG_DIR (where to keep the servers' logs; not kept when unset),
# BENCH_IMAGE (run the servers from this container image instead of the jar, with podman or
# docker on the host network, JAVA_OPTS as JAVA_TOOL_OPTIONS and docker-compose.yml's memory limit),
# BENCH_PUSH_LB=1 (the clients and the writes go through HAProxy with deploy/haproxy/haproxy.cfg, as in
# production; on BENCH_PUSH_LB_PORT, 18200, statistics on +199).
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
CONTAINERS=()
SERVER_PIDS=()
IMAGE=${BENCH_IMAGE:-}
ENGINE=()
if [ -n "$IMAGE" ]; then
  if docker info >/dev/null 2>&1; then
    ENGINE=(docker) LIMITS=()
  else
    # as deploy/container-check runs podman on this kind of machine
    ENGINE=(podman --runtime runc --cgroup-manager=cgroupfs) LIMITS=(--ulimit nofile=1024:1024 --ulimit nproc=4096:4096)
  fi
  MEM_LIMIT=$(awk '/^x-server:/ { on = 1; next } /^[^ #]/ { on = 0 } on' docker-compose.yml | grep -m 1 -E '^ *mem_limit:' | sed -E 's/^ *mem_limit: *"?([^"# ]*)"?.*$/\1/')
fi

psql_q() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }
cleanup() {
  set +e # a killed server's wait status must not end the clean-up before the next one
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  for name in "${CONTAINERS[@]}"; do
    if [ -n "${BENCH_LOG_DIR:-}" ]; then "${ENGINE[@]}" logs "$name" >"$WORK/server-$name.log" 2>&1; fi
    "${ENGINE[@]}" rm -f "$name" >/dev/null 2>&1
  done
  psql_q -d postgres -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" >/dev/null 2>&1 || true
  if [ -n "${BENCH_LOG_DIR:-}" ]; then mkdir -p "$BENCH_LOG_DIR" && cp "$WORK"/server-*.log "$BENCH_LOG_DIR"/; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "$IMAGE" ] && [ -z "${BENCH_JAR:-}" ] && ! ls target/skills-control-plane-*.jar >/dev/null 2>&1; then
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
  if [ -n "$IMAGE" ]; then
    local name="skills-push-$1"
    "${ENGINE[@]}" rm -f "$name" >/dev/null 2>&1 || true
    "${ENGINE[@]}" run -d --name "$name" --network host "${LIMITS[@]}" --memory "$MEM_LIMIT" \
      -e JAVA_TOOL_OPTIONS="$JAVA_OPTS" -e SPRING_DATASOURCE_URL="jdbc:postgresql://${PG_HOST}:${PG_PORT}/${DB}" \
      -e SPRING_DATASOURCE_USERNAME="$PG_USER" -e SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=10 \
      -e SKILLS_JWT_SECRET="$SECRET" -e SERVER_PORT="$1" -e MANAGEMENT_SERVER_PORT="$(($1 + 100))" \
      -e SKILLS_BOOTSTRAP_ADMIN_EMAIL=bench-admin@bench.test -e SKILLS_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-pass-4711 \
      -e SKILLS_RATE_LIMIT_HANDLES_CAPACITY=1000000 "$IMAGE" >/dev/null
    CONTAINERS+=("$name")
    return
  fi
  # shellcheck disable=SC2086
  env SPRING_DATASOURCE_URL="jdbc:postgresql://${PG_HOST}:${PG_PORT}/${DB}" SPRING_DATASOURCE_USERNAME="$PG_USER" \
    SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=10 SKILLS_JWT_SECRET="$SECRET" SERVER_PORT="$1" \
    MANAGEMENT_SERVER_PORT="$(($1 + 100))" SKILLS_LOG_FORMAT=ecs \
    SKILLS_BOOTSTRAP_ADMIN_EMAIL=bench-admin@bench.test SKILLS_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-pass-4711 \
    SKILLS_RATE_LIMIT_HANDLES_CAPACITY=1000000 \
    "$JAVA" $JAVA_OPTS -jar "$JAR" >"$WORK/server-$1.log" 2>&1 &
  PIDS+=($!)
  SERVER_PIDS+=($!)
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
VIA=()
if [ "${BENCH_PUSH_LB:-0}" = 1 ]; then
  command -v haproxy >/dev/null || { echo "BENCH_PUSH_LB=1 needs haproxy (apt-get install haproxy)" >&2; exit 1; }
  LB_PORT=${BENCH_PUSH_LB_PORT:-18200}
  env SKILLS_LB_BIND="127.0.0.1:$LB_PORT" SKILLS_LB_STATS_BIND="127.0.0.1:$((LB_PORT + 199))" \
    SKILLS_LB_SERVER_1="127.0.0.1:$PORT_A" SKILLS_LB_CHECK_PORT_1="$((PORT_A + 100))" \
    SKILLS_LB_SERVER_2="127.0.0.1:$PORT_B" SKILLS_LB_CHECK_PORT_2="$((PORT_B + 100))" \
    haproxy -f deploy/haproxy/haproxy.cfg >"$WORK/haproxy.log" 2>&1 &
  LB_PID=$!
  PIDS+=($!)
  until curl -fs "http://127.0.0.1:$LB_PORT/actuator/health/liveness" >/dev/null 2>&1; do sleep 0.2; done
  sleep 3 # both servers up in HAProxy's checks (rise 2, 1 s apart)
  VIA=("-Dpush.via=http://127.0.0.1:$LB_PORT")
  echo "through HAProxy on port $LB_PORT ($(haproxy -v | head -n 1 | cut -d' ' -f1-3))"
fi
if [ -n "$IMAGE" ]; then
  for name in "${CONTAINERS[@]}"; do SERVER_PIDS+=("$("${ENGINE[@]}" inspect --format '{{.State.Pid}}' "$name")"); done
  echo "both instances ready (image $IMAGE, ${ENGINE[0]}, memory $MEM_LIMIT, JAVA_TOOL_OPTIONS=$JAVA_OPTS; its JDK, request threads: virtual)"
else
  echo "both instances ready (JVM options: $JAVA_OPTS; $("$JAVA" -version 2>&1 | head -n 1); request threads: $(
    "$JAVA" -XshowSettings:properties -version 2>&1 | grep -Eq 'java.specification.version = (2[1-9]|[3-9][0-9])' \
      && echo virtual || echo "Tomcat's pool of ${SERVER_TOMCAT_THREADS_MAX:-200}"))"
fi
"$CLIENT_JAVA" "${VIA[@]}" bench/PushClients.java "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" "${SERVER_PIDS[0]}" "${SERVER_PIDS[1]}" \
  "${BENCH_CLIENTS:-500}" "${BENCH_WRITES:-20}" "${BENCH_WARMUP_WRITES:-60}"
if [ -n "${LB_PID:-}" ]; then
  # utime + stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks
  ticks=$(awk '{ print $14 + $15 }' "/proc/$LB_PID/stat")
  echo "HAProxy CPU over the whole run: $(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f s", t / hz }')"
fi
