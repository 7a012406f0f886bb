#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail when a source or UI file marks strings for translation but is not
listed in po/POTFILES.in (its strings would never reach translators), or when
POTFILES.in names a file that no longer exists (xgettext would stop).

With --fix, rewrite POTFILES.in instead: keep its comments and the entries
outside src/ and ui/ that still exist, and list every marked file there.
Usage: check-potfiles.py [--fix] [SOURCE_ROOT]"""

import os
import re
import sys

# _( N_( C_( NC_( ngettext( g_dgettext( ... in C, translatable="yes" in .ui.
C_MARK = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dgettext|g_dngettext|'
                    r'g_dpgettext|g_dpgettext2|g_dcgettext)\s*\(')
UI_MARK = re.compile(r'translatable\s*=\s*"(yes|true|1)"')


def marked_files(root):
    found = []
    for top in ('src', 'ui'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                if name.endswith(('.c', '.h')):
                    pattern = C_MARK
                elif name.endswith('.ui'):
                    pattern = UI_MARK
                else:
                    continue
                with open(path, encoding='utf-8') as f:
                    if pattern.search(f.read()):
                        found.append(rel)
    return found


def listed_files(root):
    listed = []
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.append(line)
    return listed


def fix(root):
    path = os.path.join(root, 'po', 'POTFILES.in')
    with open(path, encoding='utf-8') as f:
        lines = [line.rstrip('\n') for line in f]
    comments = [line for line in lines if line.startswith('#')]
    others = [line.strip() for line in lines
              if line.strip() and not line.startswith('#')
              and not line.strip().startswith(('src/', 'ui/'))
              and os.path.exists(os.path.join(root, line.strip()))]
    entries = sorted(set(others)) + sorted(set(marked_files(root)))
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(comments + entries) + '\n')
    return 0


def main():
    args = sys.argv[1:]
    if args and args[0] == '--fix':
        return fix(args[1] if len(args) > 1 else os.environ['CG_SOURCE_ROOT'])
    root = args[0] if args else os.environ['CG_SOURCE_ROOT']
    listed = listed_files(root)
    marked = marked_files(root)
    missing = [f for f in marked if f not in listed]
    stale = [f for f in listed if not os.path.exists(os.path.join(root, f))]
    duplicated = sorted({f for f in listed if listed.count(f) > 1})
    for f in missing:
        print(f'po/POTFILES.in: missing {f} (it marks strings for translation)')
    for f in stale:
        print(f'po/POTFILES.in: lists {f}, which does not exist')
    for f in duplicated:
        print(f'po/POTFILES.in: lists {f} more than once')
    if len(marked) == 0:
        print('no marked files found under src/ or ui/: the scan is broken')
        return 1
    print(f'{len(marked)} files under src/ and ui/ mark strings; {len(listed)} listed')
    return 1 if missing or stale or duplicated else 0


if __name__ == '__main__':
    sys.exit(main())
