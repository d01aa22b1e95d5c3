"""Where a value's evidence lives: every document has an evidence page, ``reports/evidence/<doc_id>.html``,
with one anchored section per page (``#page-<n>``) quoting the sentences and table rows values came from.
Reports live in ``reports/``, so the links are relative to it."""

from __future__ import annotations

from urllib.parse import quote

EVIDENCE_DIR = "evidence"  # under reports/


def evidence_file(doc_id: str) -> str:
    """The evidence page's file name inside ``reports/evidence/``."""
    return f"{quote(str(doc_id), safe='')}.html"


def page_anchor(page: object) -> str:
    """The id of a page's section on an evidence page ("" for no page)."""
    try:
        return f"page-{int(page)}"
    except (TypeError, ValueError):
        return ""


def evidence_href(doc_id: str, page: object = None, prefix: str = "") -> str:
    """Link to a document's evidence page (at the page's section when given), relative to ``reports/``;
    ``prefix`` ("../") for a page one folder down."""
    anchor = page_anchor(page)
    return f"{prefix}{EVIDENCE_DIR}/{evidence_file(doc_id)}" + (f"#{anchor}" if anchor else "")
