#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store's test suite: `start` creates and starts it on 127.0.0.1 and
# writes MARSAD_TEST_PG into .ci/env; `stop` stops it and deletes it. Runs the server as the `postgres` user
# when we are root (initdb refuses root). Port: MARSAD_PG_PORT (default 55432).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
port="${MARSAD_PG_PORT:-55432}"
data="${MARSAD_PG_DATA:-/tmp/marsad-ci-pg-$port}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"

as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

case "${1:-}" in
  start)
    [ -n "$bin" ] || { echo "postgres.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
    if [ -f "$data/postmaster.pid" ]; then as_pg "'$bin/pg_ctl' -D '$data' -m immediate stop" >/dev/null 2>&1 || true; fi
    rm -rf "$data"
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
    as_pg "'$bin/initdb' -D '$data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
    as_pg "'$bin/pg_ctl' -D '$data' -o \"-k /tmp -h 127.0.0.1 -p $port -c fsync=off -c full_page_writes=off\" -l '$data/server.log' -w start >/dev/null"
    as_pg "'$bin/psql' -h 127.0.0.1 -p $port -U postgres -qAt -c 'CREATE DATABASE marsad_test'" >/dev/null
    echo "MARSAD_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=marsad_test'" >> "$root/.ci/env"
    echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (MARSAD_TEST_PG in .ci/env)" >&2
    ;;
  stop)
    if [ -n "$bin" ] && [ -f "$data/postmaster.pid" ]; then
      as_pg "'$bin/pg_ctl' -D '$data' -m fast -w stop >/dev/null" || true
    fi
    rm -rf "$data"
    ;;
  *)
    echo "usage: postgres.sh start|stop" >&2
    exit 2
    ;;
esac
