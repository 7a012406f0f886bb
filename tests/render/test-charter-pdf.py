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


def pdf_fonts(pdf):
    """The base names of the fonts embedded in @pdf (subset tags dropped)."""
    lines = run("pdffonts", pdf).splitlines()[2:]
    return {re.sub(r"^[A-Z]{6}\+", "", l.split()[0]) for l in lines if l.strip()}


def check_fonts(pdf, label):
    """The run uses the fonts it says it does. CG_EXPECT_FONTS (set by the
    -dejavu and -wide runs) lists name prefixes: every embedded font starts
    with one of them and the first is used. Otherwise Noto is used when the
    machine has it."""
    fonts = pdf_fonts(pdf)
    expect = [e for e in os.environ.get("CG_EXPECT_FONTS", "").split(",") if e]
    if expect:
        check(fonts and all(any(f.startswith(e) for e in expect) for f in fonts)
              and any(f.startswith(expect[0]) for f in fonts),
              f"{label}: fonts {sorted(fonts)}, expected {expect}")
    elif shutil.which("fc-match") and "Noto" in run("fc-match", "Noto Sans"):
        check(any("Noto" in f for f in fonts), f"{label}: Noto installed but not used: {sorted(fonts)}")


def squash(text):
    return re.sub(BIDI, "", text)


def body_text(pdf, mode="-layout"):
    """The pages' text without the running header and the page number, which
    would otherwise land inside a paragraph that runs on to the next page."""
    width, height = page_size(pdf)
    return run("pdftotext", mode, "-x", "0", "-y", str(int(TOP - 2)), "-W", str(int(width)),
               "-H", str(int(height - TOP - BOTTOM + 4)), pdf, "-")


# Table cells are read by where their words are, not by how pdftotext joins
# a line: a cell's lines touch (line pitch = line height), rows are 8 pt
# apart (cell padding 4 pt above and below), and the next block after a
# table is further still or starts left of the first column's text.
ROW_GAP = 3.0
END_GAP = 12.0


def text_lines(words):
    """Words grouped into lines (equal tops), top to bottom, each left to right."""
    lines = []
    for w in sorted(words, key=lambda w: w[2]):
        if lines and abs(lines[-1][0][2] - w[2]) < 1.0:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w[1]) for line in lines]


def bands(lines, start):
    """From lines[start]: (first, end) index ranges of lines that touch,
    separated by gaps, with the gap before each."""
    i = start
    while i < len(lines):
        j = i + 1
        bottom = max(w[4] for w in lines[i])
        while j < len(lines) and lines[j][0][2] - bottom < ROW_GAP:
            bottom = max(bottom, max(w[4] for w in lines[j]))
            j += 1
        gap = lines[j][0][2] - bottom if j < len(lines) else None
        yield i, j, gap
        i = j


def header_starts(band_words, headers):
    """Where each header's column starts, when these words are that header."""
    if sorted(w[0] for w in band_words) != sorted(" ".join(headers).split()):
        return None
    starts = []
    for h in headers:
        first = h.split()[0]
        xs = [w[1] for w in band_words if w[0] == first and (not starts or w[1] > starts[-1])]
        if not xs:
            return None
        starts.append(min(xs))
    return starts


def cells_of(words, starts):
    cells = []
    for c, x in enumerate(starts):
        end = starts[c + 1] if c + 1 < len(starts) else float("inf")
        mine = [w for w in words if x - 3 <= w[1] < end - 3]
        cells.append(" ".join(w[0] for line in text_lines(mine) for w in line))
    return cells


def table_rows(pdf, headers):
    """Every row, as a list of cell texts, of every table (or page of a
    table) whose header reads @headers, in order."""
    width, height = page_size(pdf)
    rows = []
    for words in words_by_page(pdf):
        body = [w for w in words if w[4] > TOP and w[2] < height - BOTTOM]
        lines = text_lines(body)
        spans = list(bands(lines, 0))
        k = 0
        while k < len(spans):
            first, end, gap = spans[k]
            starts = header_starts([w for l in lines[first:end] for w in l], headers)
            k += 1
            if starts is None:
                continue
            while k < len(spans) and gap is not None and gap < END_GAP:
                first, end, next_gap = spans[k]
                row = [w for l in lines[first:end] for w in l]
                if min(w[1] for w in row) < starts[0] - 2:
                    break
                rows.append(cells_of(row, starts))
                gap = next_gap
                k += 1
    return rows


def row_starting(rows, start):
    """The first row whose first cell begins with @start, or []."""
    found = [r for r in rows if re.sub(r"\s+", " ", r[0]).startswith(start)]
    return found[0] if found else []


def check_sample(pdf):
    text = body_text(pdf)
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
    roles = table_rows(pdf, ["Task", "Accountable", "Responsible"])
    for task, lead in [("Lead the family's needs assessment", "Sam Okafor"),
                       ("Chair the weekly team meeting", "David Cohen"),
                       ("Keep the family informed", "Not agreed yet"),
                       ("Manage the pooled budget", "Not agreed yet")]:
        row = row_starting(roles, task)
        check(row and lead in row[1], f"task {task!r}: Accountable {lead!r} not in its row {row}")
    for item in ["“Leadership of this partnership is accepted by all”",
                 "Manage the pooled budget: nobody has taken the lead (Accountable).",
                 "each claim the lead (Accountable)."]:
        check(item in re.sub(r"\s+", " ", text), f"still to resolve: {item!r} missing")
    check("Still to resolve" in text and "Signatures" in text, "section headings missing")


STATS_HEADERS = ["n", "Mean", "Median", "SD", "IQR", "Consensus", "Level"]


def check_report(pdf):
    text = body_text(pdf)
    stats = table_rows(pdf, ["Statement"] + STATS_HEADERS)
    # Ratings 5, 1, 5, 2: mean 3.25, median 3.50, sample SD sqrt(12.75 / 3) = 2.06,
    # Tastle-Wierman consensus 1 + .25 log2(.4375) + .25 log2(.6875) + .5 log2(.5625) = 0.15.
    row = row_starting(stats, "Leadership of this partnership")
    for column, cell in [(1, "4"), (2, "3.25"), (3, "3.50"), (4, "2.06"), (6, "0.15")]:
        check(row and row[column] == cell, f"report: statement row lacks {cell!r}: {row!r}")
    check(row and row[7].startswith("Divergent"), f"report: statement row lacks 'Divergent': {row!r}")
    # Aim rated 5, 5, 5, 5: mean 5.00, SD 0.00, consensus 1, agreed.
    row = row_starting(table_rows(pdf, ["Aim"] + STATS_HEADERS), "The family has a safe")
    for column, cell in [(2, "5.00"), (4, "0.00"), (6, "1.00")]:
        check(row and row[column] == cell, f"report: aim row lacks {cell!r}: {row!r}")
    check(row and row[7].startswith("Agreed"), f"report: aim row lacks 'Agreed': {row!r}")
    # The role matrix comes first with the same task names: read the table.
    tasks = table_rows(pdf, ["Task", "Claim Accountable", "Claim Responsible", "Answers", "Flags"])
    check(tasks, "report: Claim Accountable heading not found")
    row = row_starting(tasks, "Manage the pooled budget")
    check(row and "Gap" in row[4] and "Sam Okafor" in row[2], f"report: task row wrong: {row!r}")
    row = row_starting(tasks, "Keep the family informed")
    check(row and "Overlap" in row[4], f"report: overlap not flagged: {row!r}")
    flat = re.sub(r"\s+", " ", text)
    check("Sam Okafor Nobody has said who leads when the school and housing disagree." in flat,
          "report: comment with its partner missing")
    check(squash("نحتاج إلى قائد واحد متفق عليه") in squash(text), "report: Arabic comment missing")
    for heading in ["Summary", "Talk about these first", "Statistics per item", "Role clarity",
                    "Comments"]:
        check(heading in text, f"report: heading {heading!r} missing")


# "Agreed: not yet" / "Agreed: not a priority": agreed that it is not so (issue 18).
STRIP_TITLE = re.compile(r"^\s*(\d\.\d|A\d)\s+\S.*\s(Divergent|Partly agreed|Agreed|"
                         r"Agreed: not yet|Agreed: not a priority|Not enough answers)\s*$")
STRIP_FOOTER = re.compile(r"^\s*(▲ Mean \d\.\d from|No answers on the scale yet)")


def page_texts(pdf):
    return run("pdftotext", "-layout", pdf, "-").split("\f")


def check_report_charts(pdf, width, height):
    """The Review's charts are in the report, whole, at the page width."""
    pages = page_texts(pdf)
    text = "\f".join(pages)
    drawn = re.sub(r"\s+", " ", body_text(pdf, "-raw"))
    for heading in ["Charts", "The five lessons", "Every rating", "Answers per item"]:
        check(re.search(r"^\s*" + heading + r"\s*$", text, re.M), f"report: no chart heading {heading!r}")
    # The radar's axes and legend; the heat map's columns and key; the role
    # matrix's leads row and key.
    for label in ["1 Purpose and Leadership", "5 Learning and Innovation", "Group",
                  "1.1 Leadership of this partnership is accepted by all",
                  "A5 The parent's illness is managed at home", "5 Strongly agree", "Tasks led",
                  "R Responsible · A Accountable"]:
        # In drawing order a label's lines follow each other even when a
        # wide font wraps it beside another label.
        check(label in drawn, f"report: chart label {label!r} missing")
    check(re.search(r"1\.1\s+A1\s+A2\s+A3\s+A4\s+A5", text), "report: heat map columns missing")
    # A dot strip per item, in the Review's order (worked out in
    # test-charter-layout.c), each with its level in words, and each whole:
    # every page has as many strip footers as strip titles.
    after = text[text.find("Answers per item"):text.find("Statistics per item")]
    strips = [STRIP_TITLE.match(l) for l in after.splitlines()]
    strips = [(m.group(1), m.group(2)) for m in strips if m]
    check(strips == [("1.1", "Divergent"), ("A4", "Divergent"), ("A5", "Not enough answers"),
                     ("A1", "Agreed"), ("A2", "Agreed"), ("A3", "Agreed")],
          f"report: dot strips {strips}")
    for i, page in enumerate(pages):
        titles = sum(1 for l in page.splitlines() if STRIP_TITLE.match(l))
        footers = sum(1 for l in page.splitlines() if STRIP_FOOTER.match(l))
        check(titles == footers, f"report page {i + 1}: {titles} strip titles, {footers} footers")
    # At the page width: each strip's badge ends at the right margin, its
    # scale starts near the left one.
    badges = 0
    for i, words in enumerate(words_by_page(pdf)):
        labels = [w for w in words if re.fullmatch(r"\d\.\d|A\d", w[0]) and w[1] < LEFT + 12]
        for t, x0, y0, x1, y1 in words:
            if t == "Divergent" and any(abs(y0 - l[2]) < 6 for l in labels):
                badges += 1
                check(x1 > width - RIGHT - 12, f"report page {i + 1}: badge ends at {x1:.0f}")
            if t == "Strongly" and x0 < width / 3:
                check(x0 < LEFT + 40, f"report page {i + 1}: scale starts at {x0:.0f}")
    check(badges == 2, f"report: {badges} Divergent badges on strip titles, not 2")


def ppm_pages(pdf, dpi, tmp, first=None, last=None):
    """Pages as (width, height, bytes) RGB rasters."""
    prefix = os.path.join(tmp, "page")
    for f in os.listdir(tmp):
        if f.startswith("page"):
            os.remove(os.path.join(tmp, f))
    args = ["pdftoppm", "-r", str(dpi)]
    if first:
        args += ["-f", str(first), "-l", str(last)]
    subprocess.run(args + [pdf, prefix], check=True)
    out = []
    for name in sorted(f for f in os.listdir(tmp) if f.startswith("page")):
        with open(os.path.join(tmp, name), "rb") as fh:
            data = fh.read()
        m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)
        out.append((int(m.group(1)), int(m.group(2)), data[m.end():]))
    return out


def count_pixels(raster, dpi, box, test):
    w, h, data = raster
    k = dpi / 72.0
    x0, y0, x1, y1 = (max(0, int(v * k)) for v in box)
    n = 0
    for y in range(y0, min(y1, h)):
        row = data[(y * w) * 3:(y * w + w) * 3]
        for x in range(x0, min(x1, w)):
            if test(row[x * 3], row[x * 3 + 1], row[x * 3 + 2]):
                n += 1
    return n


def ink(r, g, b):
    return min(r, g, b) < 235


def near(colour):
    cr, cg, cb = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return lambda r, g, b: abs(r - cr) < 12 and abs(g - cg) < 12 and abs(b - cb) < 12


def check_blank_margins(pdf, width, height, label, tmp):
    """Nothing is drawn outside the page's body but the running header and
    the page number: no text or chart runs into the margins."""
    dpi = 36
    bands = [(0, 0, width, TOP - 40), (0, TOP - 15, width, TOP - 2),
             (0, height - BOTTOM + 2, width, height - BOTTOM + 20),
             (0, height - BOTTOM + 42, width, height),
             (0, 0, LEFT - 3, height), (width - RIGHT + 3, 0, width, height)]
    for i, raster in enumerate(ppm_pages(pdf, dpi, tmp)):
        for box in bands:
            n = count_pixels(raster, dpi, box, ink)
            check(n == 0, f"{label} page {i + 1}: {n} inked pixels in margin band {box}")


def heading_position(pdf, first_word, second_word):
    for i, words in enumerate(words_by_page(pdf)):
        for a, b in zip(words, words[1:]):
            if a[0] == first_word and b[0] == second_word:
                return i, a[4]
    return None


def check_report_chart_pixels(pdf, width, tmp):
    """The charts are drawn, not only labelled."""
    dpi = 50
    where = heading_position(pdf, "five", "lessons")
    check(where is not None, "report: radar heading not found")
    if where:
        page, y = where
        raster = ppm_pages(pdf, dpi, tmp, page + 1, page + 1)[0]
        # The web of the radar around the middle of the page width.
        n = count_pixels(raster, dpi, (width / 2 - 100, y + 60, width / 2 + 100, y + 300), ink)
        check(n > 300, f"report: radar area has {n} inked pixels")
    where = heading_position(pdf, "Every", "rating")
    check(where is not None, "report: heat map heading not found")
    if where:
        page, y = where
        raster = ppm_pages(pdf, dpi, tmp, page + 1, page + 1)[0]
        # Seven cells rated 5 (PuOr purple) and two rated 1 (orange), beyond
        # what the legend's swatches hold.
        box = (LEFT, y, width - RIGHT, y + 140)
        purple = count_pixels(raster, dpi, box, near("#5e3c99"))
        orange = count_pixels(raster, dpi, box, near("#e66101"))
        check(purple > 500 and orange > 150, f"report: heat cells {purple} purple, {orange} orange")
    where = heading_position(pdf, "Answers", "per")
    if where:
        page, y = where
        raster = ppm_pages(pdf, dpi, tmp, page + 1, page + 1)[0]
        # The first strip, statement 1.1: its Divergent badge and the dots of
        # its four partners (Sam blue, Priya orange, Amira green, David pink).
        box = (LEFT, y, width - RIGHT, y + 110)
        for colour in ["#d55e00", "#0072b2", "#e69f00", "#009e73", "#cc79a7"]:
            n = count_pixels(raster, dpi, box, near(colour))
            check(n > 15, f"report: first dot strip has {n} pixels of {colour}")


def check_role_slices(pdf):
    """A stress matrix (30 tasks x 30 partners) is cut into slices that
    between them show every task of every partner once."""
    flat = re.sub(r"\s+", " ", run("pdftotext", pdf, "-"))
    covered = {}
    for m in re.finditer(r"Tasks (\d+)–(\d+) of 30; partners (\d+)–(\d+) of 30\.", flat):
        t0, t1, p0, p1 = (int(g) for g in m.groups())
        for t in range(t0, t1 + 1):
            for p in range(p0, p1 + 1):
                covered[(t, p)] = covered.get((t, p), 0) + 1
    check(len(covered) == 900 and set(covered.values()) == {1},
          f"report stress: role matrix slices cover {len(covered)} cells, "
          f"{sum(v > 1 for v in covered.values())} twice")


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


def check_signature_rows(pages, label):
    """Blocks side by side hang their lines from the same height, even when
    one organisation wraps (Priya Natarajan's does in the sample)."""
    rows = 0
    for i, words in enumerate(pages):
        labels = [w for w in words if w[0] == "Signature"]
        left = sorted((w for w in labels if w[1] < LEFT + 20), key=lambda w: w[2])
        right = sorted((w for w in labels if w[1] >= LEFT + 20), key=lambda w: w[2])
        for a, b in zip(left, right):
            rows += 1
            check(abs(a[2] - b[2]) < 0.5,
                  f"{label} page {i + 1}: signature lines of one row at {a[2]:.1f} and {b[2]:.1f}")
    check(rows >= 2, f"{label}: expected two rows of signatures side by side, found {rows}")


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
    if not (shutil.which("pdftotext") and shutil.which("pdfinfo") and shutil.which("pdftoppm")):
        print("poppler-utils missing")
        return 77
    exporter = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        raster_dir = os.path.join(tmp, "pages")
        os.mkdir(raster_dir)
        for paper, size in [("a4", (595.0, 842.0)), ("letter", (612.0, 792.0))]:
            sample = export(exporter, "charter", "sample", paper, tmp)
            check(page_size(sample) == size, f"sample {paper}: page size {page_size(sample)}")
            check_sample(sample)
            check_fonts(sample, f"sample {paper}")
            check_signature_rows(words_by_page(sample), f"sample {paper}")
            stress = export(exporter, "charter", "stress", paper, tmp)
            check(page_size(stress) == size, f"stress {paper}: page size {page_size(stress)}")
            pages = words_by_page(stress)
            check(len(pages) > 10, f"stress {paper}: only {len(pages)} pages")
            check_inside(pages, size[0], size[1], f"stress {paper}")
            check_signatures(pages, f"stress {paper}")
            check_table_headers(pages, f"stress {paper}")
            check_blank_margins(stress, size[0], size[1], f"stress {paper}", raster_dir)
            report = export(exporter, "report", "sample", paper, tmp)
            check(page_size(report) == size, f"report {paper}: page size {page_size(report)}")
            check_report(report)
            check_fonts(report, f"report {paper}")
            check_report_charts(report, size[0], size[1])
            check_report_chart_pixels(report, size[0], raster_dir)
            check_blank_margins(report, size[0], size[1], f"report {paper}", raster_dir)
            stress_report = export(exporter, "report", "stress", paper, tmp)
            pages = words_by_page(stress_report)
            check_inside(pages, size[0], size[1], f"report stress {paper}")
            check_role_slices(stress_report)
            check_blank_margins(stress_report, size[0], size[1], f"report stress {paper}",
                                raster_dir)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
