"""PCC responses: the recommendation-to-action table, one row per action.

Tables come as rows of cells (tab-separated text, Markdown pipes, or the ruled tables of a PDF). A row
whose first cell is empty continues the recommendation above; a cell holding several bullets holds
several actions.
"""

from __future__ import annotations

import re

from ..model import Document
from ..text import clean_line
from .areas import area_key

SPLIT_BULLETS = re.compile(r"\s*(?:[•●▪\uf0b7\uf0a7]|\(cid:127\)|(?:^|\n)\s*[-–*]\s)\s*")


def _actions(cell: str) -> list[str]:
    parts = [clean_line(p) for p in SPLIT_BULLETS.split(cell)]
    return [p for p in parts if p and not re.fullmatch(r"[\W_]+", p)]


def _is_header(row: list[str]) -> bool:
    low = " ".join(row).lower()
    return "recommendation" in low and ("action" in low or "response" in low)


def extract_pcc_actions(doc: Document, info: dict) -> tuple[list[dict], list[dict]]:
    """Returns (pcc_actions rows, findings rows of kind 'recommendation')."""
    if info.get("doc_type") != "pcc_response":
        return [], []
    actions: list[dict] = []
    recs: list[dict] = []
    head = " ".join(line for _, line in list(doc.lines())[:40])
    subject = area_key(info.get("title") or "") or area_key(head[:1500]) or None
    for page, table in doc.tables():
        header_seen = False
        current = None
        for cells in table:
            cells = [c or "" for c in cells]
            if _is_header(cells):
                header_seen = True
                continue
            if not header_seen or len(cells) < 2:
                continue
            first = clean_line(cells[0])
            if first:
                current = first
                recs.append(
                    {
                        "area": subject,
                        "kind": "recommendation",
                        "text": current,
                        "page": page,
                        "evidence": " | ".join(clean_line(c) for c in cells if clean_line(c))[:300],
                    }
                )
            if current is None:
                continue
            for cell in cells[1:]:
                for action in _actions(cell):
                    actions.append(
                        {
                            "recommendation": current,
                            "action": action,
                            "page": page,
                            "evidence": " | ".join(clean_line(c) for c in cells if clean_line(c))[:300],
                        }
                    )
    return actions, recs
