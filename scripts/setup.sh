#!/usr/bin/env bash
# Everything a fresh machine needs: the npm packages from the lockfile, and Chromium for the
# end-to-end tests and `npm start` (Debian's package; a test tool's own browser download cannot work offline).
set -euo pipefail
cd "$(dirname "$0")/.."

have_chromium() {
  [ -n "${CHROME_PATH:-}" ] && [ -x "${CHROME_PATH}" ] && return 0
  [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1
}

if ! have_chromium; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=''
    [ "$(id -u)" -eq 0 ] || sudo='sudo'
    echo "Installing Chromium (Debian package)…"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  else
    echo "Chromium is needed: install it, or set CHROME_PATH to a Chromium or Chrome for Testing binary." >&2
    exit 1
  fi
fi

npm ci --no-audit --no-fund
