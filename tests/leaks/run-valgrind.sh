#!/usr/bin/env bash
# The real executable's command-line paths under memcheck: every run must
# succeed (or, for a refused file, fail as it should) with no definitely
# lost block and no memory error. Skips (77) without valgrind.
# Usage: run-valgrind.sh COMMON-GROUND SOURCE-ROOT
set -uo pipefail
exe=$1 src=$2
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 77; }

sample=$src/data/samples/riverside-family.commonground
small=$src/data/samples/small-team.commonground
bad=$src/tests/data/bad/xxe.commonground
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export G_SLICE=always-malloc G_DEBUG="${G_DEBUG:+$G_DEBUG,}gc-friendly"
failures=0

# A memcheck error exits 99, so it is never mistaken for the program's own
# refusal (1) of a bad file.
run () {
  local expect=$1 name=$2; shift 2
  local log=$out/$name.log
  valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
    --suppressions="$src/tests/leaks/valgrind.supp" --num-callers=30 \
    "$exe" "$@" >"$out/$name.out" 2>"$log"
  local rc=$?
  if [ "$rc" -ne "$expect" ]; then
    echo "FAIL $name: exit $rc, expected $expect"
    cat "$log"
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}

# Each output must be real, or the run proved nothing.
expect_file () {
  local path=$1 magic=$2
  if [ ! -s "$path" ] || ! head -c 200 "$path" | grep -q -- "$magic"; then
    echo "FAIL: $path is missing or does not start with $magic"
    failures=$((failures + 1))
  fi
}

run 0 check --check "$sample"
run 0 check-small --check "$small"
run 1 check-refused --check "$bad"
run 0 report-text --report "$sample"
run 0 report-csv --report "$sample" --format=csv
run 0 report-json --report "$sample" --format=json
run 1 report-refused --report "$bad"
run 0 export-csv --export-csv "$out/answers.csv" "$sample"
run 0 export-charter --export-charter "$out/charter.pdf" "$sample"
run 0 export-report --export-report "$out/report.pdf" "$sample" --paper=letter
run 0 new-round --new-round "$sample" "$out/round.commonground"
run 0 compare-text --compare "$sample" "$out/round.commonground"
run 0 compare-csv --compare "$sample" "$small" --format=csv
run 0 compare-json --compare "$src/tests/data/report/workshop.commonground" \
  "$src/tests/data/report/workshop-round-2.commonground" --format=json

expect_file "$out/report-json.out" '{'
expect_file "$out/round.commonground" 'format-version="1.1"'
expect_file "$out/compare-json.out" '{'
expect_file "$out/answers.csv" ','
expect_file "$out/charter.pdf" '%PDF'
expect_file "$out/report.pdf" '%PDF'
grep -q 'xxe.commonground' "$out/check-refused.out" "$out/check-refused.log" \
  || { echo "FAIL: the refusal does not name the file"; failures=$((failures + 1)); }

[ "$failures" -eq 0 ]
