#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every language in po/LINGUAS translates every string the sources mark today:
# extract a fresh template exactly as `ninja common-ground-pot` does (glib
# preset, the core's g_dgettext keyword, our ITS rules for the templates),
# merge each .po with it and fail on anything untranslated or fuzzy.
# Usage: check-po-complete.sh SOURCE_ROOT
set -eu
src=$1
po=$src/po
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

GETTEXTDATADIRS=$po xgettext --package-name=common-ground -f "$po/POTFILES.in" \
  -D "$src" -o "$tmp/common-ground.pot" \
  --from-code=UTF-8 --add-comments -k_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 --keyword=g_dgettext:2

total=$(($(grep -c '^msgid ' "$tmp/common-ground.pot") - 1))
# A template with too few strings means the ITS rules or keywords broke.
if [ "$total" -lt 400 ]; then
  echo "only $total strings extracted: extraction is broken"
  exit 1
fi

status=0
for lang in $(grep -v '^#' "$po/LINGUAS"); do
  msgfmt --check -o /dev/null "$po/$lang.po" || status=1
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po/$lang.po" "$tmp/common-ground.pot"
  untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry too when anything else is printed.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  echo "$lang: $total strings, $untranslated untranslated, $fuzzy fuzzy"
  if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
    echo "first untranslated or fuzzy entries:"
    { msgattrib --untranslated --no-obsolete "$tmp/$lang.po"
      msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po"; } | grep -A2 '^#:' | head -60
    status=1
  fi
done
exit $status
