#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback for the test suite. Source it, then
# `pg_start` / `pg_stop`. initdb refuses to run as root: run it as the postgres user.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PG_PORT=${PG_PORT:-55432}
PG_DIR=${PG_DIR:-/tmp/masar-pg-$PG_PORT}
PG_URL="postgres://masar@127.0.0.1:$PG_PORT/masar"

_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  pg_stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR" && mkdir -p "$PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR"
  _pg "$PG_BIN/initdb" -D "$PG_DIR/data" --auth=trust -U postgres -E UTF8 >/dev/null
  _pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE ROLE masar LOGIN SUPERUSER" >/dev/null
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE masar OWNER masar" >/dev/null
  export PG_URL PG_BIN
  echo "PostgreSQL started on 127.0.0.1:$PG_PORT"
}

pg_stop() {
  if [ -d "$PG_DIR/data" ]; then
    _pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
