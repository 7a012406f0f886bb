#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The shipped sample sessions (data/samples) exported from the command line.

Usage: test-export-samples.py COMMON_GROUND SAMPLES_DIR
For every sample: the charter names every partner with its organisation,
every agreed aim, every task's Accountable partner as the charter resolves it
(the facilitator's settled choice, else the one partner who claims it, else
"Not agreed yet") and every item of the analysis's talk-first list under
"Still to resolve"; the results report carries the Review's charts with a
dot strip for every rated item; page sizes are the ones asked for and nothing
is drawn in the margins. The expectations come from the session file and
from `--report --format=json`, not from the PDF code. Exits 77 (skipped)
when poppler-utils is missing.
"""
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "charter_pdf", os.path.join(HERE, "..", "render", "test-charter-pdf.py"))
pdf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pdf)

NS = {"cg": "https://commonground.github.io/ns/session"}
SIZES = {"a4": (595.0, 842.0), "letter": (612.0, 792.0)}


def run(cmd):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    pdf.check(r.returncode == 0, f"{' '.join(cmd[1:])}: exit {r.returncode} {r.stderr}")
    return r.stdout


def flat(text):
    """Whitespace as single spaces, without the marks bidi text carries."""
    return re.sub(r"\s+", " ", re.sub(r"[\u200e\u200f\u202a-\u202e]", "", text))


def section(text, start, end):
    a = text.find(start)
    b = text.find(end, a + 1)
    pdf.check(a >= 0 and b > a, f"section {start!r}..{end!r} not found")
    return text[a:b]


def expected_leads(root, report):
    """Task text -> the Accountable partner the charter must name."""
    names = {p.get("id"): p.findtext("cg:name", namespaces=NS)
             for p in root.iterfind(".//cg:partners/cg:partner", NS)}
    leads = {}
    for task, stats in zip(root.iterfind(".//cg:tasks/cg:task", NS), report["tasks"]):
        pdf.check(task.get("id") == stats["id"], "tasks out of order in the JSON report")
        settled = task.get("charter-accountable")
        if settled:
            leads[task.text] = names[settled]
        elif len(stats["accountable"]) == 1:
            leads[task.text] = stats["accountable"][0]["name"]
        else:
            leads[task.text] = "Not agreed yet"
    return leads


def check_charter(path, root, report, label):
    # In drawing order a table cell's lines follow each other; the running
    # header and page number are left out, so a paragraph that runs on to
    # the next page still reads as one.
    raw = pdf.body_text(path, "-raw")
    whole = flat(raw)
    for p in root.iterfind(".//cg:partners/cg:partner", NS):
        for field in ("cg:name", "cg:organisation"):
            value = p.findtext(field, namespaces=NS)
            if value:
                pdf.check(flat(value) in whole, f"{label}: partner text {value!r} missing")
    aims = flat(section(raw, "Agreed aims", "Roles and responsibilities"))
    for aim in report["aims"]:
        if aim["agreed"]:
            pdf.check(flat(aim["text"]) in aims, f"{label}: agreed aim {aim['text']!r} missing")
        else:
            pdf.check(flat(aim["text"]) not in aims, f"{label}: aim not agreed is listed")
    # The roles table read cell by cell, by where its words are.
    roles = pdf.table_rows(path, ["Task", "Accountable", "Responsible"])
    for task, lead in expected_leads(root, report).items():
        row = pdf.row_starting(roles, flat(task).strip())
        pdf.check(row and lead in row[1],
                  f"{label}: task {task!r}: Accountable {lead!r} not in its row {row}")
    still = flat(section(raw, "Still to resolve", "Signatures"))
    texts = {s["id"]: s["text"] for l in report["lessons"] for s in l["statements"]}
    texts.update({a["id"]: a["text"] for a in report["aims"]})
    texts.update({t["id"]: t["text"] for t in report["tasks"]})
    for ident in report["talk_first"]["items"] + report["talk_first"]["tasks"]:
        pdf.check(flat(texts[ident]) in still, f"{label}: still to resolve lacks {texts[ident]!r}")
    # What the room agrees is missing ("Agreed: not yet"), before what is still open.
    work_on = flat(section(raw, "What we will work on", "Still to resolve"))
    for ident in report["talk_first"]["missing"]:
        pdf.check(flat(texts[ident]) in work_on, f"{label}: what we will work on lacks {texts[ident]!r}")


def check_report(path, report, label):
    text = pdf.run("pdftotext", "-layout", path, "-")
    whole = flat(text)
    for heading in ["Charts", "The five lessons", "Every rating", "Answers per item",
                    "Statistics per item", "Role clarity", "Tasks led"]:
        pdf.check(heading in whole, f"{label}: {heading!r} missing")
    strips = section(text, "Answers per item", "Statistics per item")
    titles = [m.group(1) for m in map(pdf.STRIP_TITLE.match, strips.splitlines()) if m]
    rated = [s for l in report["lessons"] for s in l["statements"]] + report["aims"]
    pdf.check(len(titles) == len(rated), f"{label}: {len(titles)} dot strips for {len(rated)} items")
    pdf.check(len(set(titles)) == len(titles), f"{label}: a dot strip twice: {titles}")
    # "By group" when two groups have partners, naming the items the JSON flags.
    groups = {p["group"] for p in report["partners"] if p["group"]}
    pdf.check(("By group" in whole) == (len(groups) >= 2), f"{label}: 'By group' for {groups}")
    if len(groups) >= 2:
        differ = flat(section(text, "Where groups differ most", "Every rating"))
        flagged = [s for s in rated if s["group_gap"] and s["group_gap"]["flagged"]]
        pdf.check(len(flagged) > 0, f"{label}: the sample's groups differ nowhere")
        for s in flagged:
            gap = s["group_gap"]
            pdf.check(flat(s["text"]) in differ and gap["high"] in differ and gap["low"] in differ,
                      f"{label}: groups differ on {s['text']!r} ({gap}) but the report does not say")
    for i, page in enumerate(text.split("\f")):
        lines = page.splitlines()
        n_titles = sum(1 for l in lines if pdf.STRIP_TITLE.match(l))
        n_footers = sum(1 for l in lines if pdf.STRIP_FOOTER.match(l))
        pdf.check(n_titles == n_footers, f"{label} page {i + 1}: a dot strip is split")


def main():
    if not all(shutil.which(t) for t in ("pdftotext", "pdfinfo", "pdftoppm")):
        return 77
    exe, samples = sys.argv[1], sys.argv[2]
    files = sorted(f for f in os.listdir(samples) if f.endswith(".commonground"))
    pdf.check(len(files) >= 2, f"only {files} in {samples}")
    with tempfile.TemporaryDirectory() as tmp:
        rasters = os.path.join(tmp, "pages")
        os.mkdir(rasters)
        for name in files:
            path = os.path.join(samples, name)
            root = ET.parse(path).getroot()
            report = json.loads(run([exe, "--report", path, "--format=json"]))
            for paper, size in SIZES.items():
                label = f"{name} {paper}"
                charter = os.path.join(tmp, "charter.pdf")
                run([exe, "--export-charter", charter, path, f"--paper={paper}"])
                pdf.check(pdf.page_size(charter) == size, f"{label}: charter page size")
                check_charter(charter, root, report, f"{label} charter")
                pdf.check_fonts(charter, f"{label} charter")
                pdf.check_blank_margins(charter, *size, f"{label} charter", rasters)
                out = os.path.join(tmp, "report.pdf")
                run([exe, "--export-report", out, path, f"--paper={paper}"])
                pdf.check(pdf.page_size(out) == size, f"{label}: report page size")
                check_report(out, report, f"{label} report")
                pdf.check_blank_margins(out, *size, f"{label} report", rasters)
    print(f"{len(pdf.failures)} failure(s)")
    return 1 if pdf.failures else 0


if __name__ == "__main__":
    sys.exit(main())
