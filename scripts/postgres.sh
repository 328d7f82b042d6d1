#!/usr/bin/env sh
# A throwaway PostgreSQL cluster for the tests; `make test` exports its URL as ASSISTANT_TEST_POSTGRES_URL.
# Installs Debian's postgresql package if it is missing (apt-get, with sudo unless root), then runs a cluster of
# its own in /tmp/assistant-pg-<uid> that listens only on 127.0.0.1:54329 and is owned by the calling user, or by
# the system user postgres when called as root (PostgreSQL refuses to run as root). Idempotent: a running cluster
# is reused. The role assistant (password in the data folder, CREATEDB so that tests make a database each) owns
# the database assistant_test. Everything but the URL goes to stderr.
#   scripts/postgres.sh [start]   start or reuse the cluster; prints its SQLAlchemy URL as the only line on stdout
#   scripts/postgres.sh stop      stop it (the data stays for the next start)
#   scripts/postgres.sh purge     stop it and delete its data
# ASSISTANT_TEST_POSTGRES_PORT and ASSISTANT_TEST_POSTGRES_DIR change the port and the data folder.
set -eu
exec 3>&1 1>&2
ACTION="${1:-start}"
PORT="${ASSISTANT_TEST_POSTGRES_PORT:-54329}"
DATA="${ASSISTANT_TEST_POSTGRES_DIR:-/tmp/assistant-pg-$(id -u)}"
ROLE="assistant"
DATABASE="assistant_test"

fail() {
  echo "scripts/postgres.sh: $*" >&2
  exit 1
}

newest_bin() {  # the newest installed major version, e.g. /usr/lib/postgresql/15/bin
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/pg_ctl" ] && echo "$dir"; done | sort -V | tail -n 1
}

install_postgres() {
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
    fail "PostgreSQL fehlt - bitte als root installieren (apt-get install postgresql)."
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends postgresql
}

case "$ACTION" in
  start | stop | purge) ;;
  *) fail "unbekannter Befehl „$ACTION“ (möglich: start, stop, purge)." ;;
esac

BIN="$(newest_bin)"
if [ -z "$BIN" ]; then
  [ "$ACTION" = start ] || exit 0  # nothing installed, so nothing runs
  install_postgres
  BIN="$(newest_bin)"
  [ -n "$BIN" ] || fail "nach der Installation von postgresql fehlt /usr/lib/postgresql/<Version>/bin/pg_ctl."
fi
VERSION="$(basename "$(dirname "$BIN")")"

if [ "$(id -u)" -eq 0 ]; then
  OWNER="postgres"
  id -u "$OWNER" >/dev/null 2>&1 || fail "der Systembenutzer postgres fehlt (ihn legt das Debian-Paket postgresql an)."
  as_owner() { (cd / && runuser -u "$OWNER" -- "$@"); }
else
  OWNER=""
  as_owner() { "$@"; }
fi

# one caller at a time (two test runs starting together); fd 9 is closed for the server so it does not keep the lock
if command -v flock >/dev/null; then
  exec 9>"$DATA.lock"
  flock 9
fi

running() {
  [ -f "$DATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1
}

stop_cluster() {
  if running; then as_owner "$BIN/pg_ctl" stop -D "$DATA" -m fast -w -s; fi
}

init_cluster() {
  if [ -f "$DATA/PG_VERSION" ]; then
    [ "$(cat "$DATA/PG_VERSION")" = "$VERSION" ] && return 0
    echo "Der Test-Cluster in $DATA ist von PostgreSQL $(cat "$DATA/PG_VERSION"); er wird für $VERSION neu angelegt." >&2
    rm -rf "$DATA"
  elif [ -d "$DATA" ] && [ -n "$(ls -A "$DATA")" ]; then
    fail "$DATA ist kein PostgreSQL-Datenverzeichnis, aber nicht leer - bitte löschen oder ASSISTANT_TEST_POSTGRES_DIR setzen."
  fi
  mkdir -p "$DATA"
  chmod 700 "$DATA"
  [ -z "$OWNER" ] || chown "$OWNER:" "$DATA"
  # UTF8 whatever the machine's locale (a C locale would otherwise give SQL_ASCII); no fsync: test data only
  as_owner "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C --auth-local=trust --auth-host=scram-sha-256 \
    --no-sync >/dev/null
  cat >>"$DATA/postgresql.conf" <<EOF

# scripts/postgres.sh: a throwaway test cluster, reachable only from this machine
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DATA'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$DATA/assistant-password"
  chmod 600 "$DATA/assistant-password"
  [ -z "$OWNER" ] || chown "$OWNER:" "$DATA/assistant-password"
}

start_cluster() {
  running && return 0
  init_cluster
  # the server must not inherit the URL pipe (fd 3) or the lock (fd 9), or callers would wait for it to exit
  if ! as_owner "$BIN/pg_ctl" start -D "$DATA" -l "$DATA/server.log" -w -t 60 -s 3>&- 9>&-; then
    tail -n 20 "$DATA/server.log" >&2 || true
    fail "der Test-Cluster startet nicht (Port $PORT belegt? Protokoll: $DATA/server.log)."
  fi
}

case "$ACTION" in
  stop)
    [ -d "$DATA" ] && stop_cluster
    exit 0
    ;;
  purge)
    [ -d "$DATA" ] && stop_cluster
    rm -rf "$DATA"
    exit 0
    ;;
esac

start_cluster
port="$(sed -n 4p "$DATA/postmaster.pid")"  # the port the server listens on, also if it was started with another
password="$(cat "$DATA/assistant-password")"
sql() { as_owner "$BIN/psql" -X -q -t -A -v ON_ERROR_STOP=1 -h "$DATA" -p "$port" -U postgres -d postgres -c "$1"; }
if [ -z "$(sql "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" ]; then
  sql "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$password'"
fi
if [ -z "$(sql "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" ]; then
  sql "CREATE DATABASE $DATABASE OWNER $ROLE"
fi
echo "postgresql+psycopg://$ROLE:$password@127.0.0.1:$port/$DATABASE" >&3
