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
import importlib.util
import os
import signal
import sys
import tempfile
import time

# The app runs with G_DEBUG=fatal-warnings, but this process must not: after
# the SIGKILL the accessibility registry warns about the dead app's objects.
# GLib reads G_DEBUG once, when pyatspi loads it.
_app_g_debug = os.environ.pop("G_DEBUG", None)
import pyatspi  # noqa: E402,F401
if _app_g_debug is not None:
    os.environ["G_DEBUG"] = _app_g_debug

# The helpers of the capture test: App, keys, find, wait_for, fail, log.
_spec = importlib.util.spec_from_file_location(
    "e2e_capture", os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-capture.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)
App, keys, find, wait_for, fail, log = e2e.App, e2e.keys, e2e.find, e2e.wait_for, e2e.fail, e2e.log

PARTNER = "Rowan Recovered"
PROMISED_SECONDS = 30


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
    return "\n".join(n.name for n in e2e.walk(node) if n.getRoleName() == "label" and n.name)


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
    e2e.subprocess.run(["xdotool", "windowfocus", "--sync", again.window], check=False)
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
    except e2e.subprocess.TimeoutExpired:
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
        e2e.SAVE_PATH = os.path.join(folder, "unused.commonground")
        main(home)
