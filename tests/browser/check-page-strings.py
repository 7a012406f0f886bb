#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The partner page's fixed strings exist twice: translatable in
src/room/cg-room-page-strings.c (sent translated in api/room) and as English
fallbacks in data/room/room.js. Both must hold the same keys and the same
English, every key room.js asks t() for must be in the table, and the
German catalogue must translate every one of them with the same {words}."""

import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else '.'
failures = []



with open(root + '/src/room/cg-room-page-strings.c', encoding='utf-8') as f:
    c_source = f.read()
table = {key: text.replace('\\"', '"').replace('\\\\', '\\')
         for key, text in re.findall(r'\{\s*"([^"]+)",\s*N_\(\s*"((?:[^"\\]|\\.)*)"\s*\)\s*\}', c_source)}

with open(root + '/data/room/room.js', encoding='utf-8') as f:
    js = f.read()
block = re.search(r'const FALLBACK = \{(.*?)\n  \};', js, re.S).group(1)
fallback = {key: text.replace("\\'", "'")
            for key, text in re.findall(r"'([^']+)':\s*'((?:[^'\\]|\\.)*)'", block)}
used = {k for k in re.findall(r"\bt\('([^']+)'", js) if not k.endswith('-')} | {'involvement-' + c for c in ['R', 'A', 'C', 'I', 'none']}

if not table:
    failures.append('no strings found in cg-room-page-strings.c')
for key in sorted(set(table) | set(fallback)):
    if key not in table:
        failures.append('%s: in room.js, not in cg-room-page-strings.c' % key)
    elif key not in fallback:
        failures.append('%s: in cg-room-page-strings.c, not in room.js' % key)
    elif table[key] != fallback[key]:
        failures.append('%s: English differs: %r (C) and %r (room.js)' % (key, table[key], fallback[key]))
for key in sorted(used - set(table)):
    failures.append('%s: room.js asks for it, the table lacks it' % key)

# German: every msgid translated, placeholders kept.
with open(root + '/po/de.po', encoding='utf-8') as f:
    po = f.read()
entries = {}
for m in re.finditer(r'(?:^msgctxt .*\n)?^msgid ((?:".*"\n)+)^msgstr ((?:".*"\n)+)', po, re.M):
    if m.group(0).startswith('msgctxt'):
        continue
    join = lambda s: ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', s)).replace('\\"', '"')
    entries[join(m.group(1))] = join(m.group(2))
for key, text in sorted(table.items()):
    german = entries.get(text)
    if not german:
        failures.append('%s: %r has no German translation in po/de.po' % (key, text))
    elif sorted(re.findall(r'\{\w+\}', german)) != sorted(re.findall(r'\{\w+\}', text)):
        failures.append('%s: German %r does not keep the {words} of %r' % (key, german, text))

for failure in failures:
    print('FAIL ' + failure)
print('%d page strings checked' % len(table))
sys.exit(1 if failures else 0)
