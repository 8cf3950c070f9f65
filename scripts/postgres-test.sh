#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the tests (see README "Opschalen").
#
#   bash scripts/postgres-test.sh CMD [ARGS…]  start a server, run CMD with TEST_POSTGRES_URL
#                                              exported, stop the server, exit with CMD's status
#   bash scripts/postgres-test.sh start        start a server, print TEST_POSTGRES_URL and the
#                                              directory to pass to `stop`
#   bash scripts/postgres-test.sh stop DIR     stop that server and remove DIR
#
# PostgreSQL is installed with apt-get when missing, but only in CI (CI=true) or as root;
# elsewhere this prints a loud warning and exits 0 without running CMD (tests skipped).
# The server runs as the `postgres` user when we are root (PostgreSQL refuses root),
# with trust authentication for user `kompas`, fsync off (the data is thrown away).
set -euo pipefail

find_bin() {
  local v
  for v in 17 16 15 14 13; do
    if [ -x "/usr/lib/postgresql/$v/bin/initdb" ]; then echo "/usr/lib/postgresql/$v/bin"; return; fi
  done
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return
  fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
}

as_owner() {  # run a PostgreSQL binary as the user that owns the data directory
  if [ "$(id -u)" = "0" ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

stop_server() {
  local dir=$1
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

ensure_postgres() {
  PGBIN=$(find_bin || true)
  if [ -n "$PGBIN" ]; then return 0; fi
  if [ "${CI:-}" = "true" ] || [ "$(id -u)" = "0" ]; then
    echo "PostgreSQL ontbreekt: installeren met apt-get …" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    PGBIN=$(find_bin || true)
    [ -n "$PGBIN" ] || { echo "FOUT: PostgreSQL is geïnstalleerd maar initdb is niet gevonden." >&2; exit 1; }
    return 0
  fi
  cat >&2 <<'EOF'

##########################################################################
#  WAARSCHUWING: PostgreSQL ontbreekt en dit is geen root/CI.             #
#  De PostgreSQL-tests worden OVERGESLAGEN.                               #
#  Installeer het met: sudo apt-get install postgresql                    #
##########################################################################

EOF
  return 1
}

start_server() {  # sets DIR and TEST_POSTGRES_URL
  DIR=$(mktemp -d /tmp/kompas-pg.XXXXXX)
  mkdir -p "$DIR/sock"
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown -R postgres "$DIR"
  fi
  as_owner "$PGBIN/initdb" -D "$DIR/data" -A trust -U kompas -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; stop_server "$DIR"; exit 1; }
  local attempt port
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $DIR/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null 2>&1; then
      if as_owner "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 30; then
        TEST_POSTGRES_URL="postgresql+psycopg://kompas@127.0.0.1:$port/postgres"
        return 0
      fi
    fi
    as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  done
  echo "FOUT: PostgreSQL wilde niet starten. Log:" >&2
  cat "$DIR/server.log" >&2 || true
  stop_server "$DIR"
  exit 1
}

case "${1:-}" in
  "")
    sed -n '2,13p' "$0" >&2; exit 2 ;;
  stop)
    PGBIN=$(find_bin || true); stop_server "${2:?map van de server}"; exit 0 ;;
  start)
    ensure_postgres || exit 0
    start_server
    echo "TEST_POSTGRES_URL=$TEST_POSTGRES_URL"
    echo "# stoppen: bash $0 stop $DIR"
    exit 0 ;;
esac

ensure_postgres || exit 0
DIR=""
trap 'stop_server "$DIR"' EXIT
trap 'exit 130' INT TERM
start_server
export TEST_POSTGRES_URL
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') draait op $TEST_POSTGRES_URL" >&2
set +e
"$@"
status=$?
set -e
exit $status
