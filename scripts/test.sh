#!/usr/bin/env bash
# Runs every test project of the solution and ends with one summary line ("N passed, N failed").
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

dotnet build SkoleskyssSak.sln -c Debug --nologo -v quiet || exit 1

# The browser tests run last and alone: on 2 cores, Chromium and axe on large pages next to four other test
# processes can miss Playwright's timeouts. The other projects run one after another (each starts its own
# PostgreSQL cluster).
status=0
for project in tests/*.Tests/*.Tests.csproj; do
  [[ "$project" == *Browser.Tests* ]] && continue
  dotnet test "$project" --no-build --nologo -v quiet --logger "console;verbosity=normal" 2>&1 | tee -a "$log"
  [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
done
dotnet test tests/SkoleskyssSak.Browser.Tests/SkoleskyssSak.Browser.Tests.csproj --no-build --nologo -v quiet --logger "console;verbosity=normal" 2>&1 | tee -a "$log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || status=1

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo
# The failed tests' names close the output, so the tail of a CI log says what to look at.
if [[ $failed -gt 0 ]]; then
  echo "Failed tests:"
  grep -E '^[[:space:]]+Failed [A-Za-z_][A-Za-z0-9_.]+' "$log" | sed -E 's/^[[:space:]]+/  /' | sort -u
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [[ $status -eq 0 && $passed -eq 0 ]]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
