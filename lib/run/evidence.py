"""Evidence pages without a kernel: ``reports/evidence/<doc_id>.html`` for every document, one section per
page (``id="page-N"``, the link contract of ``lib.analysis.evidence``) listing each grade, figure, finding
and PCC action read from that page beside the sentence or table row it came from."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..analysis.evidence import EVIDENCE_DIR, evidence_file, page_anchor
from .html import blank, document_label, render, write_atomic
from .sources import printed_address, source_href, web_href

DOC_TYPES = {
    "peel_report": "PEEL inspection report",
    "pcc_response": "Police and Crime Commissioner's response",
    "pcc_statement": "Police and Crime Commissioner's statement",
    "force_statement": "Force's statement",
    "pcc_bulletin": "Police and Crime Commissioner's bulletin",
    "unknown": "not a document the workbook knows",
}
KINDS = {
    "area_for_improvement": "Area for improvement",
    "cause_of_concern": "Cause of concern",
    "recommendation": "Recommendation",
}


def by_document(tables: dict[str, pd.DataFrame]) -> dict[str, dict[str, list[dict]]]:
    """Every table's rows grouped by document, once: ``{table: {doc_id: [row, ...]}}``."""
    grouped: dict[str, dict[str, list[dict]]] = {}
    for name, df in tables.items():
        if name == "documents" or df is None or "doc_id" not in df:
            continue
        rows: dict[str, list[dict]] = {}
        for r in df.to_dict("records"):
            rows.setdefault(r["doc_id"], []).append(r)
        grouped[name] = rows
    return grouped


def _rows(grouped: dict[str, dict[str, list[dict]]], name: str, doc_id: str) -> list[dict]:
    return grouped.get(name, {}).get(doc_id, [])


def _judgment(r: dict) -> dict:
    value = blank(r.get("grade"))
    last = blank(r.get("last_inspected"))
    if last and last != blank(r.get("year")):
        value += f" (carried over from the {last} inspection)"
    what = blank(r.get("area_label")) or blank(r.get("area")).replace("_", " ")
    return {"kind": "Grade", "what": what, "value": value}


def _figure(r: dict) -> dict:
    value = " ".join(x for x in (blank(r.get("value")), blank(r.get("unit"))) if x)
    if blank(r.get("england_wales")):
        value += f"; England and Wales {blank(r['england_wales'])}"
    if blank(r.get("period")):
        value += f" ({blank(r['period'])})"
    return {"kind": "Figure", "what": blank(r.get("label")) or blank(r.get("indicator")), "value": value}


def _finding(r: dict) -> dict:
    kind = KINDS.get(blank(r.get("kind")), blank(r.get("kind")).replace("_", " ").capitalize() or "Finding")
    area = blank(r.get("area")).replace("_", " ")
    return {"kind": kind, "what": area[:1].upper() + area[1:], "value": blank(r.get("text"))}


def _action(r: dict) -> dict:
    value = blank(r.get("action"))
    if blank(r.get("status")):
        value += f" (status: {blank(r['status'])})"
    return {"kind": "PCC action", "what": blank(r.get("recommendation")), "value": value}


VALUES = (("judgments", _judgment), ("indicators", _figure), ("findings", _finding), ("pcc_actions", _action))


def facts(doc: dict) -> list[tuple[str, str]]:
    """The document's particulars, in the order a reader asks for them (empty ones left out)."""
    pairs = [
        ("Type", DOC_TYPES.get(blank(doc.get("doc_type")), blank(doc.get("doc_type")))),
        ("Force", blank(doc.get("force"))),
        ("Cycle", blank(doc.get("cycle"))),
        ("Year", blank(doc.get("year"))),
        ("Pillar", blank(doc.get("pillar"))),
        ("Inspectorate", blank(doc.get("inspectorate"))),
        ("Published", blank(doc.get("published"))),
        ("Source file", blank(doc.get("source"))),
        ("Pages read", blank(doc.get("pages"))),
        ("Status", blank(doc.get("status"))),
    ]
    return [(k, v) for k, v in pairs if v]


def page_sections(grouped: dict, doc_id: str) -> list[dict]:
    """One section per page holding values (in page order; "Page 7 (printed as page 5)" where the page prints
    another number), then the values without a page."""
    by_page: dict[int | None, list[dict]] = {}
    labels: dict[int, str] = {}  # the page's number as printed, where it is printed
    for name, shape in VALUES:
        for r in _rows(grouped, name, doc_id):
            page = r.get("page")
            page = None if blank(page) == "" else int(page)
            by_page.setdefault(page, []).append({**shape(r), "evidence": blank(r.get("evidence"))})
            if page is not None and blank(r.get("page_label")):
                labels[page] = blank(r.get("page_label"))
    sections = []
    for page in sorted(p for p in by_page if p is not None):
        printed = labels.get(page, "")
        heading = f"Page {page}" + (f" (printed as page {printed})" if printed and printed != str(page) else "")
        sections.append({"anchor": page_anchor(page), "heading": heading, "rows": by_page[page]})
    if None in by_page:
        sections.append({"anchor": "no-page", "heading": "Values without a page", "rows": by_page[None]})
    return sections


def _counts(grouped: dict, doc_id: str) -> str:
    parts = []
    for name, word in (("judgments", "grades"), ("indicators", "figures"), ("findings", "findings")):
        n = len(_rows(grouped, name, doc_id))
        if n:
            parts.append(f"{n} {word}")
    n = len(_rows(grouped, "pcc_actions", doc_id))
    if n:
        parts.append(f"{n} PCC actions")
    return ("Read from this document: " + ", ".join(parts) + ".") if parts else ""


def evidence_page(grouped: dict, doc: dict, source: str = "", address: str = "") -> str:
    """One document's evidence page (``grouped``: ``by_document(tables)``); ``source``: the link to the file
    as given (relative to the page), ``address``: the web address the document prints ("" for none)."""
    doc_id = doc["doc_id"]
    checks = _rows(grouped, "checks", doc_id)
    failed = [
        {"check": blank(c.get("check")), "detail": blank(c.get("detail"))} for c in checks if c.get("passed") is False
    ]
    view = {"title": document_label(doc), "facts": facts(doc), "error": blank(doc.get("error"))}
    view.update(source=source, source_name=blank(doc.get("source")), address=address)
    if source:  # the file's name is the link to it, in its place among the facts
        view["facts"] = [(k, v) for k, v in view["facts"] if k != "Source file"]
    view["address_href"] = web_href(address) if address else ""
    return render(
        "evidence.html",
        doc=view,
        failed_checks=failed,
        checks_run=len(checks),
        counts=_counts(grouped, doc_id),
        sections=page_sections(grouped, doc_id),
    )


def write_evidence_pages(
    tables: dict[str, pd.DataFrame], reports: Path, sources: dict[str, Path] | None = None, public: Path | None = None
) -> list[Path]:
    """``reports/evidence/<doc_id>.html`` for every row of ``documents``; returns the files. ``sources``: each
    document's file (doc_id to path), linked from its page relative to ``public`` (the evidence folder as
    readers open it, ``OUT/reports/evidence``; the folder written when not given), with the web address the
    document prints."""
    folder = Path(reports) / EVIDENCE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    grouped = by_document(tables)
    written = []
    for doc in tables["documents"].to_dict("records"):
        path = folder / evidence_file(doc["doc_id"])
        file = (sources or {}).get(doc["doc_id"])
        link = source_href(file, public or folder) if file is not None else ""
        address = printed_address(file) if file is not None and blank(doc.get("status")) == "ok" else ""
        write_atomic(path, evidence_page(grouped, doc, link, address))
        written.append(path)
    return written
