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

work="$(mktemp -d /tmp/ssk-load-XXXXXX)"
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
appport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  [[ -n "${app:-}" ]] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  as_pg "$pgbin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

[[ $(id -u) -eq 0 ]] && chown postgres:postgres "$work"
as_pg "$pgbin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/data" -l "$work/pg.log" -w -o "-p $pgport -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null
as_pg "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres skoleskyss

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
