#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The charter PDF as a reader sees it, through poppler.

Usage: test-charter-pdf.py EXPORTER
EXPORTER writes a PDF: EXPORTER charter sample|stress OUT.pdf [a4|letter]
(tests/render/export-charter-fixture, sessions built in code).
Exits 77 (skipped) when poppler-utils is missing.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

LEFT, RIGHT, TOP, BOTTOM = 62.0, 62.0, 72.0, 72.0  # cg_page_margins_init_default
SLACK = 0.5  # poppler rounds glyph boxes
BIDI = r"[\s\u200e\u200f\u202a-\u202e]"

failures = []


def check(cond, message):
    if not cond:
        failures.append(message)
        print("FAIL:", message)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def export(exporter, kind, fixture, paper, tmp):
    out = os.path.join(tmp, f"{kind}-{fixture}-{paper}.pdf")
    subprocess.run([exporter, kind, fixture, out, paper], check=True)
    return out


def page_size(pdf):
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", run("pdfinfo", pdf))
    return float(m.group(1)), float(m.group(2))


def squash(text):
    return re.sub(BIDI, "", text)


def check_sample(pdf):
    text = run("pdftotext", "-layout", pdf, "-")
    flat = squash(text)
    for name in ["Sam Okafor", "Priya Natarajan", "أميرة حداد", "David Cohen",
                 "Riverside Social Services", "דיור ריברסייד"]:
        check(squash(name) in flat, f"partner text {name!r} missing")
    aims = ["The family has a safe, warm home", "One plan, told once, shared by all",
            "Children attend school every day"]
    positions = [text.find(a) for a in aims]
    check(all(p >= 0 for p in positions), f"agreed aims missing: {positions}")
    check(positions == sorted(positions), "agreed aims not in order of importance")
    check("The parent's illness is managed at home" not in text, "an aim not agreed is printed")
    lines = text.splitlines()
    for task, lead in [("Lead the family's needs assessment", "Sam Okafor"),
                       ("Chair the weekly team meeting", "David Cohen"),
                       ("Keep the family informed", "Not agreed yet"),
                       ("Manage the pooled budget", "Not agreed yet")]:
        row = [l for l in lines if l.strip().startswith(task)]
        check(row and lead in row[0], f"task {task!r}: Accountable {lead!r} not on its row")
    for item in ["“Leadership of this partnership is accepted by all”",
                 "Manage the pooled budget: nobody has taken the lead (Accountable).",
                 "each claim the lead (Accountable)."]:
        check(item in re.sub(r"\s+", " ", text), f"still to resolve: {item!r} missing")
    check("Still to resolve" in text and "Signatures" in text, "section headings missing")


def row_of(lines, start):
    rows = [l for l in lines if l.strip().startswith(start)]
    return rows[0] if rows else ""


def check_report(pdf):
    text = run("pdftotext", "-layout", pdf, "-")
    lines = text.splitlines()
    # Ratings 5, 1, 5, 2: mean 3.25, median 3.50, sample SD sqrt(12.75 / 3) = 2.06,
    # Tastle-Wierman consensus 1 + .25 log2(.4375) + .25 log2(.6875) + .5 log2(.5625) = 0.15.
    row = row_of(lines, "Leadership of this partnership")
    for cell in ["4", "3.25", "3.50", "2.06", "0.15", "Divergent"]:
        check(re.search(r"\s" + re.escape(cell) + r"(\s|;|$)", row),
              f"report: statement row lacks {cell!r}: {row!r}")
    # Aim rated 5, 5, 5, 5: consensus 1, agreed.
    row = row_of(lines, "The family has a safe")
    for cell in ["5.00", "0.00", "1.00", "Agreed"]:
        check(cell in row, f"report: aim row lacks {cell!r}: {row!r}")
    row = row_of(lines, "Manage the pooled budget")
    check("Gap" in row and "Sam Okafor" in row, f"report: task row wrong: {row!r}")
    row = row_of(lines, "Keep the family informed")
    check("Overlap" in row, f"report: overlap not flagged: {row!r}")
    flat = re.sub(r"\s+", " ", text)
    check("Sam Okafor Nobody has said who leads when the school and housing disagree." in flat,
          "report: comment with its partner missing")
    check(squash("نحتاج إلى قائد واحد متفق عليه") in squash(text), "report: Arabic comment missing")
    for heading in ["Summary", "Talk about these first", "Statistics per item", "Role clarity",
                    "Comments"]:
        check(heading in text, f"report: heading {heading!r} missing")


def words_by_page(pdf):
    html = run("pdftotext", "-bbox", pdf, "-")
    html = re.sub(r"<!DOCTYPE[^>]*>", "", html)
    root = ET.fromstring(html)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        words = [(w.text or "", float(w.get("xMin")), float(w.get("yMin")),
                  float(w.get("xMax")), float(w.get("yMax")))
                 for w in page.findall("h:word", ns)]
        pages.append(words)
    return pages


def check_inside(pages, width, height, label):
    n = len(pages)
    for i, words in enumerate(pages):
        footer = [w for w in words if w[2] >= height - BOTTOM]
        header = [w for w in words if w[4] <= TOP]
        body = [w for w in words if w not in footer and w not in header]
        for t, x0, y0, x1, y1 in words:
            check(x0 >= LEFT - SLACK and x1 <= width - RIGHT + SLACK and y0 >= 0 and y1 <= height,
                  f"{label} page {i + 1}: {t[:20]!r} at {x0:.1f},{y0:.1f}-{x1:.1f},{y1:.1f} outside")
        for t, x0, y0, x1, y1 in body:
            check(y0 >= TOP - SLACK and y1 <= height - BOTTOM + SLACK,
                  f"{label} page {i + 1}: {t[:20]!r} at y {y0:.1f}-{y1:.1f} outside the margins")
        check(" ".join(w[0] for w in footer) == f"Page {i + 1} of {n}",
              f"{label} page {i + 1}: footer reads {[w[0] for w in footer]}")
        if i > 0:
            check(header and header[0][0] == "TitleStart",
                  f"{label} page {i + 1}: no running header")


def find_last(pages, word):
    found = None
    for i, words in enumerate(pages):
        for w in words:
            if w[0] == word:
                found = (i, w)
    return found


def check_signatures(pages, label):
    for p in range(30):
        where = find_last(pages, f"Partner{p:02d}")
        check(where is not None, f"{label}: Partner{p:02d} missing")
        if where is None:
            continue
        page, (_, x0, y0, _, _) = where
        below = [w for w in pages[page] if w[2] > y0 and abs(w[1] - x0) < 1.0]
        labels = [w[0] for w in below]
        check("Signature" in labels and "Date" in labels,
              f"{label}: Partner{p:02d}'s signature lines are not on page {page + 1} with the name")


def check_table_headers(pages, label):
    continued = 0
    for i, words in enumerate(pages):
        tasks = [w for w in words if re.fullmatch(r"Task\d\d", w[0])]
        if not tasks:
            continue
        heads = [w for w in words if w[0] == "Accountable" and w[1] > LEFT + 50]
        check(heads and heads[0][4] <= min(t[2] for t in tasks),
              f"{label} page {i + 1}: tasks without the table header above them")
        continued += 1
    check(continued >= 3, f"{label}: the roles table should span several pages, spans {continued}")


def main():
    if not (shutil.which("pdftotext") and shutil.which("pdfinfo")):
        print("poppler-utils missing")
        return 77
    exporter = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        for paper, size in [("a4", (595.0, 842.0)), ("letter", (612.0, 792.0))]:
            sample = export(exporter, "charter", "sample", paper, tmp)
            check(page_size(sample) == size, f"sample {paper}: page size {page_size(sample)}")
            check_sample(sample)
            stress = export(exporter, "charter", "stress", paper, tmp)
            check(page_size(stress) == size, f"stress {paper}: page size {page_size(stress)}")
            pages = words_by_page(stress)
            check(len(pages) > 10, f"stress {paper}: only {len(pages)} pages")
            check_inside(pages, size[0], size[1], f"stress {paper}")
            check_signatures(pages, f"stress {paper}")
            check_table_headers(pages, f"stress {paper}")
            report = export(exporter, "report", "sample", paper, tmp)
            check(page_size(report) == size, f"report {paper}: page size {page_size(report)}")
            check_report(report)
            pages = words_by_page(export(exporter, "report", "stress", paper, tmp))
            check_inside(pages, size[0], size[1], f"report stress {paper}")
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
