#!/usr/bin/env bash
# A private PostgreSQL cluster for Roster's tests and benchmark.
#
#   scripts/postgres.sh start|stop|status|url
#
# Uses the Debian "postgresql" binaries (/usr/lib/postgresql/<version>/bin). The cluster lives in
# $ROSTER_PG_DIR (default <repo>/target/pgdata), listens on 127.0.0.1:$ROSTER_PG_PORT (default
# 55432) with its unix socket in the data directory, trusts local and loopback connections, runs
# with fsync off (test data only) and has a database "roster". "start" is idempotent: when the
# cluster already runs it only prints its JDBC URL. As root, initdb and pg_ctl run as the
# "postgres" system user (both refuse to run as root).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGDIR="${ROSTER_PG_DIR:-$REPO/target/pgdata}"
PORT="${ROSTER_PG_PORT:-55432}"
DB=roster

die() {
  echo "postgres.sh: $*" >&2
  exit 1
}

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$dir" && -x "$dir/pg_ctl" && -x "$dir/initdb" ]] \
    || die "no PostgreSQL binaries under /usr/lib/postgresql/*/bin: install the Debian package postgresql"
  echo "$dir"
}

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() {
  [[ -f "$PGDIR/PG_VERSION" ]] && as_owner "$BIN/pg_ctl" -D "$PGDIR" status >/dev/null 2>&1
}

# The port of the running cluster (line 4 of postmaster.pid), else the configured one.
port() {
  if running && [[ -f "$PGDIR/postmaster.pid" ]]; then
    sed -n 4p "$PGDIR/postmaster.pid"
  else
    echo "$PORT"
  fi
}

url() {
  echo "jdbc:postgresql://127.0.0.1:$(port)/$DB?user=postgres&reWriteBatchedInserts=true"
}

init_cluster() {
  mkdir -p "$PGDIR"
  if [[ "$(id -u)" == 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the system user 'postgres' (Debian package postgresql)"
    chown postgres: "$PGDIR"
  fi
  chmod 700 "$PGDIR"
  as_owner "$BIN/initdb" -D "$PGDIR" -U postgres -A trust -E UTF8 --no-locale >"$PGDIR.initdb.log" 2>&1 \
    || die "initdb failed, see $PGDIR.initdb.log"
  cat >>"$PGDIR/postgresql.conf" <<'EOF'

# Roster test cluster: loopback only, durability traded for speed.
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF
}

start() {
  if running; then
    url
    return
  fi
  [[ -f "$PGDIR/PG_VERSION" ]] || init_cluster
  if ! as_owner "$BIN/pg_ctl" -D "$PGDIR" -l "$PGDIR/server.log" -w -t 60 \
      -o "-p $PORT -k '$PGDIR' -c listen_addresses=127.0.0.1" start >/dev/null 9>&-; then
    tail -n 20 "$PGDIR/server.log" >&2 || true
    die "could not start PostgreSQL in $PGDIR on port $PORT (is the port taken?)"
  fi
  local exists
  exists="$(as_owner "$BIN/psql" -h "$PGDIR" -p "$PORT" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB'")"
  if [[ "$exists" != 1 ]]; then
    as_owner "$BIN/createdb" -h "$PGDIR" -p "$PORT" -U postgres "$DB"
  fi
  url
}

stop() {
  if running; then
    as_owner "$BIN/pg_ctl" -D "$PGDIR" -m fast -w stop >/dev/null
    echo "stopped PostgreSQL in $PGDIR"
  else
    echo "PostgreSQL in $PGDIR is not running"
  fi
}

status() {
  if running; then
    echo "running: $PGDIR on 127.0.0.1:$(port)"
  else
    echo "stopped: $PGDIR"
    return 3
  fi
}

BIN="$(pg_bin)"
cmd="${1:-}"
case "$cmd" in
  start | stop)
    mkdir -p "$(dirname "$PGDIR")"
    # One caller at a time: parallel test JVMs may all call start.
    exec 9>"$PGDIR.lock"
    flock 9
    "$cmd"
    ;;
  status) status ;;
  url) url ;;
  *)
    echo "usage: $0 start|stop|status|url" >&2
    exit 2
    ;;
esac
