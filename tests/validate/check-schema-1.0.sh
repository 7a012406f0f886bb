#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A 1.0 reader opens what this version writes: files that use everything
# format 1.1 added (<cg11:baseline>, <cg11:group>, <cg11:work-on>) follow
# format 1.0's released schema (tests/data/schema-1.0/session.rng), which
# takes them as foreign content, so a 1.0 app keeps them and writes them
# back. And the same elements in the Common Ground namespace, as builds
# before the fix wrote them, do not: the check can fail.
#   check-schema-1.0.sh COMMON_GROUND SOURCE_ROOT
set -eu
exe=$1
src=$2
old_schema=$src/tests/data/schema-1.0/session.rng
new_schema=$src/data/schema/session.rng
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL: $*"; exit 1; }

# A new round, made here by the app, of a session with groups: a baseline
# and groups.
"$exe" --new-round "$src/tests/data/good/full.commonground" "$tmp/round.commonground" \
  || fail "--new-round"
round=$tmp/round.commonground
grep -q '<cg11:baseline sha256=' "$round" || fail "the new round has no cg11:baseline"
grep -q '<cg11:group>Social care</cg11:group>' "$round" || fail "the new round has no cg11:group"

# The fixture with a work-on section and groups; test-xml-roundtrip checks
# that the app writes it back byte for byte. The Riverside sample has groups.
full=$src/tests/data/good/full.commonground
grep -q '<cg11:work-on>' "$full" || fail "full.commonground has no cg11:work-on"

for file in "$round" "$full" "$src/data/samples/riverside-family.commonground"; do
  xmllint --noout --relaxng "$new_schema" "$file" || fail "$file does not follow 1.1's schema"
  xmllint --noout --relaxng "$old_schema" "$file" || fail "$file does not follow 1.0's schema"
done

# What the 1.1 elements looked like in the main namespace: 1.0 refuses it.
sed -e 's|cg11:||g' -e 's| xmlns:cg11="[^"]*"||' "$round" > "$tmp/main-ns.commonground"
grep -q '<baseline sha256=' "$tmp/main-ns.commonground" || fail "sed did not rewrite the round"
if xmllint --noout --relaxng "$old_schema" "$tmp/main-ns.commonground" 2>/dev/null; then
  fail "1.0's schema accepts <baseline> in the Common Ground namespace: this check proves nothing"
fi
echo "ok: a new round, full.commonground and the Riverside sample follow format 1.0's schema"
