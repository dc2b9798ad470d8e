#!/usr/bin/env bash
# Two application nodes on one PostgreSQL database, without Docker: a Camunda homogeneous cluster on
# loopback ports 8081 and 8082. Pid files and logs go to target/two-nodes/.
#
#   ./mvnw -B -DskipTests package                          # the jar, once
#   SPRING_PROFILES_ACTIVE=postgres,demo docker/two-nodes.sh start   # local trial with demo users
#   docker/two-nodes.sh status
#   docker/two-nodes.sh stop
#
# Environment (defaults in brackets):
#   SPRING_PROFILES_ACTIVE [postgres]  add ",demo" for the demo users (password "demo"), never in production
#   PGHOST [127.0.0.1] PGPORT [5432] DB_NAME [directive_tracker]  the database, created if missing
#   DB_USER [postgres] DB_PASSWORD []  DB_URL [jdbc:postgresql://$PGHOST:$PGPORT/$DB_NAME]
#   NODE1_PORT [8081] NODE2_PORT [8082]  START_TIMEOUT [600] seconds per node (about 60 s on an idle
#   2-core machine, 300 s seen on a busy one)
#   JAR [target/directive-tracker-*.jar]  JAVA_OPTS [-Xmx768m]
#   Anything else the application reads (SPRING_MAIL_HOST, APP_BASE_URL, ...) is passed through.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
run="$root/target/two-nodes"

export SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-postgres}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
DB_NAME="${DB_NAME:-directive_tracker}"
export DB_USER="${DB_USER:-postgres}"
export DB_PASSWORD="${DB_PASSWORD:-}"
export DB_URL="${DB_URL:-jdbc:postgresql://$PGHOST:$PGPORT/$DB_NAME}"
NODE1_PORT="${NODE1_PORT:-8081}"
NODE2_PORT="${NODE2_PORT:-8082}"
START_TIMEOUT="${START_TIMEOUT:-600}"
JAVA_OPTS="${JAVA_OPTS:--Xmx768m}"

ports=("$NODE1_PORT" "$NODE2_PORT")

health() { # prints the health status of the node on port $1 (UP, DOWN, ... or "no answer")
  local body
  body="$(curl -s --max-time 3 "http://127.0.0.1:$1/actuator/health" 2>/dev/null || true)"
  if [[ "$body" =~ \"status\":\"([A-Z_]+)\" ]]; then echo "${BASH_REMATCH[1]}"; else echo "no answer"; fi
}

pid_of() { # pid of node $1 if it runs
  local file="$run/node$1.pid"
  [ -f "$file" ] || return 1
  local pid
  pid="$(cat "$file")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

find_jar() {
  if [ -n "${JAR:-}" ]; then echo "$JAR"; return; fi
  local jars=("$root"/target/directive-tracker-*.jar)
  [ -f "${jars[0]}" ] || { echo "No jar in target/: build it with ./mvnw -B -DskipTests package" >&2; exit 1; }
  echo "${jars[0]}"
}

ensure_database() {
  command -v psql >/dev/null || { echo "psql not found; create database $DB_NAME yourself" >&2; return; }
  if [ "$(PGPASSWORD="$DB_PASSWORD" psql -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d postgres -tAc \
      "select 1 from pg_database where datname = '$DB_NAME'")" != "1" ]; then
    echo "Creating database $DB_NAME"
    PGPASSWORD="$DB_PASSWORD" psql -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d postgres -qc "create database $DB_NAME"
  fi
}

start_node() { # $1 node number, $2 port, $3 jar
  local n="$1" port="$2" jar="$3"
  if pid_of "$n" >/dev/null; then echo "node$n already runs (pid $(pid_of "$n"))"; return; fi
  if [ "$(health "$port")" != "no answer" ]; then
    echo "Port $port already answers: something else runs there" >&2
    exit 1
  fi
  echo "Starting node$n on 127.0.0.1:$port (profiles $SPRING_PROFILES_ACTIVE), log target/two-nodes/node$n.log"
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  # A plain command in the background, so that $! is the JVM itself (stop and status use the pid).
  cd "$root"
  PORT="$port" APP_BASE_URL="${APP_BASE_URL:-http://127.0.0.1:$NODE1_PORT}" \
    nohup java $JAVA_OPTS -jar "$jar" --server.address=127.0.0.1 >"$run/node$n.log" 2>&1 </dev/null &
  echo $! >"$run/node$n.pid"
  local deadline=$((SECONDS + START_TIMEOUT)) status
  while :; do
    status="$(health "$port")"
    if [ "$status" = "UP" ]; then
      echo "node$n UP after $((SECONDS + START_TIMEOUT - deadline)) s"
      return
    fi
    if ! pid_of "$n" >/dev/null; then
      echo "node$n exited during start; last lines of its log:" >&2
      tail -n 30 "$run/node$n.log" >&2
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "node$n not UP after $START_TIMEOUT s (health: $status); see $run/node$n.log" >&2
      exit 1
    fi
    sleep 2
  done
}

stop_node() { # $1 node number
  local n="$1" pid
  if ! pid="$(pid_of "$n")"; then
    echo "node$n is not running"
    rm -f "$run/node$n.pid"
    return
  fi
  echo "Stopping node$n (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "node$n still runs after 60 s: killing it" >&2
    kill -9 "$pid" || true
  fi
  rm -f "$run/node$n.pid"
}

case "${1:-}" in
  start)
    mkdir -p "$run"
    jar="$(find_jar)"
    ensure_database
    # One after the other: on an empty database the first node creates Camunda's and Flyway's tables.
    start_node 1 "$NODE1_PORT" "$jar"
    start_node 2 "$NODE2_PORT" "$jar"
    ;;
  stop)
    stop_node 2
    stop_node 1
    ;;
  status)
    rc=0
    for n in 1 2; do
      port="${ports[$((n - 1))]}"
      if pid="$(pid_of "$n")"; then
        echo "node$n pid $pid port $port health $(health "$port")"
        [ "$(health "$port")" = "UP" ] || rc=1
      else
        echo "node$n not running"
        rc=1
      fi
    done
    exit "$rc"
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
