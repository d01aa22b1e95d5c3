"""What the front page shows before anything else, and the page of failed checks it links to:

- the grade grid of the latest cycle (``lib.analysis.grid``), each cell coloured by its grade;
- the failed checks folded into a line per document in plain words ("3 of 10 graded areas not found"), the
  full list (rule, page, what did not match) on ``reports/checks.html``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from ..analysis import grid
from ..analysis.evidence import evidence_href
from ..vocab import GRADE_COLOURS, GRADE_INK
from .html import blank, document_label, render, write_atomic

CHECKS_PAGE = "checks.html"
# A failed check, by the rule before its first ":", in plain words: (one, several).
PLAIN = {
    "judgment_agrees": ("a grade printed twice disagrees", "{n} grades printed twice disagree"),
    "judgments_found": ("no grade found", "no grade found"),
    "judgment_area_known": ("a graded area not recognised", "{n} graded areas not recognised"),
    "graded_count": ("the number of graded areas the report states is not the number found", ""),
    "figure_agrees": ("a figure printed twice disagrees", "{n} figures printed twice disagree"),
    "outcome_total": ("an outcome total does not add up", "{n} outcome totals do not add up"),
    "table_parsed": ("a table not read", "{n} tables not read"),
    "pcc_actions_found": ("no actions found in the response", "no actions found in the response"),
    "summary_read": ("a graded area of the report's summary not read", ""),
    "figure_plausible": (
        "a figure implausible against England and Wales",
        "{n} figures implausible against England and Wales",
    ),
    "cause_count": ("the number of causes of concern the report states is not the number found", ""),
    "findings_found": ("an 'Areas for improvement' heading without its items", ""),
    "tracker_status_known": ("a status the tracker does not know", "{n} statuses the tracker does not know"),
    "tracker_override": ("an override of the tracker not applied", "{n} overrides of the tracker not applied"),
}


def _rule(check: object) -> str:
    return blank(check).split(":", 1)[0]


def plain_summary(checks: pd.DataFrame) -> str:
    """One document's checks, failed ones in plain words: "3 of 10 graded areas not found; a grade printed
    twice disagrees" ("" when every check passed)."""
    failed = checks[checks["passed"] == False]  # noqa: E712  a nullable boolean column
    if failed.empty:
        return ""
    parts = []
    present = checks[[_rule(c) == "judgment_present" for c in checks["check"]]]
    missing = int((present["passed"] == False).sum())  # noqa: E712
    if missing:
        parts.append(f"{missing} of {len(present)} graded areas not found")
    for rule, n in Counter(_rule(c) for c in failed["check"]).items():
        if rule == "judgment_present":
            continue
        one, several = PLAIN.get(rule, (f"a check failed ({rule})", f"{{n}} checks failed ({rule})"))
        parts.append(one if n == 1 else (several or one).format(n=n))
    return "; ".join(parts)


def check_lines(checks: pd.DataFrame | None, by_id: dict[str, dict]) -> list[dict]:
    """A line per document with a failed check: its label, its evidence page and the plain summary."""
    if checks is None or checks.empty:
        return []
    lines = []
    for doc_id, part in checks.groupby("doc_id", sort=False):
        summary = plain_summary(part)
        if summary:
            doc = by_id.get(doc_id, {"doc_id": doc_id})
            lines.append({"label": document_label(doc), "href": evidence_href(doc_id), "summary": summary})
    return sorted(lines, key=lambda d: d["label"])


def write_checks_page(reports: Path, checks: pd.DataFrame | None, by_id: dict[str, dict]) -> str:
    """``reports/checks.html``: every failed check, by document; returns its link ("" when none failed)."""
    if checks is None or checks.empty or not (checks["passed"] == False).any():  # noqa: E712
        (Path(reports) / CHECKS_PAGE).unlink(missing_ok=True)
        return ""
    documents = []
    for doc_id, part in checks[checks["passed"] == False].groupby("doc_id", sort=False):  # noqa: E712
        doc = by_id.get(doc_id, {"doc_id": doc_id})
        rows = [{"check": blank(c["check"]), "detail": blank(c["detail"])} for c in part.to_dict("records")]
        documents.append({"label": document_label(doc), "href": evidence_href(doc_id), "checks": rows})
    documents.sort(key=lambda d: d["label"])
    write_atomic(Path(reports) / CHECKS_PAGE, render("checks.html", documents=documents))
    return CHECKS_PAGE


def latest_grid(judgments: pd.DataFrame | None) -> dict:
    """The grade grid of the latest cycle for the front page: its cycle, sentence, columns and rows of cells
    (each with its grade's colour)."""
    if judgments is None or judgments.empty:
        return {}
    cycle = grid.latest_cycle(judgments)
    if not cycle:
        return {}
    table = grid.grade_grid(judgments, cycle)
    rows = [
        {
            "force": r["force"],
            "cells": [
                {"grade": r[c], "colour": GRADE_COLOURS.get(r[c], ""), "ink": GRADE_INK.get(r[c], "black")}
                for c in table.columns[1:]
            ],
        }
        for r in table.to_dict("records")
    ]
    return {
        "cycle": cycle,
        "sentence": grid.grid_sentence(table, cycle),
        "columns": list(table.columns[1:]),
        "rows": rows,
    }
