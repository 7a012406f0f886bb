#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every C file in src/ and tests/ is as build-aux/format writes it, and the
# check itself notices a file that is not (a copy of the formatter in a
# scratch tree with one badly formatted file must fail).
# Usage: check-code-style.sh SOURCE_ROOT
set -u
src=$1
command -v clang-format >/dev/null || { echo "clang-format is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/build-aux" "$tmp/src" "$tmp/tests"
cp "$src/.clang-format" "$tmp/"
cp "$src/build-aux/format" "$tmp/build-aux/"
printf 'static int\nadd (int a, int b) { return a+b; }\n' > "$tmp/src/bad.c"
if "$tmp/build-aux/format" --check >/dev/null; then
  echo "the check passed a badly formatted file"
  exit 1
fi
"$tmp/build-aux/format"
grep -q '^add (int a,$' "$tmp/src/bad.c" && grep -q '^     int b)$' "$tmp/src/bad.c" ||
  { echo "parameters not one per line:"; cat "$tmp/src/bad.c"; exit 1; }
"$tmp/build-aux/format" --check || { echo "formatting is not stable"; exit 1; }
exec "$src/build-aux/format" --check
