#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: the real Common Ground driven only through the accessibility
bus (AT-SPI) and real key presses (xdotool). Creates a session from the
standard template, adds four partners, answers every statement of lesson 1
by keyboard for every partner, sets RACI for three tasks, saves, quits,
starts again on the file and checks every answer in the accessibility tree.

Usage (inside Xvfb + dbus + at-spi bus, see run-e2e.sh):
    test-capture.py APP_EXECUTABLE
Exit 0 pass, 1 fail, 77 skipped (a prerequisite is not in this build).
Diagnostics: E2E_DEBUG=1 logs scrolling; E2E_SCREENSHOT=FILE.png saves the
screen when a check fails.
"""
import functools
import os
import sys
import tempfile
import time

import cgtest
from cgtest import fail, find, log, pyatspi, skip, wait_for, walk

MISSING = []  # prerequisites worked around; the run then ends as skipped
APP = sys.argv[1]
PARTNERS = ["Alex Smith", "Sam Jones", "Priya Patel", "Tom Brown"]
# The key typed for answer n (0 = don't know) and the words a screen reader hears.
RATING_KEYS = ["0", "1", "2", "3", "4", "5"]
RATING_WORDS = ["Don’t know", "Strongly disagree (1)", "Disagree (2)",
                "Neither agree nor disagree (3)", "Agree (4)", "Strongly agree (5)"]
RACI_KEYS = ["r", "a", "c", "i", "n"]
RACI_WORDS = ["Responsible", "Accountable", "Consulted", "Informed", "Not involved"]
keys = functools.partial(cgtest.keys, delay=40, settle=0.1)


def App(*args):
    return cgtest.App(APP, *args, CG_TEST_SAVE_PATH=SAVE_PATH)


def cells(page, marker):
    """The grid cells of a page: buttons named 'Partner - “item” - value'."""
    return [n for n in walk(page)
            if n.getRoleName() == "push button" and " - “" in n.name and "”" + marker in n.name]


def parse(name, marker):
    if " - “" not in name:
        fail(f"not a grid cell's name: '{name}'")
    who, rest = name.split(" - “", 1)
    item, value = rest.split("”" + marker, 1)
    return who, item, value


def add_partners(app):
    app.goto("Partners")
    entry = wait_for("the new-partner entry", lambda: app.named("text", "New partner name"))
    for name in PARTNERS:
        app.type_into(entry, name)
        keys("Return")
    for name in PARTNERS:
        wait_for("partner " + name, lambda: app.named("list item", "Partner " + name), 5)
    log("added", len(PARTNERS), "partners")


def answer_lesson(app):
    """Types an answer into every cell of lesson 1, row by row, with Enter."""
    app.goto("Purpose and Leadership")
    page = app.page("Purpose and Leadership")
    no_statements = "No statements yet. Add one below."
    wait_for("lesson 1 cells", lambda: cells(page, " - ")
             or find(page, lambda n: n.name == no_statements and n.getState().contains(pyatspi.STATE_VISIBLE)))
    grid = cells(page, " - ")
    if not grid:
        # Templates not in this build yet: add statements through the page so
        # the capture path is still exercised; the run ends as skipped.
        MISSING.append("the standard template gave lesson 1 no statements")
        for text in ["We have a shared purpose", "Leadership is accepted by all partners",
                     "Partnership is the right approach"]:
            app.type_into(app.named("text", "New statement", page), text)
            keys("Return")
        grid = wait_for("three statements", lambda: len(cells(page, " - ")) == 3 * len(PARTNERS)
                        and cells(page, " - "), 5)
    if len({parse(c.name, " - ")[0] for c in grid}) != len(PARTNERS):
        fail(f"lesson 1 grid has partners {sorted({parse(c.name, ' - ')[0] for c in grid})}")
    expected = {}
    app.focus_cell(grid[0])
    for index, cell in enumerate(grid):
        who, item, _ = parse(cell.name, " - ")
        answer = (index * 7 + 3) % 6
        expected[(who, item)] = RATING_WORDS[answer]
        keys(RATING_KEYS[answer], "Return")
    log(f"typed {len(grid)} ratings ({len(grid) // len(PARTNERS)} statements)")
    return expected


def set_roles(app):
    app.goto("Role Clarity")
    page = app.page("Role Clarity")
    grid = cells(page, " - own part: ")
    if len(grid) < 3 * len(PARTNERS):
        MISSING.append(f"the template gave {len(grid) // len(PARTNERS)} tasks")
        for n in range(len(grid) // len(PARTNERS), 3):
            app.type_into(app.named("text", "New task, e.g. “Chair the weekly meeting”", page), f"Task {n + 1}")
            keys("Return")
        grid = wait_for("three tasks", lambda: len(cells(page, " - own part: ")) >= 3 * len(PARTNERS)
                        and cells(page, " - own part: "), 5)
    expected = {}
    app.focus_cell(grid[0])
    for index, cell in enumerate(grid[:3 * len(PARTNERS)]):
        who, item, _ = parse(cell.name, " - own part: ")
        answer = (index * 3 + 1) % 5
        expected[(who, item)] = RACI_WORDS[answer]
        keys(RACI_KEYS[answer], "Return")
    log("typed RACI for 3 tasks")
    return expected


def check(app, title, marker, expected):
    page = app.page(title)
    seen = {}
    for cell in cells(page, marker):
        who, item, value = parse(cell.name, marker)
        seen[(who, item)] = value
    for key, value in expected.items():
        if seen.get(key) != value:
            fail(f"{title}: {key[0]} on “{key[1]}”: expected '{value}', read '{seen.get(key)}'")
    log(f"{title}: all {len(expected)} answers read back")


def save(app):
    keys("ctrl+s")
    end = time.time() + 15
    while time.time() < end:
        if os.path.exists(SAVE_PATH) and os.path.getsize(SAVE_PATH) > 0:
            time.sleep(0.5)
            return
        alert = find(app.root, lambda n: "not available in this build" in (n.name or ""))
        if alert is not None:
            skip("saving is not in this build yet: " + alert.name)
        time.sleep(0.2)
    fail("Ctrl+S did not write " + SAVE_PATH)


def main():
    app = App()
    add_partners(app)
    ratings = answer_lesson(app)
    check(app, "Purpose and Leadership", " - ", ratings)
    roles = set_roles(app)
    check(app, "Role Clarity", " - own part: ", roles)
    save(app)
    app.quit()

    again = App(SAVE_PATH)
    again.goto("Purpose and Leadership")
    check(again, "Purpose and Leadership", " - ", ratings)
    again.goto("Role Clarity")
    check(again, "Role Clarity", " - own part: ", roles)
    again.quit()
    if MISSING:
        skip("everything else passed, but " + "; ".join(MISSING))
    log("PASS")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        SAVE_PATH = os.path.join(folder, "e2e.commonground")
        main()
