"""Grades of an earlier inspection that a report prints beside its own: "Investigating crime" then
"Requires improvement (2021/22)" under "How grades have changed since our 2021/22 inspection".

They are evidence of that earlier cycle, never this report's judgments (``judgments.csv`` does not hold them):
the comparison's change over time uses one, marked "as printed in <report>", where the corpus lacks the earlier
report itself.
"""

from __future__ import annotations

import re

from ..structure import Node
from ..text import clean_line
from ..vocab import G, area_key, grade_name

# A grade with the cycle or year it was given, in brackets: "Good (2021/22)", "Requires improvement (2019)".
PRIOR_CELL = re.compile(
    rf"^\W*(?P<grade>{G})\W*\(\s*(?P<cycle>(?:19|20)\d\d(?:\s*[/–-]\s*\d\d(?:\d\d)?)?)\s*\)\W*$", re.I
)


def prior_cell(text: str) -> tuple[str, str] | None:
    """(grade, cycle as printed) of a block that is a grade with its earlier cycle in brackets, else None."""
    if ")" not in text:  # most blocks: no bracket, nothing to normalise
        return None
    hit = PRIOR_CELL.match(" ".join(text.split()))
    return (grade_name(hit.group("grade")), hit.group("cycle").replace(" ", "")) if hit else None


def prior_grades(nodes: list[Node], year: int | None) -> list[dict]:
    """Every earlier grade a report prints: a name of an area, then its grade with an earlier cycle (a
    cycle that starts before the report's own ``year``)."""
    rows = []
    for i, node in enumerate(nodes[1:], start=1):
        cell = prior_cell(node.text)
        if cell is None or nodes[i - 1].kind == "table":
            continue
        grade, cycle = cell
        if year and int(cycle[:4]) >= year:
            continue  # this report's own year: not an earlier grade
        label = clean_line(nodes[i - 1].text)
        key = area_key(label)
        if key is None or len(label.split()) > 16:
            continue
        rows.append(
            {
                "area": key,
                "area_label": label,
                "grade": grade,
                "grade_cycle": cycle,
                "page": node.block.page,
                "evidence": f"{label} | {clean_line(node.text)}",
            }
        )
    return rows
