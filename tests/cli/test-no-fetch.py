#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""RELIABILITY checklist 6: a file with a DOCTYPE, an external entity, a
parameter entity or a remote DTD is refused with no file opened and no
connection made. Runs `common-ground --check` on each under strace and
reads the trace: the refusal must name the file and line, the secret file
must never be opened, and no network socket may be made.

Usage: test-no-fetch.py COMMON_GROUND BAD_DIR. Exits 77 (skipped) when
strace is missing or cannot trace here (a container without ptrace).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

CASES = {
    # file: what the entity or DTD points at, which must never be touched
    "xxe.commonground": "/etc/passwd",
    "parameter-entity.commonground": "example.invalid",
    "remote-dtd.commonground": "example.invalid",
}


def main():
    exe, bad = sys.argv[1], sys.argv[2]
    strace = shutil.which("strace")
    if strace is None or subprocess.run([strace, "-o", os.devnull, "true"]).returncode != 0:
        print("strace missing or not allowed to trace here: skipped")
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, target in CASES.items():
            path = os.path.join(bad, name)
            log = os.path.join(tmp, name + ".trace")
            r = subprocess.run([strace, "-f", "-qq", "-o", log,
                                "-e", "trace=open,openat,connect,socket",
                                exe, "--check", path],
                               capture_output=True, text=True, timeout=60)
            trace = open(log, encoding="utf-8", errors="replace").read()
            out = r.stdout + r.stderr
            if r.returncode != 1:
                failures.append(f"{name}: exit {r.returncode}, expected 1")
            if not re.search(re.escape(name) + r":\d+: ", out):
                failures.append(f"{name}: refusal does not name the file and line: {out!r}")
            if "document type definition" not in out:
                failures.append(f"{name}: refusal does not say why: {out!r}")
            if target in trace:
                failures.append(f"{name}: the trace touches {target}")
            for line in trace.splitlines():
                if re.search(r"\b(socket|connect)\(.*AF_INET", line):
                    failures.append(f"{name}: network socket: {line}")
            if path not in trace:
                failures.append(f"{name}: the trace never shows the file opened, so it "
                                "proves nothing")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
