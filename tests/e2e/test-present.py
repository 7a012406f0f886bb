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
import sys
import tempfile

from cgtest import app_root, fail, focus_x_window, frame, goto_stage, keys, label, log, \
    start_app, wait_for

APP, SAMPLE = sys.argv[1], sys.argv[2]
FIRST = ("We share a clear purpose for our work with the Kerr family that every "
         "partner can state in one sentence.")
LESSON_1 = 2  # its row in the sidebar


def main():
    work = tempfile.mkdtemp()
    path = os.path.join(work, "riverside.commonground")
    shutil.copy(SAMPLE, path)
    proc = start_app(APP, path)
    try:
        root = wait_for("the app on the accessibility bus", lambda: app_root(proc))
        main_frame = wait_for("the main window", lambda: frame(root, "Riverside"))
        focus_x_window("Riverside")
        goto_stage(main_frame, LESSON_1)

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
