#!/usr/bin/env bash
# Sourced by shell tests that need a database: starts a throwaway PostgreSQL
# with PostGIS in a temporary folder (as `postgres` when run as root), sets
# PG_CONN (an OGR/libpq connection string) and stops it on exit.
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_dir=$(mktemp -d /tmp/cp-pg-XXXXXX)
pg_port=$((25432 + $$ % 5000))
as_server() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
as_server "$pg_bin/initdb" -A trust -U postgres -D "$pg_dir/data" > "$pg_dir/initdb.log" 2>&1 \
  || { echo "initdb failed: $(tail -3 "$pg_dir/initdb.log")"; exit 1; }
as_server "$pg_bin/pg_ctl" -w -D "$pg_dir/data" -l "$pg_dir/server.log" \
  -o "-c listen_addresses= -c unix_socket_directories=$pg_dir -c port=$pg_port -c fsync=off" \
  start > /dev/null || { echo "PostgreSQL did not start: $(tail -3 "$pg_dir/server.log")"; exit 1; }
pg_stop() {
  as_server "$pg_bin/pg_ctl" -w -m immediate -D "$pg_dir/data" stop > /dev/null 2>&1
  rm -rf "$pg_dir"
}
PG_CONN="host=$pg_dir port=$pg_port user=postgres dbname=postgres"
psql "$PG_CONN" -q -c "CREATE EXTENSION postgis" > /dev/null || { echo "no PostGIS"; exit 1; }
