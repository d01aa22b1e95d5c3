"""PCC and PFCC responses: the recommendation-to-action table, one row per action.

Tables come as rows of cells (a Word table, tab-separated text, Markdown pipes, or the ruled tables of a
PDF): recommendation or area for improvement | the force's and the Commissioner's response and actions |
status. A row whose first cell is empty continues the recommendation above; a cell holding several bullets
holds several actions; the status column ("Complete", "In progress", "Ongoing – on track") is kept as
printed. A merged row (one text across the table) is no action: a cause of concern's text, or the heading of
the area the rows below it answer.
"""

from __future__ import annotations

import re

from ..model import Document
from ..text import clean_line
from ..vocab import area_key

SPLIT_BULLETS = re.compile(r"\s*(?:[•●▪\uf0b7\uf0a7]|\(cid:127\)|(?:^|\n)\s*[-–*]\s)\s*")
CAUSE = re.compile(r"^(?:accelerated )?cause of concern\b\W*(?P<rest>.*)$", re.I)
RECOMMENDATION = re.compile(r"^recommendation\s*\d*\s*[:.–-]\s*", re.I)
STATUS_HEADER = re.compile(r"\bstatus\b|\bprogress\b|\bRAG\b", re.I)


def _actions(cell: str) -> list[str]:
    parts = [clean_line(p) for p in SPLIT_BULLETS.split(cell)]
    return [p for p in parts if p and not re.fullmatch(r"[\W_]+", p)]


def _is_header(row: list[str]) -> bool:
    """A header row: short labels naming the recommendation (or area for improvement) and the actions."""
    if any(len(c or "") > 90 or (c or "").rstrip().endswith(".") for c in row):
        return False
    low = " ".join(c or "" for c in row).lower()
    return ("recommendation" in low or "area for improvement" in low) and ("action" in low or "response" in low)


def _cause_area(text: str) -> str | None:
    """'Cause of concern – Responding to the public: The force ...': the area named before the colon."""
    rest = CAUSE.match(text).group("rest")
    return area_key(rest.split(":", 1)[0]) if ":" in rest else area_key(rest)


def _finding(kind: str, area: str | None, text: str, page: int, evidence: str) -> dict:
    return {"area": area, "kind": kind, "text": text, "page": page, "evidence": evidence}


def extract_pcc_actions(doc: Document, info: dict) -> tuple[list[dict], list[dict]]:
    """Returns (pcc_actions rows, findings rows: the recommendations, areas for improvement and causes of
    concern the response answers)."""
    if info.get("doc_type") != "pcc_response":
        return [], []
    actions: list[dict] = []
    findings: list[dict] = []
    head = " ".join(line for _, line in list(doc.lines())[:40])
    subject = area_key(info.get("title") or "") or area_key(head[:1500]) or None
    header: list[str] | None = None
    status_col = None
    current = None
    group_area, in_cause = subject, False
    for page, table in doc.tables():
        # A table of as many columns as the last one, with no header of its own, continues it on a new page.
        if header is not None and not (table and len(table[0]) == len(header) and not _is_header(table[0])):
            header, current, group_area, in_cause = None, None, subject, False
        for cells in table:
            cells = [c or "" for c in cells]
            if _is_header(cells):
                header = [clean_line(c) for c in cells]
                status_col = next((i for i, c in enumerate(header) if i and STATUS_HEADER.search(c)), None)
                current, group_area, in_cause = None, subject, False
                continue
            if header is None:
                continue
            filled = [clean_line(c) for c in cells if clean_line(c)]
            if not filled:
                continue
            evidence = " | ".join(dict.fromkeys(filled))
            alone = len(filled) == 1 and clean_line(cells[0]) and len(cells) > 1
            heading_alone = alone and (
                CAUSE.match(filled[0]) or (len(filled[0].split()) <= 12 and "should" not in filled[0])
            )
            # A merged row: its text repeated across the cells (Word, HTML), or alone in the first cell (a PDF).
            if (len(set(filled)) == 1 and len(filled) > 1) or heading_alone:
                text = filled[0]
                if CAUSE.match(text):
                    in_cause, group_area = True, _cause_area(text) or subject
                    findings.append(_finding("cause_of_concern", group_area, text, page, evidence))
                else:
                    in_cause, group_area = False, area_key(text) or subject
                current = None
                continue
            first = clean_line(cells[0])
            if first:
                current = first
                is_rec = (
                    bool(RECOMMENDATION.match(first))
                    or in_cause
                    or "area for improvement" not in " ".join(header).lower()
                )
                kind = "recommendation" if is_rec else "area_for_improvement"
                findings.append(_finding(kind, group_area, first, page, evidence))
            if current is None:
                continue
            status = clean_line(cells[status_col]) if status_col is not None and status_col < len(cells) else ""
            for i, cell in enumerate(cells[1:], start=1):
                if i == status_col:
                    continue
                for action in _actions(cell):
                    actions.append(
                        {
                            "recommendation": current,
                            "action": action,
                            "status": status,
                            "page": page,
                            "evidence": evidence,
                        }
                    )
    return actions, findings
