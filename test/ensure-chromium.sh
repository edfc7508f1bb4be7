#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (a test tool's own browser download does not
# work here). Install it when it is missing and we may (root with apt-get); otherwise say how.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium for the end-to-end tests (about 30 s)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  [ -x "$chromium" ] && exit 0
fi
echo "The end-to-end tests need Chromium at $chromium: install it with 'sudo apt-get install chromium'," >&2
echo "or point CHROMIUM_PATH at a Chromium binary." >&2
exit 1
