#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: the presentation view (F5) of the real app on the Riverside
sample, read through the accessibility bus. F5 on lesson 1 shows its first
statement, Page Down the second, Alt+Right in the main window moves the view
to lesson 2, Esc closes it.

Usage (inside Xvfb + dbus + at-spi bus, see run-e2e.sh):
    test-present.py APP_EXECUTABLE SAMPLE.commonground
Exit 0 pass, 1 fail.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

# The app keeps G_DEBUG=fatal-warnings; this client does not: AT-SPI warns
# here when an application that went away (an earlier test's) is still
# listed on the bus, which is no fault of the app under test.
APP_ENV = dict(os.environ)
os.environ.pop("G_DEBUG", None)

import pyatspi  # noqa: E402

APP, SAMPLE = sys.argv[1], sys.argv[2]
FIRST = ("We share a clear purpose for our work with the Kerr family that every "
         "partner can state in one sentence.")


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
    time.sleep(0.3)


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
    return find(root, lambda n: n.getRoleName() == "frame" and n.name.startswith(prefix))


def label(root, text):
    return find(root, lambda n: n.getRoleName() == "label" and n.name == text)


def goto_lesson_1(main):
    stages = wait_for("the stage list", lambda: find(
        main, lambda n: n.getRoleName() == "list" and n.name == "Workshop stages"))
    for _ in range(12):
        rows = list(stages)
        current = next(i for i, r in enumerate(rows)
                       if r.getState().contains(pyatspi.STATE_SELECTED))
        if current == 2:
            return
        keys("alt+Left" if current > 2 else "alt+Right")
    fail("could not reach lesson 1")


def main():
    work = tempfile.mkdtemp()
    path = os.path.join(work, "riverside.commonground")
    shutil.copy(SAMPLE, path)
    env = dict(APP_ENV, GTK_A11Y="atspi", NO_AT_BRIDGE="0", GDK_BACKEND="x11",
               GSK_RENDERER="cairo")
    proc = subprocess.Popen([APP, path], env=env)
    try:
        root = wait_for("the app on the accessibility bus", lambda: app_root(proc))
        main_frame = wait_for("the main window", lambda: frame(root, "Riverside"))
        focus_x_window("Riverside")
        goto_lesson_1(main_frame)

        keys("F5")
        view = wait_for("the presentation window", lambda: frame(root, "Presentation"))
        wait_for("the first statement", lambda: label(view, FIRST), root=view)
        wait_for("its position", lambda: label(view, "Statement 1.1 · 1 of 4"), root=view)
        log("F5 shows the current statement")

        focus_x_window("Presentation")
        keys("Page_Down")
        wait_for("the second statement", lambda: label(view, "Statement 1.2 · 2 of 4"), root=view)
        if label(view, FIRST) is not None:
            fail("the first statement is still shown after Page Down", view)
        log("Page Down steps to the next statement")

        focus_x_window("Riverside")
        keys("alt+Right")
        wait_for("lesson 2 in the view",
                 lambda: label(view, "Lesson 2: Outcomes and Customer Focus"), root=view)
        log("the view follows the main window")

        focus_x_window("Presentation")
        keys("Escape")
        wait_for("the view to close", lambda: frame(root, "Presentation") is None)
        log("Esc leaves")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
