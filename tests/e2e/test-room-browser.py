#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end (issue 16): the real app and a real browser. On a copy of the
small-team sample (answers not hidden), the facilitator opens the room
through the Room header button (AT-SPI), the script reads the join address
from the popover, goes to lesson 2 (nobody has answered it) and presses F5.
A headless chromium opens the join address, taps "Ann Lee" and taps
"4 Agree" on the lesson's first statement; the presentation view then
says "1 of 3 has answered" and Ann's cell in the lesson's grid says
"Agree (4)", both read over AT-SPI.

Usage (inside Xvfb + dbus + at-spi bus, see run-e2e.sh):
    test-room-browser.py APP_EXECUTABLE SMALL-TEAM.commonground
Exit 0 pass, 1 fail, 77 when chromium, chromedriver or selenium is missing.
"""
import os
import shutil
import sys
import tempfile

from cgtest import app_root, button, click, fail, find, focus_x_window, goto_stage, keys, \
    label, log, skip, start_app, toplevel, wait_for

# The browser tests' own chromium (tests/browser/roomtest.py): one way to
# start it headless as root, and to find a button by its text.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "browser"))
try:
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from roomtest import browser, button_named, quit_browser
except ImportError:
    skip("python3-selenium not installed")

APP, SAMPLE = sys.argv[1], sys.argv[2]
LESSON_2 = 3  # row of the sidebar
LESSON_2_TITLE = "Outcomes and Customer Focus"
S6 = "We have agreed the outcomes we want for the people we serve."  # first of lesson 2


def page_wait(what, getter, driver, timeout=15.0):
    """wait_for on the page; a stale element or a page still loading is 'not yet'."""
    def safe():
        try:
            return getter()
        except WebDriverException:
            return None
    try:
        return wait_for(what, safe, timeout)
    except SystemExit:
        log("the page says:", driver.find_element(By.TAG_NAME, "body").text)
        raise


def option(driver, statement, name):
    """The option called name ('4 Agree') on the card of statement."""
    for card in driver.find_elements(By.CSS_SELECTOR, "li.card"):
        if statement in card.text:
            for choice in card.find_elements(By.TAG_NAME, "label"):
                if " ".join(choice.text.replace("✓", "").split()) == name:
                    return choice
    return None


def main():
    for tool in ("chromium", "chromedriver"):
        if shutil.which(tool) is None:
            skip(f"{tool} not installed")
    work = tempfile.mkdtemp()
    path = os.path.join(work, "small-team.commonground")
    shutil.copy(SAMPLE, path)
    proc = start_app(APP, path)
    driver = None
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
        if "/r/" not in url:
            fail(f"'{url}' is not a join address")
        log("the Room button opens the room:", url)

        focus_x_window("Hillside")
        keys("Escape")
        goto_stage(main_frame, LESSON_2)
        keys("F5")
        view = wait_for("the presentation window", lambda: toplevel(root, "Presentation"))
        wait_for("the lesson on the projector",
                 lambda: label(view, f"Lesson 2: {LESSON_2_TITLE}"), root=view)
        if label(view, "1 of 3 has answered") is not None:
            fail("the projector counts an answer before anyone answered", view)
        log("F5 shows lesson 2, nobody has answered")

        driver = browser()
        driver.get(url)
        page_wait("Ann Lee on the join page", lambda: button_named(driver, "Ann Lee"), driver).click()
        page_wait("the phone to be Ann's", lambda: "You are Ann Lee" in
                  driver.find_element(By.TAG_NAME, "header").text, driver)
        page_wait("lesson 2 on the phone", lambda: driver.find_element(
            By.TAG_NAME, "h1").text == LESSON_2_TITLE, driver)
        log("Ann Lee's phone shows the facilitator's stage")

        choice = page_wait("'4 Agree' on the first statement", lambda: option(driver, S6, "4 Agree"),
                           driver)
        driver.execute_script('arguments[0].scrollIntoView({block: "center"})', choice)
        choice.click()
        page_wait("the answer to be saved", lambda: choice.find_element(
            By.TAG_NAME, "input").is_selected(), driver)
        log("Ann answers from the browser")

        wait_for("'1 of 3 has answered' on the projector",
                 lambda: label(view, "1 of 3 has answered"), root=view)
        log("the projector counts her answer")
        cell = wait_for("her answer in the grid", lambda: find(
            main_frame, lambda n: n.getRoleName() == "push button" and n.name.startswith("Ann Lee")
            and n.name.endswith(f"“{S6}” - Agree (4)")), root=main_frame)
        log("the grid shows it:", cell.name)
    finally:
        if driver is not None:
            quit_browser(driver)
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
