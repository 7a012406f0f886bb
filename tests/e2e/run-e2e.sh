#!/usr/bin/env bash
# Runs one e2e script against the real app: a private X server (Xvfb), a
# session bus and the accessibility bus, as /work/shared/tools/ui-look does.
#   run-e2e.sh SCRIPT.py APP [ARGS...]
# Exit 77 (skipped) when a piece of the stack is missing.
set -u
script=$1; shift
for tool in Xvfb dbus-run-session xdotool; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool not installed: skipped"; exit 77; }
done
[ -x /usr/libexec/at-spi-bus-launcher ] || { echo "e2e: at-spi2-core not installed: skipped"; exit 77; }
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null || { echo "e2e: python3-pyatspi not installed: skipped"; exit 77; }
inner=$(mktemp)
# Each script starts with no recovery copies and no recent files: a draft
# left by another test (or a killed run) would otherwise open the
# "Restore?" question in front of the window the script drives.
XDG_DATA_HOME=$(mktemp -d)
export XDG_DATA_HOME
trap 'rm -f "$inner"; rm -rf "$XDG_DATA_HOME"' EXIT
cat >"$inner" <<'INNER'
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
bus=$!
sleep 0.5
/usr/bin/python3 "$@"
status=$?
kill "$bus" 2>/dev/null
exit $status
INNER
exec "$(dirname "$0")/../with-xvfb.sh" -s 1280x800x24 dbus-run-session -- bash "$inner" "$script" "$@"
