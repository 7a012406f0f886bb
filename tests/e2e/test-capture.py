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
import os
import subprocess
import sys
import tempfile
import time

# The app runs with G_DEBUG=fatal-warnings, but this client must not: the
# accessibility registry warns here about applications that already left the
# bus (an earlier test's), which is no fault of the app under test. GLib
# reads G_DEBUG once, when pyatspi loads it; the app gets it back.
_app_g_debug = os.environ.pop("G_DEBUG", None)
import pyatspi  # noqa: E402
if _app_g_debug is not None:
    os.environ["G_DEBUG"] = _app_g_debug

SKIP = 77
CURRENT_PAGE = None  # dumped on failure, to see what the test saw
MISSING = []  # prerequisites worked around; the run then ends as skipped
APP = sys.argv[1]
PARTNERS = ["Alex Smith", "Sam Jones", "Priya Patel", "Tom Brown"]
# The key typed for answer n (0 = don't know) and the words a screen reader hears.
RATING_KEYS = ["0", "1", "2", "3", "4", "5"]
RATING_WORDS = ["Don’t know", "Strongly disagree (1)", "Disagree (2)",
                "Neither agree nor disagree (3)", "Agree (4)", "Strongly agree (5)"]
RACI_KEYS = ["r", "a", "c", "i", "n"]
RACI_WORDS = ["Responsible", "Accountable", "Consulted", "Informed", "Not involved"]


def log(*args):
    print("e2e:", *args, flush=True)


def fail(message):
    log("FAIL:", message)
    if os.environ.get("E2E_SCREENSHOT"):
        subprocess.run(["import", "-window", "root", os.environ["E2E_SCREENSHOT"]], check=False)
    if CURRENT_PAGE is not None:
        try:
            for node in walk(CURRENT_PAGE):
                log("  tree:", node.getRoleName(), repr(node.name))
        except Exception:
            pass
    sys.exit(1)


def skip(message):
    log("SKIP:", message)
    sys.exit(SKIP)


def walk(node, depth=0):
    """Every descendant of node, in tree order (children of hidden pages too)."""
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


def wait_for(what, getter, timeout=20.0):
    end = time.time() + timeout
    while time.time() < end:
        value = getter()
        if value:
            return value
        time.sleep(0.2)
    fail("timed out waiting for " + what)


class App:
    def __init__(self, *args):
        env = dict(os.environ, GTK_A11Y="atspi", NO_AT_BRIDGE="0", GDK_BACKEND="x11",
                   GSK_RENDERER="cairo", CG_TEST_SAVE_PATH=SAVE_PATH)
        self.proc = subprocess.Popen([APP, *args], env=env)
        self.root = wait_for("the application on the accessibility bus", self._find_app)
        self.frame = wait_for("the main window", lambda: find(
            self.root, lambda n: n.getRoleName() == "frame"))
        # No window manager: give the window the X keyboard focus ourselves.
        wid = wait_for("the X window", lambda: subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "Common Ground"],
            capture_output=True, text=True).stdout.split())
        self.window = wid[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", self.window], check=False)
        time.sleep(0.3)

    def _find_app(self):
        if self.proc.poll() is not None:
            fail(f"the application exited with status {self.proc.returncode}")
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == "common-ground":
                return app
        return None

    def named(self, role, name, under=None):
        return find(under or self.frame, lambda n: n.getRoleName() == role and n.name == name)

    def click(self, node):
        action = node.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ("click", "press", "activate"):
                action.doAction(i)
                time.sleep(0.2)
                return
        fail(f"no click action on {node.getRoleName()} '{node.name}'")

    def goto(self, stage_prefix):
        """Opens a stage with Alt+Right / Alt+Left, as the facilitator would,
        reading the sidebar ('Workshop stages') to know where we are."""
        stages = self.named("list", "Workshop stages")
        if stages is None:
            fail("no sidebar called 'Workshop stages'")
        names = [row.name for row in stages]
        target = next((i for i, n in enumerate(names) if n.startswith(stage_prefix)), None)
        if target is None:
            fail(f"no stage '{stage_prefix}' in the sidebar: {names}")
        for _ in range(len(names)):
            current = next((i for i, row in enumerate(stages)
                            if row.getState().contains(pyatspi.STATE_SELECTED)), None)
            if current is None:
                fail("no stage is selected in the sidebar")
            if current == target:
                time.sleep(0.3)
                return
            keys("alt+Right" if current < target else "alt+Left")
            time.sleep(0.2)
        fail(f"could not reach stage '{stage_prefix}'")

    def scroll_into_view(self, node):
        """Turns the mouse wheel over node's scroll pane until node is inside it."""
        pane = node.parent
        while pane is not None and pane.getRoleName() != "scroll pane":
            pane = pane.parent
        if pane is None:
            return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        px, py, pw, ph = pane.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        for _ in range(60):
            x, y, w, h = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            if os.environ.get("E2E_DEBUG"):
                log("extents", (x, y, w, h), "pane", (px, py, pw, ph))
            if y >= py and y + h <= py + ph:
                return x, y, w, h
            # Over the page margin: inner scrollers (comment boxes) would take the wheel.
            subprocess.run(["xdotool", "mousemove", "--window", self.window, str(px + 10),
                            str(py + ph // 2), "click", "5" if y + h > py + ph else "4"], check=True)
            time.sleep(0.05)
        fail(f"could not scroll '{node.name}' into view")

    def type_into(self, node, text):
        """Clicks a text field with the mouse and types into it."""
        x, y, w, h = self.scroll_into_view(node)
        subprocess.run(["xdotool", "mousemove", "--window", self.window, str(x + w // 2),
                        str(y + h // 2), "click", "1"], check=True)
        time.sleep(0.2)
        if not node.getState().contains(pyatspi.STATE_FOCUSED):
            fail(f"clicking '{node.name}' did not focus it")
        subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)

    def page(self, title):
        global CURRENT_PAGE
        CURRENT_PAGE = wait_for(f"page '{title}'", lambda: find(
            self.frame, lambda n: n.getRoleName() == "panel" and n.name == title))
        return CURRENT_PAGE

    def focus_cell(self, cell):
        """Clicks a grid cell (its AT-SPI action) and waits until it has the focus."""
        self.click(cell)
        wait_for(f"focus on '{cell.name}'", lambda: cell.getState().contains(pyatspi.STATE_FOCUSED), 5)

    def quit(self):
        keys("ctrl+q")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def keys(*names):
    subprocess.run(["xdotool", "key", "--delay", "40", *names], check=True)
    time.sleep(0.1)


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
