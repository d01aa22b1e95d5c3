"""Grades stated by the structure: a heading with its grade in it or followed by one.

- "Investigating crime: Good", or the heading "Investigating crime" then a block "Good" (and perhaps "last
  inspected 2017" after it): the heading's area;
- "Summary of findings" then "Good" (a box at the END of a question's section, 2015-16): the grade of the
  section's question, the outermost enclosing heading that names an area;
- "Overall judgment" then "Good": the report's (or the enclosing pillar's) overall grade;
- a pillar's name alone ("Effectiveness") then "Good" (2018/19): that pillar's overall grade.
Headings under "Contents" are left out (a contents page repeats the questions, not their grades). A grade
after a heading that names no area we know is a failed check naming the document's block and the rule.
"""

from __future__ import annotations

import re

from ..structure import Node, enclosing
from ..text import clean_line
from .areas import area_key
from .grade_tables import judgment
from .grammar import LAST_INSPECTED, OVERALL, SUMMARY, grade_cell, label_grade, pillar_heading, pillar_of

CONTENTS = re.compile(r"^(?:contents|table of contents)\W*$", re.I)
RULE = "a heading (or 'Summary of findings', 'Overall judgment') with a grade in it or in the block after it"


def _in_contents(node: Node) -> bool:
    return CONTENTS.match(node.text.strip()) is not None or any(CONTENTS.match(h.text.strip()) for h in node.path)


def _section_area(node: Node) -> tuple[str, str] | None:
    """The question a "Summary of findings" box belongs to: the outermost enclosing heading naming an area."""
    hit = enclosing(node, area_key, outermost=True)
    return (hit[0], clean_line(hit[1].text)) if hit else None


def _grade_after(nodes: list[Node], i: int) -> tuple[str, bool, str | None, int] | None:
    """(grade, starred, year, index of the last block read) when the block after ``i`` is a grade."""
    if i + 1 >= len(nodes) or nodes[i + 1].kind == "table":
        return None
    hit = grade_cell(nodes[i + 1].text)
    if hit is None:
        return None
    grade, starred, year = hit
    last = i + 1
    if year is None and i + 2 < len(nodes) and (more := LAST_INSPECTED.match(clean_line(nodes[i + 2].text))):
        year, last = more.group(1), i + 2
    return grade, starred, year, last


def heading_grades(nodes: list[Node], pillar: str | None) -> tuple[list[dict], list[dict]]:
    """(judgment rows, failed checks) from headings and the blocks after them. ``pillar``: the report's."""
    rows: list[dict] = []
    checks: list[dict] = []
    for i, node in enumerate(nodes):
        b = node.block
        text = clean_line(b.text)
        short = len(text.split()) <= 16
        if b.kind == "table" or not text or _in_contents(node):
            continue
        if b.kind != "heading" and not (short and (SUMMARY.match(text) or OVERALL.match(text) or label_grade(text))):
            continue
        own = label_grade(text)
        if own:
            label, grade, starred = own
            year, evidence = None, text
            if dated := re.match(r"^(.*?)\s+((?:19|20)\d\d)$", label):  # "Overall effectiveness 2017  Good"
                label, year = dated.group(1), dated.group(2)
        else:
            after = _grade_after(nodes, i)
            if after is None:
                continue
            grade, starred, year, last = after
            label = re.sub(r"\s*\d{1,2}$", "", text)  # a footnote number run into the heading
            evidence = " | ".join(clean_line(n.text) for n in nodes[i : last + 1])
        page = b.page
        area_pillar = pillar_heading(label)
        if OVERALL.match(label):
            key, label_out, row_pillar = "overall", label, pillar_of(label) or _enclosing_pillar(node) or pillar
        elif SUMMARY.match(label):
            found = _section_area(node)
            if found is None:
                checks.append(_failed(label, page, evidence))
                continue
            key, label_out = found
            row_pillar = pillar_of(label_out) if key == "overall" else None
        elif area_pillar:
            key, label_out, row_pillar = "overall", label, area_pillar
        else:
            key, label_out = area_key(label), label
            row_pillar = (pillar_of(label) or pillar) if key == "overall" else None
            if key is None:
                if b.kind == "heading":
                    checks.append(_failed(label, page, evidence))
                continue
        rows.append(judgment(key, label_out, grade, page, evidence, year, "heading", row_pillar))
        rows[-1]["_starred"] = starred
    return rows, checks


def _enclosing_pillar(node: Node) -> str | None:
    for heading in reversed(node.path):
        if name := pillar_heading(heading.text):
            return name
    return None


def _failed(label: str, page: int, evidence: str) -> dict:
    return {
        "check": f"judgment_area_known:{label[:60]}",
        "passed": False,
        "detail": f"page {page}: a grade follows the heading {label!r} but no area matched ({RULE}): {evidence[:120]}",
    }
