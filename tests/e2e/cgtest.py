# SPDX-License-Identifier: GPL-3.0-or-later
"""What every e2e script needs to drive the real app through the
accessibility bus (AT-SPI) and real key presses (xdotool): finding nodes,
waiting for them, pressing keys, starting the app and finding it on the bus.
Imported by the test-*.py scripts beside it (run-e2e.sh runs them)."""
import os
import subprocess
import sys
import time

# The app runs with G_DEBUG=fatal-warnings, but this client must not: the
# accessibility registry warns here about applications that already left the
# bus (an earlier test's, or one killed on purpose), which is no fault of the
# app under test. GLib reads G_DEBUG once, when pyatspi loads it; the app
# gets it back.
_app_g_debug = os.environ.pop("G_DEBUG", None)
import pyatspi  # noqa: E402
if _app_g_debug is not None:
    os.environ["G_DEBUG"] = _app_g_debug

SKIP = 77
# Dumped when a check fails and names no node of its own: what the test saw.
current_page = None


def log(*args):
    print("e2e:", *args, flush=True)


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


def fail(message, root=None):
    """Ends the test as failed, after the tree under root (or current_page)
    and, with E2E_SCREENSHOT=FILE.png, a screenshot."""
    log("FAIL:", message)
    if os.environ.get("E2E_SCREENSHOT"):
        subprocess.run(["import", "-window", "root", os.environ["E2E_SCREENSHOT"]], check=False)
    try:
        for node in walk(root if root is not None else current_page):
            if node is not None:
                log("  tree:", node.getRoleName(), repr(node.name))
    except Exception:
        pass
    sys.exit(1)


def skip(message):
    log("SKIP:", message)
    sys.exit(SKIP)


def wait_for(what, getter, timeout=20.0, root=None):
    end = time.time() + timeout
    while time.time() < end:
        value = getter()
        if value:
            return value
        time.sleep(0.2)
    fail("timed out waiting for " + what, root)


def keys(*names, delay=60, settle=0.3):
    """Presses keys (xdotool names, "alt+Right"), then lets the app settle."""
    subprocess.run(["xdotool", "key", "--delay", str(delay), *names], check=True)
    time.sleep(settle)


def has_actions(node):
    try:
        return node.queryAction().nActions > 0
    except Exception:
        return False


def button(root, name):
    """The push or toggle button called name under root that can be pressed, or None."""
    return find(root, lambda n: n.getRoleName() in ("push button", "toggle button")
                and n.name == name and has_actions(n))


def click(node, settle=0.2):
    """Clicks node through its AT-SPI action, as a screen reader would."""
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate"):
            action.doAction(i)
            time.sleep(settle)
            return
    fail(f"no click action on {node.getRoleName()} '{node.name}'")


def start_app(app, *args, **env):
    """Starts the app with the accessibility bridge on, on X11, with env added."""
    full_env = dict(os.environ, GTK_A11Y="atspi", NO_AT_BRIDGE="0", GDK_BACKEND="x11",
                    GSK_RENDERER="cairo", **env)
    return subprocess.Popen([app, *args], env=full_env)


def app_root(proc):
    """The app on the accessibility bus, or None while it is not there yet."""
    if proc.poll() is not None:
        fail(f"the application exited with status {proc.returncode}")
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "common-ground":
            return app
    return None


def focus_x_window(name):
    """No window manager: gives the window the X keyboard focus ourselves.
    Returns its X id."""
    wid = wait_for(f"X window '{name}'", lambda: subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name],
        capture_output=True, text=True).stdout.split())
    subprocess.run(["xdotool", "windowfocus", "--sync", wid[-1]], check=False)
    time.sleep(0.3)
    return wid[-1]


def frame(root, prefix):
    return find(root, lambda n: n.getRoleName() == "frame" and n.name.startswith(prefix))


def toplevel(root, prefix):
    """A window of the app whose name starts with prefix (windows are the
    app's children: no walk through every window's widgets)."""
    try:
        return next((w for w in root if w is not None and w.name.startswith(prefix)), None)
    except Exception:
        return None


def label(root, text):
    return find(root, lambda n: n.getRoleName() == "label" and n.name == text)


def stage_list(main):
    return wait_for("the stage list", lambda: find(
        main, lambda n: n.getRoleName() == "list" and n.name == "Workshop stages"))


def selected_row(rows):
    return next((i for i, r in enumerate(rows) if r.getState().contains(pyatspi.STATE_SELECTED)), None)


def current_stage(main):
    """The sidebar row selected, or None."""
    return selected_row(stage_list(main))


def goto_stage(main, row):
    """Walks to the sidebar's row with Alt+Right / Alt+Left, as the facilitator would."""
    for _ in range(len(list(stage_list(main)))):
        current = current_stage(main)
        if current is None:
            fail("no stage is selected in the sidebar", main)
        if current == row:
            return
        keys("alt+Left" if current > row else "alt+Right")
    fail(f"could not reach the stage in row {row}", main)


class App:
    """The app started on args, its main window focused: what the capture and
    recovery scripts drive by name, with the mouse and with keys."""

    def __init__(self, app, *args, **env):
        self.proc = start_app(app, *args, **env)
        self.root = wait_for("the application on the accessibility bus", lambda: app_root(self.proc))
        self.frame = wait_for("the main window", lambda: find(
            self.root, lambda n: n.getRoleName() == "frame"))
        self.window = focus_x_window("Common Ground")

    def named(self, role, name, under=None):
        return find(under or self.frame, lambda n: n.getRoleName() == role and n.name == name)

    def click(self, node):
        click(node)

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
            current = selected_row(stages)
            if current is None:
                fail("no stage is selected in the sidebar")
            if current == target:
                time.sleep(0.3)
                return
            keys("alt+Right" if current < target else "alt+Left", delay=40, settle=0.3)
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
        global current_page
        current_page = wait_for(f"page '{title}'", lambda: find(
            self.frame, lambda n: n.getRoleName() == "panel" and n.name == title))
        return current_page

    def focus_cell(self, cell):
        """Clicks a grid cell (its AT-SPI action) and waits until it has the focus."""
        self.click(cell)
        wait_for(f"focus on '{cell.name}'", lambda: cell.getState().contains(pyatspi.STATE_FOCUSED), 5)

    def quit(self):
        keys("ctrl+q", delay=40, settle=0.1)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.terminate()
            self.proc.wait(timeout=10)
