#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""common-ground --export-charter and --export-report, without a display.

Usage: test-export.py COMMON_GROUND DATA_DIR
Loads tests/data/charter/*.commonground and a stress session this script
writes (30 partners, 40 aims, 30 tasks, 2,000-character texts), and checks
the PDFs with poppler. Exits 77 (skipped) when poppler-utils is missing.
"""
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "charter_pdf", os.path.join(HERE, "..", "render", "test-charter-pdf.py"))
pdf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pdf)

WORDS = "partnership shared outcomes for families with joined-up support across health".split()


def long_text(tag, n):
    s = tag
    i = 0
    while len(s) < n:
        s += " " + WORDS[i % len(WORDS)]
        i += 1
    return s[:n]


def stress_session(path):
    """The same shape as tests/render's stress fixture, as a file."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<session xmlns="https://commonground.github.io/ns/session" format-version="1.0" '
           'next-id="1000">',
           f"<details><title>{escape(long_text('TitleStart', 300))}</title>"
           f"<date>2026-01-31</date><context>{escape(long_text('ContextStart', 2000))}</context>"
           "</details>", "<partners>"]
    for i in range(30):
        name = long_text(f"Partner{i:02d}", 2000) if i % 10 == 3 else f"Partner{i:02d} Surname"
        org = long_text("Organisation", 600) if i % 7 == 0 else "An organisation"
        out.append(f'<partner id="p{i + 1}"><name>{escape(name)}</name>'
                   f"<organisation>{escape(org)}</organisation><role>Role</role></partner>")
    out.append("</partners><lessons>")
    out += [f'<lesson number="{n}"/>' for n in range(1, 6)]
    out.append("</lessons><aims>")
    for i in range(40):
        text = long_text(f"Aim{i:02d}", 2000) if i % 8 == 0 else f"Aim{i:02d} short aim"
        out.append(f'<aim id="a{100 + i}" agreed="true">{escape(text)}</aim>')
    out.append("</aims><tasks>")
    for i in range(30):
        text = long_text(f"Task{i:02d}", 2000) if i % 6 == 0 else f"Task{i:02d} short task"
        out.append(f'<task id="t{200 + i}">{escape(text)}</task>')
    out.append("</tasks><answers>")
    for i in range(40):
        out.append(f'<rating partner="p1" item="a{100 + i}" value="{1 + i % 5}"/>')
    roles = {}
    for i in range(30):
        roles[(i + 1, 200 + i)] = "A"
        roles[((i + 1) % 30 + 1, 200 + i)] = "R"
    for (p, t), inv in sorted(roles.items()):
        out.append(f'<role partner="p{p}" task="t{t}" involvement="{inv}"/>')
    out.append("</answers>")
    out.append(f"<charter><ground-rules>{escape(long_text('RulesStart', 2000))}</ground-rules>"
               "</charter></session>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def run(cmd):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(cmd, capture_output=True, text=True, env=env)


def main():
    if not (shutil.which("pdftotext") and shutil.which("pdfinfo")):
        return 77
    exe, data = sys.argv[1], sys.argv[2]
    sample = os.path.join(data, "riverside.commonground")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "charter.pdf")
        r = run([exe, "--export-charter", out, sample])
        pdf.check(r.returncode == 0, f"export-charter failed: {r.stderr}")
        pdf.check(pdf.page_size(out) == (595.0, 842.0), "charter: not A4 by default")
        pdf.check_sample(out)
        pdf.check_fonts(out, "charter")

        r = run([exe, "--export-charter", out, sample, "--paper=letter"])
        pdf.check(r.returncode == 0 and pdf.page_size(out) == (612.0, 792.0),
                  f"--paper=letter: {r.returncode} {r.stderr}")

        report = os.path.join(tmp, "report.pdf")
        r = run([exe, "--export-report", report, sample])
        pdf.check(r.returncode == 0, f"export-report failed: {r.stderr}")
        pdf.check_report(report)
        pdf.check_report_charts(report, 595.0, 842.0)

        stress = os.path.join(tmp, "stress.commonground")
        stress_session(stress)
        for paper, size in [("a4", (595.0, 842.0)), ("letter", (612.0, 792.0))]:
            r = run([exe, "--export-charter", out, stress, f"--paper={paper}"])
            pdf.check(r.returncode == 0, f"stress {paper}: {r.stderr}")
            pages = pdf.words_by_page(out)
            pdf.check(len(pages) > 10, f"stress {paper}: {len(pages)} pages")
            pdf.check_inside(pages, size[0], size[1], f"cli stress {paper}")
            pdf.check_signatures(pages, f"cli stress {paper}")
            pdf.check_table_headers(pages, f"cli stress {paper}")

        broken = os.path.join(data, "broken.commonground")
        missing = os.path.join(tmp, "nothing.pdf")
        r = run([exe, "--export-charter", missing, broken])
        pdf.check(r.returncode == 1, f"broken file: exit {r.returncode}")
        pdf.check(re.match(r"(.*/)?" + re.escape(os.path.basename(broken)) + r":\d+:\d+: \S", r.stderr),
                  f"broken file: message {r.stderr!r}")
        pdf.check(not os.path.exists(missing), "broken file: a PDF was written")

        r = run([exe, "--export-report", os.path.join(tmp, "no", "dir.pdf"), sample])
        pdf.check(r.returncode == 1 and r.stderr.strip(), f"unwritable: {r.returncode}")
        r = run([exe, "--export-charter", out, sample, "--paper=a5"])
        pdf.check(r.returncode == 2 and "a5" in r.stderr, f"--paper=a5: {r.returncode}")
        r = run([exe, "--export-charter", out])
        pdf.check(r.returncode == 2 and "Usage" in r.stderr, f"no file: {r.returncode}")
    print(f"{len(pdf.failures)} failure(s)")
    return 1 if pdf.failures else 0


if __name__ == "__main__":
    sys.exit(main())
