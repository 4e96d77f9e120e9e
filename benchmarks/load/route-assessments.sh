#!/usr/bin/env bash
# Load run against the running app: POST /api/v1/route-assessments (issue 3 target: 3,000 requests/s on
# 2 cores with p99 under 20 ms). Self-contained: a throwaway PostgreSQL cluster, the app in Release with the
# production logging set-up (JSON request log lines, written to a file), wrk on loopback, everything stopped
# afterwards. Usage: benchmarks/load/route-assessments.sh [duration-seconds] [connections]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${1:-30}"
connections="${2:-32}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

source "$here/benchmarks/throwaway-postgres.sh"
work="$(mktemp -d /tmp/ssk-load-XXXXXX)"
appport="$(free_port)"

cleanup() {
  [[ -n "${app:-}" ]] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  pg_stop "$work"
  rm -rf "$work"
}
trap cleanup EXIT
pg_start "$work"

dotnet publish "$here/src/SkoleskyssSak.Web" -c Release -o "$work/app" --nologo -v quiet >/dev/null
ASPNETCORE_ENVIRONMENT=LoadTest \
ASPNETCORE_URLS="http://127.0.0.1:$appport" \
ConnectionStrings__Database="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=skoleskyss;Maximum Pool Size=50" \
Seed__DemoData=true IdPorten__Mode=TestId \
Security__CitizenPseudonym__Key="load-test-only-key-0123456789abcdefghij" \
RateLimiting__PublicApiPerMinute=100000000 \
  dotnet "$work/app/SkoleskyssSak.Web.dll" > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$appport/health/ready" >/dev/null && break; sleep 1; done

echo "warm-up (10 s)…"
wrk -t1 -c"$connections" -d10s -s "$here/benchmarks/load/route-assessment.lua" "http://127.0.0.1:$appport/api/v1/route-assessments" >/dev/null
echo "measured run: ${duration} s, ${connections} connections, 1 wrk thread, on $(nproc) cores shared by wrk, the app and PostgreSQL"
wrk -t1 -c"$connections" -d"${duration}s" --latency -s "$here/benchmarks/load/route-assessment.lua" "http://127.0.0.1:$appport/api/v1/route-assessments"
echo "app log lines written: $(wc -l < "$work/app.log")"
