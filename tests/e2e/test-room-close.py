#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: closing the app's only window while a phone listens on its
event stream. The window closes its room; the phone must hear
"room-closed" before its connection ends (else it says "No connection"
instead of "The room has closed"), and the app must then exit 0. Before
the app held itself while the room's streams flushed, it quit at once with
the event queued but never written.

Usage (inside Xvfb + dbus + at-spi bus, see run-e2e.sh):
    test-room-close.py APP_EXECUTABLE SMALL-TEAM.commonground
Exit 0 pass, 1 fail.
"""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import urllib.request

from cgtest import app_root, button, click, fail, find, focus_x_window, keys, log, \
    start_app, toplevel, wait_for

APP, SAMPLE = sys.argv[1], sys.argv[2]
ANN = "p45"  # from the sample file


def claim(url, partner):
    request = urllib.request.Request(url + "/api/claim", method="POST",
                                     data=json.dumps({"partner": partner}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as reply:
        if reply.status != 200:
            fail(f"claim: {reply.status}")
        return json.loads(reply.read())["seat"]


def open_events(url, seat):
    """A raw event stream, as a browser's fetch reads it; returns the socket
    and what it heard up to the stream's first "retry:"."""
    m = re.match(r"http://([^:/]+):(\d+)(/r/[^/]+)", url)
    if m is None:
        fail(f"'{url}' is not a join address")
    host, port, path = m.group(1), int(m.group(2)), m.group(3)
    phone = socket.create_connection((host, port), timeout=10)
    phone.sendall((f"GET {path}/api/events HTTP/1.1\r\nHost: {host}:{port}\r\n"
                   f"X-Seat: {seat}\r\nAccept: text/event-stream\r\n\r\n").encode())
    heard = b""
    while b"retry:" not in heard:
        chunk = phone.recv(4096)
        if not chunk:
            fail(f"the event stream ended before it began: {heard!r}")
        heard += chunk
    return phone, heard


def read_to_end(phone, heard):
    try:
        while True:
            chunk = phone.recv(4096)
            if not chunk:
                break
            heard += chunk
    except (ConnectionError, socket.timeout):
        pass
    phone.close()
    return heard


def main():
    work = tempfile.mkdtemp()
    path = os.path.join(work, "small-team.commonground")
    shutil.copy(SAMPLE, path)
    proc = start_app(APP, path)
    try:
        root = wait_for("the app on the accessibility bus", lambda: app_root(proc))
        main_frame = wait_for("the main window", lambda: toplevel(root, "Hillside"))
        focus_x_window("Hillside")
        click(wait_for("the Room button", lambda: button(main_frame, "Room")))
        click(wait_for("'Open the Room'", lambda: button(main_frame, "Open the Room"),
                       root=main_frame))
        url = wait_for("the join address", lambda: find(
            main_frame, lambda n: n.getRoleName() == "label" and n.name.startswith("http://")),
            root=main_frame).name
        log("the room is open:", url)

        phone, heard = open_events(url, claim(url, ANN))
        log("Ann's phone listens on its event stream")

        focus_x_window("Hillside")
        keys("Escape")
        keys("ctrl+w")
        heard = read_to_end(phone, heard)
        if b"event: room-closed\n" not in heard:
            fail(f"the phone never heard \"room-closed\" before the app quit: {heard!r}")
        log("the phone heard room-closed")
        try:
            code = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            fail("the app did not quit after its only window closed")
        if code != 0:
            fail(f"the app exited with status {code}")
        log("the app exited 0")
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
