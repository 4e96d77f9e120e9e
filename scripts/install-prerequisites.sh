#!/usr/bin/env bash
# Installs what SkoleskyssSak needs on a Debian machine, and only what is missing:
#   chromium + fonts-liberation  PDF letters (Playwright drives Debian's Chromium, DESIGN.md §7)
#   qpdf                         merging PDF bundles
#   postgresql                   only when no PostgreSQL server binaries are found
#   node_modules (npm ci)        axe-core for the browser tests
# Where apt or root is not available it says what to install instead of failing obscurely.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
missing=()

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

[[ -x /usr/lib/chromium/chromium ]] || missing+=(chromium)
have_pkg fonts-liberation || missing+=(fonts-liberation)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]] && ! command -v sudo >/dev/null 2>&1; then
    echo "SkoleskyssSak needs these Debian packages: ${missing[*]}" >&2
    echo "Install them as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "No apt-get on this machine. Install the equivalents of: ${missing[*]}" >&2
    exit 1
  fi
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "Installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# axe-core for the browser tests (pinned in package-lock.json).
if [[ -f "$here/package.json" && ! -f "$here/node_modules/axe-core/axe.min.js" ]]; then
  if command -v npm >/dev/null 2>&1; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  else
    echo "npm is missing: install Node.js (apt-get install -y nodejs npm) for the browser tests." >&2
    exit 1
  fi
fi
