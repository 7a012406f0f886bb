#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `meson install` puts every file a desktop needs where the desktop looks,
# with the translations merged in. Installs into a temporary DESTDIR.
# Usage: check-install.sh BUILD_ROOT PREFIX DATADIR_NAME BINDIR_NAME LOCALEDIR SOURCE_ROOT
set -eu
build=$1
src=$6
prefix=$2
datadir=$prefix/$3
bindir=$prefix/$4
localedir=$5
app_id=io.github.commonground.CommonGround
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

meson install -C "$build" --no-rebuild --quiet --destdir "$tmp/root" > "$tmp/install.log" 2>&1 \
  || { cat "$tmp/install.log"; echo "FAIL: meson install"; exit 1; }
root=$tmp/root

expect() {
  if [ -e "$root$1" ]; then echo "ok: $1"; else echo "MISSING: $1"; status=1; fi
}
expect "$bindir/common-ground"
expect "$datadir/applications/$app_id.desktop"
expect "$datadir/metainfo/$app_id.metainfo.xml"
expect "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
expect "$datadir/mime/packages/$app_id.xml"
expect "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
expect "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect "$localedir/de/LC_MESSAGES/common-ground.mo"
# The schema comes with the XML work; until its source exists there is
# nothing to install, and the test says so instead of failing.
if [ -e "$src/data/schema/session.rng" ]; then
  expect "$datadir/common-ground/schema/session.rng"
else
  echo "pending: data/schema/session.rng is not in the source tree yet"
fi
# The four built-in templates, by name, and every template the tree holds.
for t in standard family-complex-needs safeguarding-information mental-health-employment; do
  expect "$datadir/common-ground/templates/$t.commonground"
done
for f in "$src"/data/templates/*.commonground; do
  expect "$datadir/common-ground/templates/$(basename "$f")"
done
[ -x "$root$bindir/common-ground" ] || { echo "FAIL: common-ground is not executable"; status=1; }

# With DESTDIR set, meson skips the post-install caches: nothing may have
# been written outside the staged tree's own files.
[ ! -e "$root$datadir/glib-2.0/schemas/gschemas.compiled" ] \
  || { echo "FAIL: schemas compiled into DESTDIR"; status=1; }

# What was installed is still valid, and carries the German translation.
desktop=$root$datadir/applications/$app_id.desktop
if desktop-file-validate "$desktop" | grep -v 'hint:'; then status=1; fi
grep -q '^Comment\[de\]=' "$desktop" || { echo "FAIL: desktop file not translated"; status=1; }
grep -q 'xml:lang="de"' "$root$datadir/metainfo/$app_id.metainfo.xml" \
  || { echo "FAIL: metainfo not translated"; status=1; }
glib-compile-schemas --strict --dry-run "$root$datadir/glib-2.0/schemas" \
  || { echo "FAIL: installed schema does not compile"; status=1; }
exit $status
