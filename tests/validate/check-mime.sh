#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The MIME definition really makes session files ours: build a private MIME
# database from the installed-format XML, then ask GLib (through `gio info`)
# what it makes of a few files.
# Usage: check-mime.sh MIME_XML SOURCE_XML
set -eu
mime_xml=$1
source_xml=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

xmllint --noout "$source_xml"
xmllint --noout "$mime_xml"

mkdir -p "$tmp/mime/packages"
cp "$mime_xml" "$tmp/mime/packages/io.github.commonground.CommonGround.xml"
# -V: update-mime-database warns about and skips anything it does not accept.
update-mime-database -V "$tmp/mime" > "$tmp/update.log" 2>&1 || { cat "$tmp/update.log"; fail "update-mime-database"; }
if grep -qi 'warning\|error' "$tmp/update.log"; then
  cat "$tmp/update.log"; fail "update-mime-database complained"
fi
[ -f "$tmp/mime/application/x-commonground-session.xml" ] || fail "type not in the database"
grep -q '^50:application/x-commonground-session:\*\.commonground$' "$tmp/mime/globs2" \
  || fail "no *.commonground glob"
grep -q 'application/x-commonground-session application/xml' "$tmp/mime/subclasses" \
  || fail "not a subclass of application/xml"
grep -q 'https://commonground.github.io/ns/session session' "$tmp/mime/XMLnamespaces" \
  || fail "no root-XML rule"
grep -q 'xml:lang="de"' "$tmp/mime/application/x-commonground-session.xml" \
  || fail "the comment has no German translation"

session='<?xml version="1.0" encoding="UTF-8"?>
<session xmlns="https://commonground.github.io/ns/session" format-version="1.0" next-id="1">
</session>'
printf '%s\n' "$session" > "$tmp/workshop.commonground"
printf '%s\n' "$session" > "$tmp/no-extension"
printf '<?xml version="1.0"?>\n<notes xmlns="urn:example:other"/>\n' > "$tmp/other-no-extension"

type_of() {
  XDG_DATA_HOME="$tmp/nowhere" XDG_DATA_DIRS="$tmp:/usr/share" \
    gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
}
t=$(type_of "$tmp/workshop.commonground")
[ "$t" = application/x-commonground-session ] || fail "*.commonground is '$t'"
t=$(type_of "$tmp/no-extension")
[ "$t" = application/x-commonground-session ] || fail "the namespace magic gave '$t'"
t=$(type_of "$tmp/other-no-extension")
[ "$t" != application/x-commonground-session ] || fail "an unrelated XML file is claimed as ours"
echo "ok: glob, magic and root-XML rules work; other XML is left alone"
