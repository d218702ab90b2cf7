#!/usr/bin/env bash
# Runs the integration suite against a real PostgreSQL server in one command:
# starts a throwaway cluster from Debian's binaries (apt-get install postgresql) in a temp dir on
# 127.0.0.1 and a free port, runs `npm run test:postgres` against it, then stops and removes it.
# Not part of `npm test`. Extra arguments go to vitest (e.g. a test file or -t NAME).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres-test: no /usr/lib/postgresql/*/bin/initdb; install PostgreSQL first: sudo apt-get install -y postgresql" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/courtside-pg.XXXXXX")
# initdb and postgres refuse to run as root: as root, the cluster belongs to the postgres user.
as_owner() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "postgres-test: running as root but there is no postgres user" >&2; exit 1; }
  chown postgres: "$tmp"
  as_owner() { runuser -u postgres -- "$@"; }
fi

port=$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
password=$(node -e "console.log(require('node:crypto').randomBytes(12).toString('hex'))")
user=courtside_test

cleanup() {
  as_owner "$bin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

started=$(date +%s)
printf '%s\n' "$password" >"$tmp/pw"
[ "$(id -u)" = 0 ] && chown postgres: "$tmp/pw"
as_owner "$bin/initdb" -D "$tmp/data" -U "$user" --pwfile="$tmp/pw" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; exit 1; }
# NOTE: durability off: the cluster is thrown away, and fsync is most of what a test commit costs.
if ! as_owner "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 30 start \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null; then
  cat "$tmp/server.log" >&2
  exit 1
fi
echo "postgres-test: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $tmp, up in $(($(date +%s) - started))s)"

status=0
TEST_DATABASE_URL="postgres://$user:$password@127.0.0.1:$port/postgres" npm run --silent test:postgres -- "$@" || status=$?
echo "postgres-test: finished in $(($(date +%s) - started))s (exit $status)"
exit "$status"
