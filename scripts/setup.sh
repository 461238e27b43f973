#!/usr/bin/env bash
# Everything a fresh machine needs: the npm packages from the lockfile, Chromium for the end-to-end tests and
# `npm start`, and Firefox ESR for their Firefox leg (Debian's packages; a test tool's own browser download cannot
# work offline).
set -euo pipefail
cd "$(dirname "$0")/.."

have_chromium() {
  [ -n "${CHROME_PATH:-}" ] && [ -x "${CHROME_PATH}" ] && return 0
  [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1
}

have_firefox() {
  [ -n "${FIREFOX_PATH:-}" ] && [ -x "${FIREFOX_PATH}" ] && return 0
  command -v firefox-esr >/dev/null 2>&1
}

# Debian's packages of what is missing: Chromium for the end-to-end tests and `npm start`, Firefox ESR for the
# Firefox leg of the end-to-end tests.
missing=()
have_chromium || missing+=(chromium)
have_firefox || missing+=(firefox-esr)

if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=''
    [ "$(id -u)" -eq 0 ] || sudo='sudo'
    echo "Installing ${missing[*]} (Debian packages)…"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Chromium and Firefox ESR are needed: install them, or set CHROME_PATH to a Chromium or Chrome for Testing" \
      "binary and FIREFOX_PATH to a Firefox 140 or later." >&2
    exit 1
  fi
fi

npm ci --no-audit --no-fund
