#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: private entry on the real app (Riverside sample), through the
accessibility bus and real key presses. On lesson 1 the laptop is passed to
Helen Carter: a banner says the other stages are locked, Alt+Right and
Alt+Left do not move, the sidebar's other stages (Review too) are not
sensitive, and the presentation view (F5) shows no answers and its keys do
not leave the stage. Alt+B ("Back to all partners") asks first; Enter keeps
the entry private; "Show All Partners" ends it and Alt+Right works again.

Usage (inside Xvfb + dbus + at-spi bus, see run-e2e.sh):
    test-private.py APP_EXECUTABLE SAMPLE.commonground
Exit 0 pass, 1 fail.
"""
import functools
import os
import shutil
import sys
import tempfile

import cgtest
from cgtest import app_root, current_stage, fail, find, focus_x_window, goto_stage, \
    has_actions, label, log, pyatspi, stage_list, start_app, toplevel, wait_for

APP, SAMPLE = sys.argv[1], sys.argv[2]
PARTNER = "Helen Carter"
BANNER = (f"Private entry for {PARTNER}: other stages are locked until the facilitator "
          "returns to all partners")
NOTICE = "Answers are being entered privately. They appear here when everyone is back."
LESSON_1, REVIEW = 2, 9  # rows of the sidebar
keys = functools.partial(cgtest.keys, settle=0.4)
click = functools.partial(cgtest.click, settle=0.4)
frame = toplevel


def pass_laptop(root, main):
    # The menu button's own toggle button (the one with a click action).
    button = wait_for("'Pass the laptop to…'", lambda: find(
        main, lambda n: n.getRoleName() in ("push button", "toggle button")
        and n.name == "Pass the laptop to…" and has_actions(n)))
    click(button)
    item = wait_for(f"the menu item '{PARTNER}'", lambda: find(
        root, lambda n: n.name == PARTNER and "menu" in n.getRoleName()), root=root)
    click(item)


def question(root):
    return toplevel(root, "Show All Partners Again")


def check_locked(root, main):
    if current_stage(main) != LESSON_1:
        fail(f"the window left lesson 1 (row {current_stage(main)} is selected)", main)
    rows = list(stage_list(main))
    if rows[REVIEW].getState().contains(pyatspi.STATE_SENSITIVE):
        fail("the Review row is still sensitive in private entry", main)
    if not rows[LESSON_1].getState().contains(pyatspi.STATE_SENSITIVE):
        fail("the stage in private entry is not sensitive", main)
    if label(main, BANNER) is None:
        fail("no banner says the stages are locked", main)


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

        pass_laptop(root, main_frame)
        wait_for("the banner", lambda: label(main_frame, BANNER), root=main_frame)
        focus_x_window("Riverside")
        keys("alt+Right")
        keys("alt+Right")
        keys("alt+Left")
        check_locked(root, main_frame)
        log("Alt+Right and Alt+Left stay on the stage; the sidebar's others are off")

        keys("F5")
        view = wait_for("the presentation window", lambda: frame(root, "Presentation"))
        wait_for("the private notice", lambda: label(view, NOTICE), root=view)
        focus_x_window("Presentation")
        for _ in range(8):
            keys("Page_Down")
        for _ in range(10):
            keys("Page_Up")
        if label(view, "Lesson 1: Purpose and Leadership") is None or label(view, NOTICE) is None:
            fail("the presentation view left lesson 1 or shows answers", view)
        keys("Escape")
        wait_for("the view to close", lambda: frame(root, "Presentation") is None)
        check_locked(root, main_frame)
        log("the presentation view shows no answers and stays on the stage")

        focus_x_window("Riverside")
        keys("alt+b")
        wait_for("the question", lambda: question(root), root=root)
        keys("Return")
        wait_for("the question to close", lambda: question(root) is None, root=root)
        check_locked(root, main_frame)
        log("Back to all partners asks; Enter keeps the entry private")

        focus_x_window("Riverside")
        keys("alt+b")
        asked = wait_for("the question", lambda: question(root), root=root)
        click(wait_for("'Show All Partners'", lambda: find(
            # GTK 4.8 reads these buttons as "_Show All Partners Show All
            # Partners"; the dialog keeps a second row of them for narrow
            # screens, and either answers the same.
            asked, lambda n: n.getRoleName() == "push button"
            and n.name.endswith("Show All Partners") and has_actions(n)), root=asked))
        wait_for("the banner to go", lambda: label(main_frame, BANNER) is None, root=main_frame)
        focus_x_window("Riverside")
        keys("alt+Right")
        wait_for("lesson 2", lambda: current_stage(main_frame) == LESSON_1 + 1, root=main_frame)
        log("after Show All Partners, Alt+Right moves on again")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
