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

source "$here/benchmarks/throwaway-postgres.sh"
work="$(mktemp -d /tmp/ssk-queue-XXXXXX)"
cleanup() {
  pg_stop "$work"
  rm -rf "$work"
}
trap cleanup EXIT
# Server defaults, except durability (irrelevant to reads) to make the bulk insert quick.
pg_start "$work" -c fsync=off -c synchronous_commit=off

dotnet run -c Release --project "$here/benchmarks/queue/QueuePlans" -- \
  "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=skoleskyss;Command Timeout=300" "$report" "$cases"
echo "report: $report"
