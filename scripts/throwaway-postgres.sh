# A throwaway PostgreSQL server for the tests, sourced by scripts/test and scripts/bench:
#   pg_throwaway_start   initdb into a temporary folder (as the postgres account when run as root:
#                        the server refuses to run as root), trust auth for users `recoup` and `tester`, a free
#                        port on 127.0.0.1; exports RECOUP_TEST_POSTGRES=postgres://tester@127.0.0.1:PORT
#   pg_throwaway_stop    stops it and removes its folder (call it from an EXIT trap: it runs even
#                        when a test fails)
pg_throwaway_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -x $d/initdb ]] || d=$(pg_config --bindir 2>/dev/null)
  echo "$d"
}

pg_throwaway_as() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_throwaway_start() {
  PG_THROWAWAY_BIN=$(pg_throwaway_bin)
  [[ -x $PG_THROWAWAY_BIN/initdb ]] || { echo "recoup tests: no PostgreSQL server binaries (initdb)" >&2; return 1; }
  PG_THROWAWAY_DIR=$(mktemp -d)
  [[ $(id -u) == 0 ]] && chown postgres "$PG_THROWAWAY_DIR"
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  pg_throwaway_as "$PG_THROWAWAY_BIN/initdb" -D "$PG_THROWAWAY_DIR/data" -A trust -U recoup -E UTF8 --locale=C \
    >"$PG_THROWAWAY_DIR/initdb.log" 2>&1 </dev/null || { cat "$PG_THROWAWAY_DIR/initdb.log" >&2; return 1; }
  pg_throwaway_as "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -l "$PG_THROWAWAY_DIR/server.log" -w -t 60 \
    -o "-p $port -k $PG_THROWAWAY_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start \
    >/dev/null 2>&1 </dev/null || { tail -n 5 "$PG_THROWAWAY_DIR/server.log" >&2; return 1; }
  # The tests run as `tester`, the operator name their SQLite runs declare (on PostgreSQL the login is
  # the operator), so the transcripts compare byte for byte on both engines.
  "$PG_THROWAWAY_BIN/psql" -h 127.0.0.1 -p "$port" -U recoup -d postgres -qc 'CREATE ROLE tester SUPERUSER LOGIN' \
    </dev/null >/dev/null || return 1
  export RECOUP_TEST_POSTGRES=postgres://tester@127.0.0.1:$port
  echo "recoup tests: PostgreSQL $("$PG_THROWAWAY_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
}

pg_throwaway_stop() {
  [[ -n ${PG_THROWAWAY_DIR:-} && -d $PG_THROWAWAY_DIR ]] || return 0
  pg_throwaway_as "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -m immediate -w stop >/dev/null 2>&1 </dev/null
  rm -rf "$PG_THROWAWAY_DIR"
  PG_THROWAWAY_DIR=
}
