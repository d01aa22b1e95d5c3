"""The front page, ``reports/index.html``: the run (date, versions), the corpus by type, force and cycle,
what failed and why, every report, every document's evidence page, the tidy tables and the Excel workbook."""

from __future__ import annotations

import html
import re
from collections import Counter
from datetime import datetime
from pathlib import Path

import pandas as pd

from .. import EXTRACTOR_VERSION, __version__
from .. import tables as T
from ..analysis.evidence import EVIDENCE_DIR, evidence_href
from .dictionary import TABLE_DESCRIPTIONS
from .evidence import DOC_TYPES
from .export import WORKBOOK
from .frontpage import CHECKS_PAGE, check_lines, latest_grid, write_checks_page
from .html import blank, document_label, render, write_atomic

SECTIONS = [
    ("20-", "Force profiles"),
    ("30-", "Forces compared"),
    ("40-", "Recommendation tracker"),
    ("00-", "The corpus"),
    ("10-", "Single documents"),
]


def _read(data: Path, name: str) -> pd.DataFrame | None:
    try:
        return T.read(data, name)
    except (OSError, ValueError, KeyError):  # a table this run did not write
        return None


def _html_title(path: Path) -> str:
    m = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8", errors="replace")[:5000], re.S)
    return html.unescape(m.group(1).strip()) if m else path.stem


def _period(doc: dict) -> str:
    return blank(doc.get("cycle")) or blank(doc.get("year"))


def _corpus(docs: list[dict], has_cycle: bool) -> dict:
    by_type = Counter(DOC_TYPES.get(blank(d.get("doc_type")), blank(d.get("doc_type")) or "unknown") for d in docs)
    by_force = Counter(blank(d.get("force")) or "no force named" for d in docs)
    by_period = Counter(_period(d) or "no year found" for d in docs)
    forces = len([f for f in by_force if f != "no force named"])
    failed = sum(1 for d in docs if blank(d.get("status")) != "ok")
    sentence = f"{len(docs)} documents about {forces} force{'s' if forces != 1 else ''}"
    sentence += f"; {failed} could not be read." if failed else "; every one was read."
    return {
        "sentence": sentence,
        "by_type": by_type.most_common(),
        "by_force": sorted(by_force.items()),
        "by_period": sorted(by_period.items()),
        "period_name": "cycle" if has_cycle else "year",
    }


def _reports(reports: Path, titles: dict[str, str], failures: dict[str, str]) -> list[dict]:
    pages = sorted(reports.glob("*.html"), key=lambda p: p.stem)  # "40-…" (every force) before "40-…-kent-police"
    found = {p.stem: p for p in pages if p.name not in ("index.html", CHECKS_PAGE)}
    sections = []
    for prefix, heading in [*SECTIONS, ("", "Other reports")]:
        names = [n for n in found if n.startswith(prefix)]
        for n in names:
            found_path = found.pop(n)
            if not sections or sections[-1]["heading"] != heading:
                sections.append({"heading": heading, "reports": []})
            title = titles.get(n) or _html_title(found_path)
            sections[-1]["reports"].append({"href": f"{n}.html", "title": title, "failed": failures.get(n, "")})
    return sections


def write_index(
    out: Path,
    seeds: Path | None = None,
    notebook_titles: dict[str, str] | None = None,
    notebook_failures: dict[str, str] | None = None,
) -> Path:
    """Write ``out/reports/index.html`` from what ``out`` holds (``out``: a run folder or an output folder)."""
    out = Path(out)
    reports, data = out / "reports", out / "data"
    titles, failures = notebook_titles or {}, notebook_failures or {}
    documents = _read(data, "documents")
    docs = documents.to_dict("records") if documents is not None else []
    by_id = {d["doc_id"]: d for d in docs}
    checks = _read(data, "checks")
    failed_checks = check_lines(checks, by_id)
    checks_page = write_checks_page(reports, checks, by_id)
    failed_documents = [
        {"label": document_label(d), "href": evidence_href(d["doc_id"]), "error": blank(d.get("error"))}
        for d in docs
        if blank(d.get("status")) != "ok"
    ]
    ordered = sorted(docs, key=lambda d: (blank(d.get("force")) or "~", _period(d), document_label(d)))
    has_evidence = (reports / EVIDENCE_DIR).is_dir()
    rows = [
        {
            "href": evidence_href(d["doc_id"]) if has_evidence else "",
            "title": blank(d.get("title")) or blank(d.get("source")),
            "source": blank(d.get("source")),
            "type": DOC_TYPES.get(blank(d.get("doc_type")), blank(d.get("doc_type"))),
            "force": blank(d.get("force")),
            "period": _period(d),
            "published": blank(d.get("published")),
            "status": "read" if blank(d.get("status")) == "ok" else f"not read: {blank(d.get('error'))}",
            "failed": blank(d.get("status")) != "ok",
        }
        for d in ordered
    ]
    tables = []
    for name in T.COLUMNS:
        links = [(fmt, f"../data/{name}.{ext}") for fmt, ext in (("CSV", "csv"), ("Parquet", "parquet"))]
        links = [(label, href) for label, href in links if (reports / href).is_file()]
        if links:
            df = documents if name == "documents" else _read(data, name)
            tables.append(
                {
                    "name": name,
                    "description": TABLE_DESCRIPTIONS.get(name, ""),
                    "rows": f"{len(df):,}" if df is not None else "",
                    "links": links,
                }
            )
    derived = (
        [
            (p.relative_to(reports / "tables").as_posix(), p.relative_to(reports).as_posix())
            for p in sorted((reports / "tables").rglob("*.csv"))
        ]
        if (reports / "tables").is_dir()
        else []
    )
    failed_reports = [(n, e) for n, e in failures.items() if not (reports / f"{n}.html").is_file()]
    text = render(
        "index.html",
        run_date=datetime.now().astimezone().strftime("%d %B %Y, %H:%M %Z").lstrip("0"),
        seeds=str(seeds) if seeds else "",
        version=__version__,
        extractor=EXTRACTOR_VERSION,
        corpus=_corpus(docs, documents is not None and "cycle" in documents.columns),
        problems=bool(failed_documents or failed_checks or failed_reports),
        failed_documents=failed_documents,
        failed_checks=failed_checks,
        checks_page=checks_page,
        grid=latest_grid(_read(data, "judgments")),
        compare="30-compare-forces.html" if (reports / "30-compare-forces.html").is_file() else "",
        failed_reports=failed_reports,
        report_sections=_reports(reports, titles, failures),
        documents=rows,
        tables=tables,
        workbook=f"../data/{WORKBOOK}" if (data / WORKBOOK).is_file() else "",
        derived=derived,
    )
    index = reports / "index.html"
    write_atomic(index, text)
    return index
