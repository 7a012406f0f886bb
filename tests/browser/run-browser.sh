#!/usr/bin/env bash
# Runs one browser test: Debian's chromium driven by chromedriver through
# python3-selenium (Debian's own python, whatever python3 is first on PATH).
#   run-browser.sh SCRIPT.py [ARGS...]
# Exit 77 (skipped) only when the browser itself is not installed; a missing
# driver or selenium next to an installed chromium is a failure.
set -u
command -v chromium >/dev/null || { echo "browser: chromium not installed: skipped"; exit 77; }
command -v chromedriver >/dev/null ||
  { echo "browser: chromium-driver missing (build-aux/packages.txt)"; exit 1; }
/usr/bin/python3 -c 'import selenium' 2>/dev/null ||
  { echo "browser: python3-selenium missing (build-aux/packages.txt)"; exit 1; }
export PYTHONPATH="$(cd "$(dirname "$0")" && pwd)${PYTHONPATH:+:$PYTHONPATH}"
exec /usr/bin/python3 "$@"
