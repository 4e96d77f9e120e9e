#!/usr/bin/env bash
# The caseworkers' work queue with 100,000 cases in one municipality (issue 5). Self-contained: a throwaway
# PostgreSQL cluster, the app's migrations, 100,000 Melhus and 20,000 Sunnfjord cases made with generate_series,
# VACUUM ANALYZE, then for each kind of page EXPLAIN (ANALYZE, BUFFERS) of the very command ListWorkQueueHandler
# sends (EF's CreateDbCommand, real parameters) and the handler's time for the whole page (35 runs, 5 warm-up).
# Usage: benchmarks/queue/queue-plans.sh [cases] [report.md]   (defaults: 100000, benchmarks/queue/last-run.md)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cases="${1:-100000}"
report="${2:-$here/benchmarks/queue/last-run.md}"

work="$(mktemp -d /tmp/ssk-queue-XXXXXX)"
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  as_pg "$pgbin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

[[ $(id -u) -eq 0 ]] && chown postgres:postgres "$work"
as_pg "$pgbin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# Server defaults, except durability (irrelevant to reads) to make the bulk insert quick.
as_pg "$pgbin/pg_ctl" -D "$work/data" -l "$work/pg.log" -w -o "-p $pgport -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off" start >/dev/null
as_pg "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres skoleskyss

dotnet run -c Release --project "$here/benchmarks/queue/QueuePlans" -- \
  "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=skoleskyss;Command Timeout=300" "$report" "$cases"
echo "report: $report"
