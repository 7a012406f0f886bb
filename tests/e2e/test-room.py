#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: the room from the real app's header bar, through the
accessibility bus, with this script as a partner's phone (plain HTTP, as
the page would speak it). On the small-team sample's lesson 2 (nobody has
answered it), the Room button's popover opens the room and names the join
address; the presentation view (F5) shows the QR code for exactly that
address; Ann Lee claims her seat and answers, and the view says "1 of 3 has
answered" and the popover lists her seat with "Free the seat of Ann Lee";
Close the Room closes the port.

Usage (inside Xvfb + dbus + at-spi bus, see run-e2e.sh):
    test-room.py APP_EXECUTABLE SMALL-TEAM.commonground
Exit 0 pass, 1 fail.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

# As in test-present.py: the app keeps G_DEBUG, this client does not.
APP_ENV = dict(os.environ)
os.environ.pop("G_DEBUG", None)

import pyatspi  # noqa: E402

APP, SAMPLE = sys.argv[1], sys.argv[2]
LESSON_2 = 3  # row of the sidebar
ANN, FIRST_OF_LESSON_2 = "p45", "s6"  # from the sample file


def log(*args):
    print("e2e:", *args, flush=True)


def walk(node, depth=0):
    try:
        yield node
        if depth < 40:
            for child in node:
                if child is not None:
                    yield from walk(child, depth + 1)
    except Exception:
        return


def find(node, predicate):
    return next((n for n in walk(node) if predicate(n)), None)


def fail(message, root=None):
    log("FAIL:", message)
    if root is not None:
        for node in walk(root):
            log("  tree:", node.getRoleName(), repr(node.name))
    sys.exit(1)


def wait_for(what, getter, timeout=20.0, root=None):
    end = time.time() + timeout
    while time.time() < end:
        value = getter()
        if value:
            return value
        time.sleep(0.2)
    fail(f"timed out waiting for {what}", root)


def keys(*names):
    subprocess.run(["xdotool", "key", "--delay", "60", *names], check=True)
    time.sleep(0.4)


def focus_x_window(name):
    wid = wait_for(f"X window '{name}'", lambda: subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name],
        capture_output=True, text=True).stdout.split())
    subprocess.run(["xdotool", "windowfocus", "--sync", wid[-1]], check=False)
    time.sleep(0.3)


def app_root(proc):
    if proc.poll() is not None:
        fail(f"the application exited with status {proc.returncode}")
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "common-ground":
            return app
    return None


def frame(root, prefix):
    try:
        return next((w for w in root if w is not None and w.name.startswith(prefix)), None)
    except Exception:
        return None


def label(root, text):
    return find(root, lambda n: n.getRoleName() == "label" and n.name == text)


def has_actions(node):
    try:
        return node.queryAction().nActions > 0
    except Exception:
        return False


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate"):
            action.doAction(i)
            time.sleep(0.4)
            return
    fail(f"no click action on {node.getRoleName()} '{node.name}'")


def button(root, name):
    return find(root, lambda n: n.getRoleName() in ("push button", "toggle button")
                and n.name == name and has_actions(n))


def goto_lesson_2(main):
    stages = wait_for("the stage list", lambda: find(
        main, lambda n: n.getRoleName() == "list" and n.name == "Workshop stages"))
    for _ in range(12):
        current = next(i for i, r in enumerate(stages)
                       if r.getState().contains(pyatspi.STATE_SELECTED))
        if current == LESSON_2:
            return
        keys("alt+Left" if current > LESSON_2 else "alt+Right")
    fail("could not reach lesson 2")


def post(url, body, seat=None):
    """Status and parsed body of a POST; status 0 when nothing listens."""
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    if seat is not None:
        request.add_header("X-Seat", seat)
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as error:
        return error.code, None
    except urllib.error.URLError as error:
        if isinstance(error.reason, ConnectionRefusedError):
            return 0, None
        raise


def main():
    work = tempfile.mkdtemp()
    path = os.path.join(work, "small-team.commonground")
    shutil.copy(SAMPLE, path)
    env = dict(APP_ENV, GTK_A11Y="atspi", NO_AT_BRIDGE="0", GDK_BACKEND="x11",
               GSK_RENDERER="cairo")
    proc = subprocess.Popen([APP, path], env=env)
    try:
        root = wait_for("the app on the accessibility bus", lambda: app_root(proc))
        main_frame = wait_for("the main window", lambda: frame(root, "Hillside"))
        focus_x_window("Hillside")
        goto_lesson_2(main_frame)

        click(wait_for("the Room button", lambda: button(main_frame, "Room")))
        click(wait_for("'Open the Room'", lambda: button(main_frame, "Open the Room"),
                       root=main_frame))
        url_label = wait_for("the join address", lambda: find(
            main_frame, lambda n: n.getRoleName() == "label" and n.name.startswith("http://")),
            root=main_frame)
        url = url_label.name
        if "/r/" not in url:
            fail(f"'{url}' is not a join address")
        if label(main_frame, "Use a network with a password, or turn on this laptop's hotspot.") is None:
            fail("no warning about the network", main_frame)
        log("the Room button opens the room:", url)

        focus_x_window("Hillside")
        keys("Escape")
        keys("F5")
        view = wait_for("the presentation window", lambda: frame(root, "Presentation"))
        wait_for("the join code", lambda: find(
            view, lambda n: n.getRoleName() == "image" and n.name == f"QR code for {url}"),
            root=view)
        wait_for("the join address on the projector", lambda: label(view, url), root=view)
        log("the projector shows the code and the address")

        status, reply = post(url + "/api/claim", {"partner": ANN})
        if status != 200:
            fail(f"claim: {status}")
        status, _ = post(url + "/api/answer", {"item": FIRST_OF_LESSON_2, "value": 4},
                         reply["seat"])
        if status != 200:
            fail(f"answer: {status}")
        wait_for("'1 of 3 has answered'", lambda: label(view, "1 of 3 has answered"), root=view)
        # Hidden widgets leave the accessibility tree.
        if find(view, lambda n: n.getRoleName() == "image" and n.name.startswith("QR code")):
            fail("the code is still shown after the first answer", view)
        log("an answer from a phone reaches the projector's count")

        focus_x_window("Hillside")
        click(wait_for("the Room button", lambda: button(main_frame, "Room")))
        wait_for("Ann's seat", lambda: button(main_frame, "Free the seat of Ann Lee"),
                 root=main_frame)
        click(wait_for("'Close the Room'", lambda: button(main_frame, "Close the Room")))
        wait_for("the port to close", lambda: post(url + "/api/claim", {"partner": ANN})[0] == 0)
        log("Close the Room closes the port")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
