#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the real common-ground executable on a fixture and checks its output.

usage: golden.py EXE CASE

Each CASE runs one command and checks it against an expected output written
by hand from the definitions (see README.md beside this script): text and
CSV byte for byte, JSON by parsing both and comparing values.
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'data', 'report')
EXPECTED = os.path.join(HERE, 'expected')


def run(exe, *args):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    return subprocess.run([exe, *args], cwd=DATA, env=env, capture_output=True, timeout=60)


def expected(name):
    with open(os.path.join(EXPECTED, name), 'rb') as f:
        return f.read()


def check(cond, message):
    if not cond:
        print('FAIL:', message)
        sys.exit(1)


def ok(proc):
    check(proc.returncode == 0,
          'exit status %d, stderr: %s' % (proc.returncode, proc.stderr.decode(errors='replace')))
    check(proc.stderr == b'', 'unexpected stderr: %r' % proc.stderr)


def same_bytes(got, want, name):
    if got != want:
        got_lines = got.decode(errors='replace').splitlines(keepends=True)
        want_lines = want.decode(errors='replace').splitlines(keepends=True)
        for i, (g, w) in enumerate(zip(got_lines, want_lines)):
            if g != w:
                print('line %d differs from %s:\n  got:  %r\n  want: %r' % (i + 1, name, g, w))
                break
        else:
            print('%s: lengths differ (%d lines, want %d)' % (name, len(got_lines), len(want_lines)))
        sys.exit(1)


def case_text(exe):
    proc = run(exe, '--report', 'workshop.commonground')
    ok(proc)
    same_bytes(proc.stdout, expected('workshop.txt'), 'workshop.txt')
    # Explicit format and the --report=FILE form give the same.
    proc = run(exe, '--report=workshop.commonground', '--format', 'text')
    ok(proc)
    same_bytes(proc.stdout, expected('workshop.txt'), 'workshop.txt')


def case_csv(exe):
    proc = run(exe, '--report', 'workshop.commonground', '--format=csv')
    ok(proc)
    same_bytes(proc.stdout, expected('workshop.csv'), 'workshop.csv')
    rows = list(csv.reader(io.StringIO(proc.stdout.decode(), newline='')))
    check(all(len(r) == len(rows[0]) for r in rows), 'every CSV row has the header\'s width')


def case_json(exe):
    proc = run(exe, '--report', 'workshop.commonground', '--format=json')
    ok(proc)
    got = json.loads(proc.stdout.decode())  # fails the test if it is not valid JSON
    want = json.loads(expected('workshop.json').decode())
    if got != want:
        print('JSON differs from workshop.json:')
        print(json.dumps(got, indent=1, ensure_ascii=False)[:4000])
        sys.exit(1)
    # Numbers read as a person wrote them (json-glib alone gives 0.85499999999999998),
    # and whole numbers stay integers.
    raw = proc.stdout.decode()
    check('"consensus" : 0.855,' in raw and '0.85499' not in raw, 'JSON numbers in their shortest exact form')
    check('"mean" : 4,' in raw, 'whole means stay integers')


def case_export(exe):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'answers.csv')
        proc = run(exe, '--export-csv', out, 'workshop.commonground')
        ok(proc)
        check(proc.stdout == b'', 'nothing on stdout when writing a file')
        with open(out, 'rb') as f:
            same_bytes(f.read(), expected('workshop-answers.csv'), 'workshop-answers.csv')
        # A second export replaces the first whole.
        proc = run(exe, '--export-csv=' + out, 'workshop.commonground')
        ok(proc)
        with open(out, 'rb') as f:
            same_bytes(f.read(), expected('workshop-answers.csv'), 'workshop-answers.csv')


def case_escapes(exe):
    """Hostile text survives every format exactly."""
    want = {
        's2': 'Quotes "double", \'single\', back\\slash, comma, and ; semicolon',
        's3': 'Line one\nline two\r\nline three\ttabbed',
        's4': 'Emoji 🤝, Hebrew שלום, line sep\u2028here, R&D <tag> ]]> &foo;',
    }
    name = 'Ünïcødé "Nick", Jr.'
    proc = run(exe, '--report', 'escapes.commonground', '--format=json')
    ok(proc)
    report = json.loads(proc.stdout.decode())
    got = {s['id']: s['text'] for s in report['lessons'][0]['statements']}
    check(got == want, 'JSON texts: %r' % got)
    check(report['partners'][0]['name'] == name, 'JSON partner name')
    check(report['lessons'][0]['statements'][0]['consensus'] is None, 'no answers: consensus null')
    check(report['lessons'][0]['group_mean'] is None, 'no answers: group mean null')

    proc = run(exe, '--report', 'escapes.commonground')
    ok(proc)
    check('\n  s3  Line one\n      line two\n      line three\ttabbed\n' in proc.stdout.decode(),
          'text: a multi-line statement continues under its first line')

    proc = run(exe, '--report', 'escapes.commonground', '--format=csv')
    ok(proc)
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode(), newline='')))
    got = {r['id']: r['text'] for r in rows if r['record'] == 'statement'}
    check(got == want, 'CSV texts: %r' % got)

    proc = run(exe, '--export-csv', '-', 'escapes.commonground')
    ok(proc)
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode(), newline='')))
    check({r['item_id']: r['item_text'] for r in rows if r['kind'] == 'statement'} == want,
          'export texts')
    check(rows[0]['partner_name'] == name, 'export partner name')
    comments = [r['comment'] for r in rows if r['kind'] == 'comment']
    check(comments == ['Comment with "quotes",\r\nCRLF and \\ backslash'], 'export comment %r' % comments)


def case_groups(exe):
    """Issue 18's worked example: {Health: 4,5; Council: 2,1; Charity: 3},
    and Fin without a group answering 5 (left out). Health 4.5 (n 2),
    Council 1.5 (n 2), Charity 3 (n 1, one partner): a gap of 3.0 between
    Health and Council, each with two answers, so flagged. The aim has one
    answer (Ann, Health): one group answered, so no gap."""
    proc = run(exe, '--report', 'groups.commonground', '--format=json')
    ok(proc)
    report = json.loads(proc.stdout.decode())
    statement = report['lessons'][0]['statements'][0]
    want_groups = [{'group': 'Health', 'n': 2, 'mean': 4.5, 'partners': 2},
                   {'group': 'Council', 'n': 2, 'mean': 1.5, 'partners': 2},
                   {'group': 'Charity', 'n': 1, 'mean': 3, 'partners': 1}]
    want_gap = {'gap': 3.0, 'high': 'Health', 'low': 'Council', 'flagged': True}
    check(statement['groups'] == want_groups, 'item groups: %r' % statement['groups'])
    check(statement['group_gap'] == want_gap, 'item gap: %r' % statement['group_gap'])
    # One statement in lesson 1: the lesson's groups are the same.
    check(report['lessons'][0]['groups'] == want_groups, 'lesson groups')
    check(report['lessons'][0]['group_gap'] == want_gap, 'lesson gap')
    # Lesson 2 has no statements: no group answered.
    check(report['lessons'][1]['groups'] == [] and report['lessons'][1]['group_gap'] is None,
          'empty lesson: no groups, gap null')
    aim = report['aims'][0]
    check(aim['groups'] == [{'group': 'Health', 'n': 1, 'mean': 4, 'partners': 2}], 'aim groups')
    check(aim['group_gap'] is None, 'one group answered: gap null')
    check([p['group'] for p in report['partners']] ==
          ['Health', 'Health', 'Council', 'Council', 'Charity', None], 'partner groups')

    proc = run(exe, '--report', 'groups.commonground')
    ok(proc)
    text = proc.stdout.decode()
    check('Groups:       Health 4.50 (2), Council 1.50 (2), Charity 3.00 (1, one partner)\n' in text,
          'text: group means, the single-partner group marked')
    check('Group gap:    3.00 between Health and Council (flagged)\n' in text, 'text: the gap')
    check('  p1  Ann · group: Health\n' in text, 'text: partner group')

    proc = run(exe, '--report', 'groups.commonground', '--format=csv')
    ok(proc)
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode(), newline='')))
    groups = [(r['group'], r['n'], r['mean'], r['group_partners'])
              for r in rows if r['record'] == 'group' and r['id'] == 's7']
    check(groups == [('Health', '2', '4.5', '2'), ('Council', '2', '1.5', '2'),
                     ('Charity', '1', '3', '1')], 'CSV groups: %r' % groups)
    gaps = [(r['value'], r['gap_high'], r['gap_low'], r['gap_flagged'])
            for r in rows if r['record'] == 'group-gap' and r['id'] == 's7']
    check(gaps == [('3', 'Health', 'Council', 'true')], 'CSV gap: %r' % gaps)

    # The raw answers carry each partner's group, empty without one.
    proc = run(exe, '--export-csv', '-', 'groups.commonground')
    ok(proc)
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode(), newline='')))
    by_partner = {r['partner_id']: r['group'] for r in rows}
    check(by_partner == {'p1': 'Health', 'p2': 'Health', 'p3': 'Council', 'p4': 'Council',
                         'p5': 'Charity', 'p6': ''}, 'export groups: %r' % by_partner)


def case_errors(exe):
    proc = run(exe, '--report', 'no-such-file.commonground')
    check(proc.returncode == 1, 'missing file: exit 1, not %d' % proc.returncode)
    check(proc.stderr.decode().startswith('no-such-file.commonground:'),
          'missing file: message names the file: %r' % proc.stderr)
    check(proc.stdout == b'', 'missing file: nothing on stdout')

    proc = run(exe, '--report', 'not-a-session.commonground')
    check(proc.returncode == 1, 'bad file: exit 1')
    first = proc.stderr.decode().splitlines()[0]
    check(first.startswith('not-a-session.commonground:') and first.split(':')[1].isdigit()
          and first.split(':')[2].isdigit(),
          'bad file: FILE:LINE:COLUMN: message, got %r' % first)

    for args in (['--report'], ['--report', 'workshop.commonground', '--format=xml'],
                 ['--report', 'workshop.commonground', 'extra.commonground'],
                 ['--report', 'workshop.commonground', '--frobnicate'],
                 ['--export-csv', 'out.csv'], ['--export-csv']):
        proc = run(exe, *args)
        check(proc.returncode == 2, '%s: usage error exits 2, not %d' % (args, proc.returncode))
        check(proc.stdout == b'' and proc.stderr != b'', '%s: says why on stderr' % args)

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'kept.csv')
        with open(out, 'w') as f:
            f.write('old export\n')
        proc = run(exe, '--export-csv', out, 'not-a-session.commonground')
        check(proc.returncode == 1, 'export of a bad file fails')
        with open(out) as f:
            check(f.read() == 'old export\n', 'a failed export leaves the old file alone')


def case_compare(exe):
    """--compare on a new round of the workshop (README.md has the workings)."""
    args = ['--compare', 'workshop.commonground', 'workshop-round-2.commonground']
    proc = run(exe, *args, '--format=json')
    ok(proc)
    raw = proc.stdout.decode()
    got = json.loads(raw)
    want = json.loads(expected('workshop-compare.json').decode())
    if got != want:
        print('JSON differs from workshop-compare.json:')
        print(json.dumps(got, indent=1, ensure_ascii=False)[:6000])
        sys.exit(1)
    # Numbers are written as --report writes them, not with 17 digits.
    check('0.855,' in raw and '0.85499' not in raw, 'JSON numbers rounded as in --report')
    proc = run(exe, *args)
    ok(proc)
    same_bytes(proc.stdout, expected('workshop-compare.txt'), 'workshop-compare.txt')
    proc = run(exe, *args, '--format', 'csv')
    ok(proc)
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode(), newline='')))
    a12 = [r for r in rows if r['record'] == 'item' and r['id'] == 'a12'][0]
    check((a12['before_consensus'], a12['after_consensus'], a12['delta_consensus'], a12['movement'])
          == ('0.396', '0.855', '0.459', 'towards-agreement'), 'CSV a12: %r' % a12)
    t15 = [r for r in rows if r['record'] == 'task' and r['id'] == 't15'][0]
    check(t15['resolved'] == 'overlap; no-doer; mismatch', 'CSV t15 resolved: %r' % t15['resolved'])
    check([(r['id'], r['side']) for r in rows if r['record'] == 'unmatched-item']
          == [('s10', 'before'), ('s18', 'after')], 'CSV unmatched items')


def case_compare_changed(exe):
    """The earlier file changed after the round was made: said on stderr and
    in the output; matching still goes by id, as the ids agree."""
    with tempfile.TemporaryDirectory() as tmp:
        old = os.path.join(tmp, 'workshop.commonground')
        with open(os.path.join(DATA, 'workshop.commonground'), 'rb') as f:
            data = f.read()
        with open(old, 'wb') as f:
            f.write(data.replace(b'Sam Okafor', b'Sam Okafor-Jones'))
        proc = run(exe, '--compare', old, 'workshop-round-2.commonground', '--format=json')
        check(proc.returncode == 0, 'exit 0 with a changed baseline file')
        check(b'SHA-256 differs' in proc.stderr, 'stderr says the digest differs: %r' % proc.stderr)
        got = json.loads(proc.stdout.decode())
        check(got['baseline'] == 'differs' and got['matched_by'] == 'ids', 'baseline differs, by ids: %r'
              % [got['baseline'], got['matched_by']])


def case_new_round(exe):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'round.commonground')
        proc = run(exe, '--new-round', 'workshop.commonground', out)
        ok(proc)
        text = open(out, encoding='utf-8').read()
        import hashlib
        digest = hashlib.sha256(open(os.path.join(DATA, 'workshop.commonground'), 'rb').read()).hexdigest()
        check('<cg11:baseline sha256="%s">' % digest in text, 'baseline digest of the old file')
        check('<cg11:file>workshop.commonground</cg11:file>' in text, 'baseline file name')
        check('xmlns:cg11="https://commonground.github.io/ns/session/1.1"' in text,
              'the baseline in format 1.1\'s namespace')
        check('format-version="1.1"' in text, 'format 1.1')
        check('<rating' not in text and '<comment' not in text and '<role ' not in text,
              'no answers in a new round')
        check('<statement id="s5">We share a clear purpose.</statement>' in text, 'same ids')
        proc = run(exe, '--check', out)
        ok(proc)
        # Never overwrites.
        proc = run(exe, '--new-round', 'workshop.commonground', out)
        check(proc.returncode == 1 and b'already exists' in proc.stderr, 'refuses to overwrite')
        check(open(out, encoding='utf-8').read() == text, 'the existing file is untouched')
        # Compared with itself unanswered: every item matched by baseline, no movement.
        proc = run(exe, '--compare', 'workshop.commonground', out, '--format=json')
        ok(proc)
        got = json.loads(proc.stdout.decode())
        check(got['matched_by'] == 'baseline' and all(i['movement'] is None for i in got['items']),
              'a fresh round: matched, nothing to tell yet')
    for args in (['--new-round'], ['--new-round', 'a'], ['--compare', 'workshop.commonground'],
                 ['--compare', 'a', 'b', 'c'], ['--compare', 'workshop.commonground',
                 'workshop-round-2.commonground', '--format=xml']):
        proc = run(exe, *args)
        check(proc.returncode == 2, '%s: usage error exits 2, not %d' % (args, proc.returncode))


def pdf_text(path):
    proc = subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True, timeout=60)
    check(proc.returncode == 0, 'pdftotext %s' % path)
    return proc.stdout.decode()


def case_export_since(exe):
    """--since gives the report its Since last time pages and the charter the
    roles resolved since (t15 and t16, see README.md)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, 'report.pdf')
        charter = os.path.join(tmp, 'charter.pdf')
        proc = run(exe, '--export-report', report, 'workshop-round-2.commonground',
                   '--since=workshop.commonground', '--paper=a4')
        ok(proc)
        text = pdf_text(report)
        check('Since last time' in text and 'Since 22 November 2026' in text, 'report: Since page')
        check('Group, 22 November 2026' in text, 'report: the radar names the earlier line')
        check('+0.46' in text and '-0.22' in text, 'report: changes in consensus of a12 and s9')
        proc = run(exe, '--export-charter', charter, 'workshop-round-2.commonground',
                   '--since', 'workshop.commonground')
        ok(proc)
        text = ' '.join(pdf_text(charter).split())
        check('Resolved since 22 November 2026: Manage the pooled budget (Overlap, No doer, '
              'Mismatch); Keep the family informed (Mismatch).' in text, 'charter: resolved since')
        proc = run(exe, '--export-report', report, 'workshop-round-2.commonground')
        ok(proc)
        check('Since last time' not in pdf_text(report), 'no --since, no Since page')
        proc = run(exe, '--export-report', report, 'workshop-round-2.commonground', '--since=')
        check(proc.returncode == 2, '--since= without a file is a usage error')


CASES = {name[5:]: f for name, f in globals().items() if name.startswith('case_')}

if __name__ == '__main__':
    if len(sys.argv) != 3 or sys.argv[2] not in CASES:
        sys.exit('usage: golden.py EXE {%s}' % '|'.join(CASES))
    CASES[sys.argv[2]](sys.argv[1])
