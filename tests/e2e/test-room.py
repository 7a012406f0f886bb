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
import sys
import tempfile
import urllib.error
import urllib.request

from cgtest import app_root, button, click, fail, find, focus_x_window, goto_stage, keys, \
    label, log, start_app, toplevel, wait_for

APP, SAMPLE = sys.argv[1], sys.argv[2]
LESSON_2 = 3  # row of the sidebar
ANN, FIRST_OF_LESSON_2 = "p45", "s6"  # from the sample file


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
    proc = start_app(APP, path)
    try:
        root = wait_for("the app on the accessibility bus", lambda: app_root(proc))
        main_frame = wait_for("the main window", lambda: toplevel(root, "Hillside"))
        focus_x_window("Hillside")
        goto_stage(main_frame, LESSON_2)

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
        view = wait_for("the presentation window", lambda: toplevel(root, "Presentation"))
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
