#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""common-ground --serve as a user runs it: on a copy of a sample session,
answers from a "phone" over HTTP, saved back within 2 s, saved again on
SIGTERM, exit 0; the file then reports the answers.

usage: test-serve.py EXE SAMPLE.commonground
"""
import csv
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

EXE, SAMPLE = sys.argv[1], sys.argv[2]
ENV = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')


def check(cond, message):
    if not cond:
        print('FAIL:', message)
        sys.exit(1)


def request(method, url, body=None, seat=None):
    headers = {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers['Content-Type'] = 'application/json'
    if seat is not None:
        headers['X-Seat'] = seat
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def answers(path):
    """(partner, item) -> (rating, involvement, comment) from --export-csv."""
    out = os.path.join(os.path.dirname(path), 'answers.csv')
    proc = subprocess.run([EXE, '--export-csv', out, path], env=ENV, capture_output=True, timeout=60)
    check(proc.returncode == 0, 'export-csv failed: %s' % proc.stderr.decode())
    with open(out, newline='', encoding='utf-8') as f:
        return {(r['partner_id'], r['item_id'] or 'comment-' + r['lesson']): r for r in csv.DictReader(f)}


def report(path):
    proc = subprocess.run([EXE, '--report', path, '--format=json'], env=ENV, capture_output=True, timeout=60)
    check(proc.returncode == 0, 'report failed: %s' % proc.stderr.decode())
    return json.loads(proc.stdout)


def statement(rep, item_id):
    for lesson in rep['lessons']:
        for s in lesson['statements']:
            if s['id'] == item_id:
                return s
    check(False, 'no statement %s in the report' % item_id)


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'workshop.commonground')
    shutil.copy(SAMPLE, path)
    before = report(path)
    check(answers(path)[('p47', 's4')]['rating'] == '', 'the sample already has Cara on s4')

    server = subprocess.Popen([EXE, '--serve', path, '--port', '0'], env=ENV,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = server.stdout.readline().decode()
        m = re.fullmatch(r'Room open: (http://127\.0\.0\.1:(\d+)/r/([0-9A-HJKMNP-TV-Z]{10}))\n', line)
        check(m is not None, 'first line was %r' % line)
        url = m.group(1)

        status, room = request('GET', url + '/api/room')
        check(status == 200 and room['title'] == 'Hillside neighbourhood team', 'room: %r' % room)
        status, claimed = request('POST', url + '/api/claim', {'partner': 'p47'})
        check(status == 200 and claimed['partner'] == 'p47', 'claim: %r' % claimed)
        seat = claimed['seat']

        t0 = time.monotonic()
        for body in ({'item': 's4', 'value': 2, 'seq': 1},
                     {'lesson': 1, 'comment': 'Said on the phone', 'seq': 2},
                     {'task': 't37', 'involvement': 'C', 'seq': 3}):
            status, reply = request('POST', url + '/api/answer', body, seat)
            check(status == 200 and reply == {'ok': True, 'seq': body['seq']}, 'answer %r: %r' % (body, reply))
        # Saved within 2 s of the answer, while the room stays open.
        saved = None
        while time.monotonic() - t0 < 2.0:
            time.sleep(0.2)
            rows = answers(path)
            if rows[('p47', 's4')]['rating'] == '2':
                saved = time.monotonic() - t0
                break
        check(saved is not None, 'the answer was not in the file within 2 s')
        check(rows[('p47', 't37')]['involvement'] == 'C', 'involvement not saved: %r' % rows[('p47', 't37')])
        check(server.poll() is None, 'the server stopped by itself')

        # The last answer is saved on SIGTERM, at once.
        status, reply = request('POST', url + '/api/answer', {'item': 's5', 'value': 5}, seat)
        check(status == 200, 'answer s5: %r' % reply)
        # A phone listening on its event stream (a raw socket, as a browser's
        # fetch reads it) hears "room-closed" before the process ends.
        m_host = re.match(r'http://([^:/]+):(\d+)(/r/[^/]+)', url)
        phone = socket.create_connection((m_host.group(1), int(m_host.group(2))), timeout=10)
        phone.sendall(('GET %s/api/events HTTP/1.1\r\nHost: %s:%s\r\nX-Seat: %s\r\n'
                       'Accept: text/event-stream\r\n\r\n'
                       % (m_host.group(3), m_host.group(1), m_host.group(2), seat)).encode())
        heard = b''
        while b'retry:' not in heard:
            chunk = phone.recv(4096)
            check(chunk != b'', 'the event stream ended before it began: %r' % heard)
            heard += chunk
        server.send_signal(signal.SIGTERM)
        try:
            while True:
                chunk = phone.recv(4096)
                if not chunk:
                    break
                heard += chunk
        except (ConnectionError, socket.timeout):
            pass
        phone.close()
        check(b'event: room-closed\n' in heard,
              'the phone never heard "room-closed" before the server quit: %r' % heard)
        code = server.wait(timeout=10)
        check(code == 0, 'exit status %d, stderr %s' % (code, server.stderr.read().decode()))
        check(server.stdout.read() == b'', 'more than one line on stdout')
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()

    rows = answers(path)
    check(rows[('p47', 's4')]['rating'] == '2', 's4: %r' % rows[('p47', 's4')])
    check(rows[('p47', 's5')]['rating'] == '5', 's5 (saved on SIGTERM): %r' % rows[('p47', 's5')])
    check(rows[('p47', 'comment-1')]['comment'] == 'Said on the phone', 'comment: %r' % rows[('p47', 'comment-1')])
    # The report counts Cara's new answer: one more 2 on s4, one more 5 on s5.
    after = report(path)
    for item, value in (('s4', 2), ('s5', 5)):
        want = list(statement(before, item)['counts'])
        want[value - 1] += 1
        check(statement(after, item)['counts'] == want,
              '%s counts %r, wanted %r' % (item, statement(after, item)['counts'], want))
    # Nothing listens any more.
    try:
        urllib.request.urlopen(url + '/api/room', timeout=2)
        check(False, 'the room still answers after exit')
    except (urllib.error.URLError, ConnectionError):
        pass
    # Usage errors say so.
    proc = subprocess.run([EXE, '--serve'], env=ENV, capture_output=True, timeout=10)
    check(proc.returncode == 2 and b'--serve' in proc.stderr, 'no usage for a bare --serve')
    proc = subprocess.run([EXE, '--serve', path, '--bind', 'nowhere'], env=ENV, capture_output=True, timeout=10)
    check(proc.returncode == 1 and proc.stdout == b'', 'a bad --bind opened something')
print('ok: saved after %.2f s' % saved)
