"""Areas for improvement, causes of concern and recommendations, each whole, under the area it belongs to.

The rules read the structure (``lib/extract/findings_blocks.py``): a list under its heading ("Areas for
improvement", "Cause of concern", "Recommendations"), numbered "Area for improvement 1: ...", a cause of
concern's box with its recommendations. Sub-items stay inside their parent. One row per finding: a finding the
report prints twice (a summary and its section) is one row, with the area of the section that holds it (a
heading it stands under) before an area found nearby, and any area before none.
"""

from __future__ import annotations

import re

from ..model import Document
from ..structure import document_outline
from .citations import clean_citations
from .findings_blocks import block_findings
from .rule_rows import Finding

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def _key(text: str) -> str:
    return _NOT_WORD.sub(" ", text.lower()).strip()[:70]


def extract_findings(doc: Document, info: dict) -> list[dict]:
    """The findings of an inspectorate's report, one row per item, in reading order."""
    if info.get("doc_type") != "peel_report":
        return []  # a PCC response's recommendations come from its table (lib.extract.pcc)
    found: list[Finding] = []
    seen: dict[tuple[str, str], Finding] = {}
    rows = block_findings(document_outline(doc))
    cleaned = iter(clean_citations([t for row in rows for t in (row.text, row.evidence)]))
    for row in rows:
        row.text, row.evidence = next(cleaned), next(cleaned)
        key = (row.kind, _key(row.text))
        if key in seen:
            kept = seen[key]
            if kept.area is None or (row.enclosed and row.area and not kept.enclosed):
                kept.area, kept.enclosed = row.area, row.enclosed
            continue
        seen[key] = row
        found.append(row)
    return [row.row() for row in found]
