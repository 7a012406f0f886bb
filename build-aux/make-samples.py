#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the sample sessions in data/samples/ from the templates.

The answers are typed out below as small tables so that they can be checked
by hand; data/samples/README.md (also written here) lists what the review
should show for them. Run from the source root:

    python3 build-aux/make-samples.py

The output is plain FORMAT.md XML; nothing in the build runs this script.
"""

import math
import os
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

NS = "https://commonground.github.io/ns/session"
# Format 1.1's additions (here only <group>) are in their own namespace,
# declared on the root only when used, as the app writes it (docs/FORMAT.md).
NS_1_1 = NS + "/1.1"
Q = "{%s}" % NS
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_template(template_id):
    path = os.path.join(ROOT, "data", "templates", template_id + ".commonground")
    return ET.parse(path).getroot()


def text_of(el, tag):
    child = el.find(Q + tag)
    return child.text if child is not None and child.text else ""


def num(ident):
    return int(ident[1:])


class Session:
    """What a sample needs: the template's content plus answers."""

    def __init__(self, template_id):
        root = load_template(template_id)
        self.next_id = int(root.get("next-id"))
        self.scenario = text_of(root.find(Q + "template"), "name")
        details = root.find(Q + "details")
        self.details = {k: text_of(details, k) for k in ("title", "context")}
        self.roles = [r.text for r in root.find(Q + "role-suggestions")]
        self.partners = []
        for p in root.find(Q + "partners"):
            self.partners.append({"id": p.get("id"), "colour": p.get("colour"),
                                  "name": text_of(p, "name"),
                                  "organisation": text_of(p, "organisation"),
                                  "role": text_of(p, "role")})
        self.lessons = []
        for lesson in root.find(Q + "lessons"):
            self.lessons.append({
                "intro": text_of(lesson, "intro"),
                "prompts": [p.text for p in lesson.findall(Q + "prompt")],
                "statements": [(s.get("id"), s.text) for s in lesson.findall(Q + "statement")],
            })
        self.aims = [(a.get("id"), a.text) for a in root.find(Q + "aims")]
        self.tasks = [(t.get("id"), t.text) for t in root.find(Q + "tasks")]
        self.agreed = set()
        self.charter_accountable = {}
        self.ratings = {}   # (partner, item) -> "1".."5" | "dont-know"
        self.comments = {}  # (partner, lesson number) -> text
        self.roles_given = {}  # (partner, task) -> (involvement, believed or None)
        self.charter = {}
        self.facilitator = ""
        self.date = ""
        self.title = self.details["title"]
        self.current_stage = "session"

    def set_groups(self, groups):
        for p in self.partners:
            p["group"] = groups.get(p["id"], "")

    def add_partner(self, name, organisation, role, colour):
        pid = "p%d" % self.next_id
        self.next_id += 1
        self.partners.append({"id": pid, "colour": colour, "name": name,
                              "organisation": organisation, "role": role})
        return pid

    def item_ids(self):
        ids = [s[0] for lesson in self.lessons for s in lesson["statements"]]
        return ids + [a[0] for a in self.aims]

    def rate(self, item, row):
        """row: one character per partner, in partner order: 1-5, ? or ."""
        assert len(row) == len(self.partners), (item, row)
        for partner, c in zip(self.partners, row):
            if c == ".":
                continue
            self.ratings[(partner["id"], item)] = "dont-know" if c == "?" else c

    def role(self, task, row):
        """row: one 'X/pN' (or 'X' or '.') per partner: own RACI letter
        (or '-' for none) and the partner believed Accountable."""
        cells = row.split()
        assert len(cells) == len(self.partners), (task, row)
        for partner, cell in zip(self.partners, cells):
            if cell == ".":
                continue
            inv, _, believed = cell.partition("/")
            inv = "none" if inv == "-" else inv
            self.roles_given[(partner["id"], task)] = (inv, believed or None)

    # Writing --------------------------------------------------------------

    def write(self, path):
        uses_1_1 = any(p.get("group") for p in self.partners)
        ns_1_1 = ' xmlns:cg11="%s"' % NS_1_1 if uses_1_1 else ""
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               '<session xmlns="%s"%s format-version="1.1" next-id="%d">'
               % (NS, ns_1_1, self.next_id)]
        out += self._details() + self._options() + self._role_suggestions()
        out += self._partners() + self._lessons() + self._aims() + self._tasks()
        out += self._answers() + self._charter()
        out.append("</session>")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")

    @staticmethod
    def _el(indent, tag, text, attrs=""):
        return "%s<%s%s>%s</%s>" % ("  " * indent, tag, attrs, escape(text), tag)

    def _details(self):
        out = ["  <details>"]
        for tag, value in (("title", self.title), ("date", self.date),
                           ("facilitator", self.facilitator),
                           ("context", self.details["context"]),
                           ("scenario", self.scenario)):
            if value:
                out.append(self._el(2, tag, value))
        return out + ["  </details>"]

    def _options(self):
        return ['  <options answers-hidden="false" current-stage="%s"/>' % self.current_stage]

    def _role_suggestions(self):
        if not self.roles:
            return []
        return (["  <role-suggestions>"] + [self._el(2, "role", r) for r in self.roles]
                + ["  </role-suggestions>"])

    def _partners(self):
        out = ["  <partners>"]
        for p in self.partners:
            out.append('    <partner id="%s" colour="%s">' % (p["id"], p["colour"]))
            for tag in ("name", "organisation", "role", "group"):
                if p.get(tag):
                    out.append(self._el(3, "cg11:group" if tag == "group" else tag, p[tag]))
            out.append("    </partner>")
        return out + ["  </partners>"]

    def _lessons(self):
        out = ["  <lessons>"]
        for n, lesson in enumerate(self.lessons, 1):
            out.append('    <lesson number="%d">' % n)
            if lesson["intro"]:
                out.append(self._el(3, "intro", lesson["intro"]))
            out += [self._el(3, "prompt", p) for p in lesson["prompts"]]
            out += [self._el(3, "statement", t, ' id="%s"' % i) for i, t in lesson["statements"]]
            out.append("    </lesson>")
        return out + ["  </lessons>"]

    def _aims(self):
        out = ["  <aims>"]
        for i, t in self.aims:
            agreed = ' agreed="true"' if i in self.agreed else ""
            out.append(self._el(2, "aim", t, ' id="%s"%s' % (i, agreed)))
        return out + ["  </aims>"]

    def _tasks(self):
        out = ["  <tasks>"]
        for i, t in self.tasks:
            ca = self.charter_accountable.get(i)
            attrs = ' id="%s"' % i + (' charter-accountable="%s"' % ca if ca else "")
            out.append(self._el(2, "task", t, attrs))
        return out + ["  </tasks>"]

    def _answers(self):
        out = ["  <answers>"]
        for p in (p["id"] for p in self.partners):
            for item in self.item_ids():
                if (p, item) in self.ratings:
                    out.append('    <rating partner="%s" item="%s" value="%s"/>'
                               % (p, item, self.ratings[(p, item)]))
            for lesson in range(1, 6):
                if (p, lesson) in self.comments:
                    out.append(self._el(2, "comment", self.comments[(p, lesson)],
                                        ' partner="%s" lesson="%d"' % (p, lesson)))
            for task, _ in self.tasks:
                if (p, task) in self.roles_given:
                    inv, believed = self.roles_given[(p, task)]
                    extra = ' believes-accountable="%s"' % believed if believed else ""
                    out.append('    <role partner="%s" task="%s" involvement="%s"%s/>'
                               % (p, task, inv, extra))
        return out + ["  </answers>"]

    def _charter(self):
        tags = ("title", "purpose", "ground-rules", "measures", "review-date",
                "learning", "still-to-resolve")
        written = [t for t in tags if t in self.charter]
        if not written:
            return ["  <charter/>"]
        return (["  <charter>"] + [self._el(2, t, self.charter[t]) for t in written]
                + ["  </charter>"])


# The hand-check summary: PRODUCT.md's rules, worked out independently of the
# C analysis so the two can be compared. ------------------------------------

def item_figures(values):
    xs = sorted(int(v) for v in values if v != "dont-know")
    n = len(xs)
    if n < 2:
        return n, None, None, None, "not enough answers"
    mean = sum(xs) / n
    median = (xs[(n - 1) // 2] + xs[n // 2]) / 2
    cns = 1 + sum(math.log2(1 - abs(x - mean) / 4) for x in xs) / n
    low, high = any(x <= 2 for x in xs), any(x >= 4 for x in xs)
    far = any(x < 3 for x in xs) if median > 3 else any(x > 3 for x in xs) if median < 3 else False
    if cns < 0.60 or (low and high):
        level = "divergent"
    elif cns >= 0.80 and not far:
        level = "agreed"
    else:
        level = "partly agreed"
    return n, mean, median, cns, level


def dissenters(session, item):
    given = [(p["id"], session.ratings.get((p["id"], item))) for p in session.partners]
    xs = [(p, int(v)) for p, v in given if v and v != "dont-know"]
    n, _, median, _, _ = item_figures([str(v) for _, v in xs])
    if median is None or median == 3:
        return []
    return [p for p, v in xs if (v < 3 if median > 3 else v > 3)]


def role_flags(session, task):
    answers = [(p["id"], session.roles_given.get((p["id"], task))) for p in session.partners]
    claim_a = [p for p, a in answers if a and a[0] == "A"]
    claim_r = [p for p, a in answers if a and a[0] == "R"]
    named = [a[1] for _, a in answers if a and a[1]]
    flags = []
    if not claim_a:
        flags.append("gap")
    if len(claim_a) > 1:
        flags.append("overlap")
    if not claim_r:
        flags.append("no doer")
    if named:
        most = max(set(named), key=named.count)
        if len(set(named)) > 1 or most not in claim_a:
            flags.append("mismatch")
    return claim_a, claim_r, named, flags


def group_lines(session):
    """Per item, each group's mean and the widest gap (flagged at 1.5 when
    both groups gave 2 or more answers), as PRODUCT.md defines them."""
    groups = {}
    for p in session.partners:
        if p.get("group"):
            groups.setdefault(p["group"], []).append(p["id"])
    if len(groups) < 2:
        return []
    lines = ["", "Groups: " + "; ".join("%s (%s)" % (g, " ".join(ids)) for g, ids in groups.items()),
             "", "| item | group means | gap | flagged |", "|---|---|---|---|"]
    for item in session.item_ids():
        means = {}
        for g, ids in groups.items():
            vals = [int(session.ratings[(pid, item)]) for pid in ids
                    if session.ratings.get((pid, item), ".") in "12345"]
            if vals:
                means[g] = (sum(vals) / len(vals), len(vals))
        if len(means) < 2:
            continue
        hi = max(means, key=lambda g: means[g][0])
        lo = min(means, key=lambda g: means[g][0])
        gap = means[hi][0] - means[lo][0]
        flagged = gap >= 1.5 - 1e-9 and means[hi][1] >= 2 and means[lo][1] >= 2
        lines.append("| %s | %s | %.2f (%s - %s) | %s |" % (
            item, ", ".join("%s %.2f" % (g, m) for g, (m, _) in means.items()),
            gap, hi, lo, "yes" if flagged else "no"))
    return lines


def summary(session, name):
    lines = ["## %s" % name, "",
             "Partners: " + ", ".join("%s %s (%s)" % (p["id"], p["name"], p["role"])
                                      for p in session.partners), "",
             "| item | answers | n | mean | median | consensus | level | dissenters |",
             "|---|---|---|---|---|---|---|---|"]
    for item in session.item_ids():
        row = [session.ratings.get((p["id"], item), ".") for p in session.partners]
        if all(v == "." for v in row):
            continue
        n, mean, median, cns, level = item_figures([v for v in row if v != "."])
        shown = " ".join("?" if v == "dont-know" else v for v in row)
        fmt = lambda x, f: "-" if x is None else f % x
        lines.append("| %s | %s | %d | %s | %s | %s | %s | %s |" % (
            item, shown, n, fmt(mean, "%.2f"), fmt(median, "%.1f"), fmt(cns, "%.3f"),
            level, " ".join(dissenters(session, item)) or "-"))
    lines += group_lines(session)
    lines += ["", "| task | claim A | claim R | named as Accountable | flags |",
              "|---|---|---|---|---|"]
    for task, _ in session.tasks:
        a, r, named, flags = role_flags(session, task)
        if not a and not r and not named and not any((p["id"], task) in session.roles_given
                                                     for p in session.partners):
            continue
        lines.append("| %s | %s | %s | %s | %s |" % (task, " ".join(a) or "-", " ".join(r) or "-",
                                                   " ".join(named) or "-", ", ".join(flags) or "clear"))
    return lines + [""]


# The samples ----------------------------------------------------------------

def riverside_family():
    s = Session("family-complex-needs")
    s.title = "Riverside family support partnership"
    s.date = "2025-11-18"
    s.facilitator = "Sam Okafor"
    s.current_stage = "review"
    # Partners, in order: p1 GP, p2 health visitor, p3 social worker,
    # p4 school, p5 housing officer, p6 charity. Groups (format 1.1): the
    # health side, the council side and the community partners, so that the
    # Review's "By group" shows: "Every partner's view counts" (s19) sets
    # Health (5, 4: 4.5) 1.5 points above Community (4, 2: 3.0).
    s.set_groups({"p1": "Health", "p2": "Health", "p3": "Council", "p5": "Council",
                  "p4": "Community", "p6": "Community"})
    #             p1 p2 p3 p4 p5 p6
    s.rate("s7",  "445444")   # clear purpose: agreed
    s.rate("s8",  "425324")   # leadership accepted: clearly divergent
    s.rate("s9",  "555455")   # partnership is right: agreed
    s.rate("s10", "231332")   # time from own organisation: low, partly agreed
    s.rate("s11", "334334")
    s.rate("s12", "434334")
    s.rate("s13", "3343?4")   # housing does not know
    s.rate("s14", "212121")   # tell the story once: agreed that it is not so
    s.rate("s15", "?232?2")   # young carer heard: two don't-knows
    s.rate("s16", "443443")
    s.rate("s17", "425213")   # information shared promptly: clearly divergent
    s.rate("s18", "444343")
    s.rate("s19", "544442")   # every view counts: the charity is the lone dissenter
    s.rate("s20", "3233?3")
    s.rate("s21", "223222")   # milestones agreed: agreed that they are not
    s.rate("s22", "323223")
    s.rate("s23", "3333?3")
    s.rate("s24", "?23?2?")   # three don't-knows: only three answers
    s.rate("s25", "444445")
    s.rate("s26", "444335")
    s.rate("s27", "334333")
    s.rate("s28", "434434")
    # Aims: importance 1-5.
    s.rate("a29", "555545")   # Liam back in school: agreed
    s.rate("a30", "454334")
    s.rate("a31", "545455")   # safe, dry home: agreed
    s.rate("a32", "544334")
    s.rate("a33", "455445")   # one named contact: agreed
    s.rate("a34", "345335")
    s.rate("a35", "333354")
    s.agreed = {"a29", "a31", "a33"}

    # Own involvement / partner believed Accountable, per partner p1..p6.
    s.role("t36", "C/p3 R/p3 A/p3 C/p3 C/p3 C/p3")
    s.role("t37", "I/p2 C/p3 A/p3 C/p3 I/p6 R/p3")   # mismatch: p2 and p6 named too
    s.role("t38", "R/p3 R/p3 A/p3 R/p3 I/p3 R/p3")
    s.role("t39", "I C C C - R")                     # gap: nobody Accountable
    s.role("t40", "I/p4 I/p4 A   A/p4 -    R/p4")    # overlap: school and social worker
    s.role("t41", "A/p1 I/p1 I/p1 -/p1 I/p1 R/p1")
    s.role("t42", "C/p2 A/p2 I/p2 - - R/p2")
    s.role("t43", "I/p5 I/p5 C/p5 -/p5 A/p5 R/p5")
    s.role("t44", "- - I/p6 - R/p6 A/p6")
    s.role("t45", "C/p3 C/p3 A/p3 I/p3 I/p3 R/p3")
    s.charter_accountable = {"t36": "p3", "t43": "p5"}

    s.comments = {
        ("p1", 1): "We all want the same thing for the children. It is less clear who is in charge.",
        ("p2", 1): "I have been acting as lead because I see the family most, but nobody ever agreed that.",
        ("p4", 2): "Liam told his tutor he does not want to be \"a case\". We should ask him what would help.",
        ("p6", 2): "Joanne wants one person she can ring, not six.",
        ("p5", 3): "I only heard about the school's concerns at this meeting.",
        ("p6", 3): "Our staff are usually the last to hear about decisions, though Joanne talks to us most.",
        ("p3", 4): "The plan needs dates, not just actions.",
        ("p2", 5): "A joint review in three months would help us all.",
    }
    s.charter = {
        "title": "Riverside family support partnership charter",
        "purpose": "To give the Kerr family one joined-up plan, so that Liam is back in school, "
                   "Ruby's health is checked, and the family has a safe home they can afford.",
        "ground-rules": "Speak plainly and avoid jargon.\n"
                        "Share concerns about the children on the same day.\n"
                        "Give every partner a chance to speak before we decide.\n"
                        "Nothing about Joanne and Liam without Joanne and Liam.",
    }
    return s


def small_team():
    s = Session("standard")
    s.title = "Hillside neighbourhood team"
    s.date = "2025-10-02"
    s.current_stage = "lesson-1"
    # The standard template has no partners: they take the next ids.
    s.add_partner("Ann Lee", "Hillside Surgery", "Practice nurse", "#0072b2")
    s.add_partner("Ben Ward", "Hillside Council Adult Social Care", "Social worker", "#e69f00")
    s.add_partner("Cara Singh", "", "Service-user representative", "#009e73")
    first = s.lessons[0]["statements"]
    #                   Ann Ben Cara
    s.rate(first[0][0], "443")
    s.rate(first[1][0], "35?")
    s.rate(first[2][0], "551")
    s.comments = {(s.partners[2]["id"], 1): "Nobody has asked patients whether they want this."}
    s.role(s.tasks[0][0], "R/%s A/%s ." % (s.partners[1]["id"], s.partners[1]["id"]))
    return s


def main():
    samples = os.path.join(ROOT, "data", "samples")
    readme = ["# Sample sessions", "",
              "Written by `build-aux/make-samples.py` (edit the tables there, not the files).",
              "The figures below are worked out by that script from PRODUCT.md's rules,",
              "independently of the C analysis, for other tests to compare against.",
              "Answers are listed in partner order; `?` is don't-know, `.` not answered.",
              "Consensus is Tastle-Wierman on the 1-5 answers; median of an even count is",
              "the mean of the middle two.", ""]
    for name, build in (("riverside-family", riverside_family), ("small-team", small_team)):
        session = build()
        session.write(os.path.join(samples, name + ".commonground"))
        readme += summary(session, name + ".commonground")
    with open(os.path.join(samples, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(readme))
    return 0


if __name__ == "__main__":
    sys.exit(main())
