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

# The room without a window: a phone joins, answers, is refused, leaves;
# then SIGTERM, which must save and exit 0 with nothing lost.
cp "$small" "$out/room.commonground"
valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
  --suppressions="$src/tests/leaks/valgrind.supp" --num-callers=30 \
  "$exe" --serve "$out/room.commonground" --port 0 >"$out/serve.out" 2>"$out/serve.log" &
serve_pid=$!
for _ in $(seq 1 120); do
  grep -q '^Room open: ' "$out/serve.out" && break
  sleep 0.5
done
if python3 - "$(sed -n 's/^Room open: //p' "$out/serve.out")" <<'PY'
import json, sys, urllib.error, urllib.request
url = sys.argv[1]
def call(method, path, body=None, seat=None):
    headers = {'Content-Type': 'application/json'}
    if seat:
        headers['X-Seat'] = seat
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
assert call('GET', '/api/room')[0] == 200
status, body = call('POST', '/api/claim', {'partner': 'p47'})
seat = json.loads(body)['seat']
assert call('POST', '/api/answer', {'item': 's4', 'value': 2}, seat)[0] == 200
assert call('GET', '/api/stage', None, seat)[0] == 200
assert call('POST', '/api/answer', {'item': 's4', 'value': 9}, seat)[0] == 400
assert call('DELETE', '/api/seat', None, seat)[0] == 200
PY
then
  kill -TERM "$serve_pid"
  wait "$serve_pid"
  rc=$?
  if [ "$rc" -eq 0 ]; then echo "ok   serve"; else echo "FAIL serve: exit $rc"; cat "$out/serve.log"; failures=$((failures + 1)); fi
else
  echo "FAIL serve: the room did not answer"
  kill "$serve_pid" 2>/dev/null
  wait "$serve_pid"
  failures=$((failures + 1))
fi

[ "$failures" -eq 0 ]
