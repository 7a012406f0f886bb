#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command on a private Xvfb display:  with-xvfb.sh [-s WxHxD] [-w] CMD...
# -w also runs a window manager (openbox) when one is installed, for tests of
# what only a window manager does (fullscreen); without one they skip it.
# Xvfb chooses a free display itself (-displayfd), so tests running side by
# side never race for a number as `xvfb-run -a` does. Exit 77 (skipped) when
# Xvfb is not installed. The command gets its own session bus
# (dbus-run-session): without one GLib tries to autolaunch a bus through
# dbus-launch (dbus-x11, which a fresh machine lacks), warns, and
# G_DEBUG=fatal-warnings turns the warning into SIGTRAP.
set -u
screen=1280x800x24
wm=0
if [ "${1:-}" = "-s" ]; then screen=$2; shift 2; fi
if [ "${1:-}" = "-w" ]; then wm=1; shift; fi
command -v Xvfb >/dev/null || { echo "Xvfb is not installed: skipped"; exit 77; }
dir=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 "$screen" -nolisten tcp -noreset 3>"$dir/display" 2>"$dir/log" &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 100); do
  [ -s "$dir/display" ] && break
  kill -0 "$xvfb" 2>/dev/null || { echo "Xvfb failed to start:"; cat "$dir/log"; exit 1; }
  sleep 0.05
done
[ -s "$dir/display" ] || { echo "Xvfb gave no display"; exit 1; }
export DISPLAY=":$(head -n1 "$dir/display")"
if [ "$wm" = 1 ] && command -v openbox >/dev/null; then
  openbox --sm-disable >"$dir/wm.log" 2>&1 &
  wm_pid=$!
  trap 'kill "$wm_pid" 2>/dev/null; kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; rm -rf "$dir"' EXIT
  # Ready once it has claimed the screen (EWMH's supporting-WM window).
  for _ in $(seq 100); do
    xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break
    sleep 0.05
  done
fi
if command -v dbus-run-session >/dev/null; then
  dbus-run-session -- "$@"
else
  "$@"
fi
