#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end crash recovery: the real Common Ground, driven over AT-SPI and
real key presses. Adds a partner, waits for the autosave draft (with the
default delay: it must come within the 30 s we promise), kills the app with
SIGKILL, starts it again with the same XDG_DATA_HOME, answers Restore and
reads the partner back; then quits cleanly, discarding, and checks that no
draft is left.

Usage (inside Xvfb + dbus + at-spi bus, see run-e2e.sh):
    test-recovery.py APP_EXECUTABLE
Exit 0 pass, 1 fail, 77 skipped.
"""
import glob
import os
import signal
import subprocess
import sys
import tempfile
import time

import cgtest
from cgtest import fail, find, keys, log, wait_for

APP = sys.argv[1]
PARTNER = "Rowan Recovered"
PROMISED_SECONDS = 30


def App():
    return cgtest.App(APP, CG_TEST_SAVE_PATH=SAVE_PATH)


def drafts(home):
    return sorted(glob.glob(os.path.join(home, "common-ground", "recovery", "*")))


def wait_for_draft(home, started):
    while time.time() - started < PROMISED_SECONDS + 2:
        states = [p for p in drafts(home) if p.endswith(".draft")]
        if states:
            draft = states[0][:-len(".draft")] + ".commonground"
            with open(draft, encoding="utf-8") as f:
                if PARTNER in f.read():
                    return time.time() - started
        time.sleep(0.25)
    fail(f"no draft holding '{PARTNER}' within {PROMISED_SECONDS} s: {drafts(home)}")


def add_partner(app):
    app.goto("Partners")
    entry = wait_for("the new-partner entry", lambda: app.named("text", "New partner name"))
    app.type_into(entry, PARTNER)
    keys("Return")
    wait_for("partner " + PARTNER, lambda: app.named("list item", "Partner " + PARTNER), 5)


def dialog_named(app, heading):
    return find(app.root, lambda n: n.getRoleName() == "dialog" and n.name == heading)


def press(app, dialog, label):
    button = wait_for(f"button '{label}'", lambda: find(
        dialog, lambda n: n.getRoleName() == "push button" and n.name.endswith(label)), 5)
    app.click(button)


def text_under(node):
    return "\n".join(n.name for n in cgtest.walk(node) if n.getRoleName() == "label" and n.name)


def main(home):
    app = App()
    add_partner(app)
    edited = time.time()
    after = wait_for_draft(home, edited)
    log(f"draft written {after:.1f} s after the edit")
    app.proc.send_signal(signal.SIGKILL)
    app.proc.wait(timeout=10)
    log("killed with SIGKILL; drafts left:", [os.path.basename(p) for p in drafts(home)])

    again = App()
    dialog = wait_for("the restore question", lambda: dialog_named(again, "Restore Unsaved Session?"))
    text = text_under(dialog)
    if "“Untitled session”, saved " not in text:
        fail("the restore question does not say what and when: " + repr(text))
    log("asked:", text.replace("\n", " | "))
    press(again, dialog, "Restore")

    wait_for("the restored session (unsaved)", lambda: again.frame.name.startswith("• "), 10)
    subprocess.run(["xdotool", "windowfocus", "--sync", again.window], check=False)
    time.sleep(0.3)
    again.goto("Partners")
    wait_for("restored partner " + PARTNER,
             lambda: again.named("list item", "Partner " + PARTNER), 10)
    log("restored partner read back over AT-SPI")
    if not drafts(home):
        fail("the restored session has no draft any more")

    # A clean close, discarding the changes: nothing is left to recover.
    keys("ctrl+q")
    question = wait_for("the unsaved-changes question", lambda: find(
        again.root, lambda n: n.getRoleName() == "dialog" and n.name.startswith("Save changes")))
    press(again, question, "Discard")
    try:
        again.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        fail("the app did not quit after Discard")
    if drafts(home):
        fail("a clean close left drafts: " + repr(drafts(home)))
    log("PASS")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        home = os.path.join(folder, "data-home")
        os.makedirs(home)
        os.environ["XDG_DATA_HOME"] = home
        os.environ.pop("CG_AUTOSAVE_DELAY", None)
        SAVE_PATH = os.path.join(folder, "unused.commonground")
        main(home)
