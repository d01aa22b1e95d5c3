"""One document as the extract-one-report template shows it: the document to read, its tables, the printed
words each value came from (quoted lines for text, the values boxed on PDF page images: see ``charts``)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

from .. import paths
from .. import tables as T
from ..model import ReadError
from ..readers import read_document
from ..tables import ROW_TABLES
from .findings import is_improvement

SKIP_NAMES = {"manifest.csv", "manifest.json", ".gitkeep"}


def document_path(document: str = "") -> Path:
    """The document a template reads ("" = the first document of ``seeds/``)."""
    if document:
        path = Path(document)
        if not path.is_file():
            raise FileNotFoundError(f"no such document: {document}")
        return path
    docs = [
        p
        for p in sorted(paths.SEEDS.rglob("*"))
        if p.is_file()
        and p.name.lower() not in SKIP_NAMES
        and not p.relative_to(paths.SEEDS).as_posix().startswith(".")
    ]
    if not docs:
        raise FileNotFoundError(f"no documents in {paths.SEEDS}")
    return docs[0]


def read_quietly(path: Path):
    """The document through the workbook's reader (redacted), or None when it cannot be read."""
    try:
        return read_document(path)
    except ReadError:
        return None


def tables_of(result: dict) -> dict[str, pd.DataFrame]:
    """One document's result (``lib.pipeline.process_document``) as the tidy tables, with the contract's columns."""
    out = {"documents": T.frame("documents", [result["document"]])}
    for name in ROW_TABLES:
        out[name] = T.frame(name, result[name])
    return out


def extracted_sentences(t: dict[str, pd.DataFrame]) -> list[str]:
    counts = {name: len(t[name]) for name in ("judgments", "indicators", "findings", "pcc_actions")}
    afis = sum(is_improvement(k) for k in t["findings"]["kind"])
    out = [
        f"Extracted {counts['judgments']} judgments, {counts['indicators']} figures, {counts['findings']} findings "
        f"({afis} areas for improvement) and {counts['pcc_actions']} PCC actions."
    ]
    ew = int(t["indicators"]["england_wales"].notna().sum())
    if counts["indicators"]:
        out.append(f"{ew} of the {counts['indicators']} figures are printed with an England and Wales figure.")
    return out


_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?%?")


def printed_number(value: float, evidence: str) -> str | None:
    """The token of ``evidence`` that prints ``value`` ("17,130", "11%"), or None."""
    for token in _NUMBER.findall(evidence or ""):
        try:
            if abs(float(token.replace(",", "").rstrip("%")) - float(value)) < 1e-9:
                return token
        except ValueError:
            continue
    return None


def pdf_needles(t: dict[str, pd.DataFrame]) -> dict[int, dict[str, list[str]]]:
    """Per page, the printed strings to box: grades, figures (as printed), the first words of findings."""
    pages: dict[int, dict[str, list[str]]] = {}

    def add(page, kind, text):
        if pd.notna(page) and text:
            pages.setdefault(int(page), {}).setdefault(kind, []).append(str(text))

    for _, r in t["judgments"].iterrows():
        add(r["page"], "judgment", r["grade"])
    for _, r in t["indicators"].iterrows():
        add(r["page"], "figure", printed_number(r["value"], r["evidence"]) if pd.notna(r["value"]) else None)
        if pd.notna(r["england_wales"]):
            add(r["page"], "figure", printed_number(r["england_wales"], r["evidence"]))
    for _, r in t["findings"].iterrows():
        add(r["page"], "finding", " ".join(str(r["evidence"] or r["text"] or "").split()[:5]))
    return pages


def _locate(doc, page: int | None, evidence: str) -> tuple[int | None, int | None, list[str]]:
    """(page, line number, printed lines) where the evidence starts in the document, matching the longest
    prefix of the evidence first (so a table row wins over the contents line that names the same area).
    The lines are the reader's (redacted) text."""
    squeeze = lambda s: re.sub(r"\W+", "", s.lower())  # noqa: E731
    target = squeeze(str(evidence or ""))
    if not target:
        return page, None, []
    candidates = [p for p in doc.pages if page is None or p.number == page] or doc.pages
    sizes = list(dict.fromkeys((min(len(target), 80), min(len(target), 40), min(len(target), 20))))
    # A line that starts with the evidence; a line the evidence starts with (wrapped text); a line holding it.
    tests = (
        [lambda sq, n=n: sq.startswith(target[:n]) for n in sizes]
        + [lambda sq: len(sq) >= 12 and target.startswith(sq)]
        + [lambda sq, n=n: target[:n] in sq for n in sizes]
    )
    for test in tests:
        for p in candidates:
            for i, line in enumerate(p.lines):
                sq = squeeze(line)
                if sq and test(sq):
                    lines, covered = [], 0
                    for more in p.lines[i : i + 6]:
                        if more.strip():
                            lines.append(more.strip())
                            covered += len(squeeze(more))
                        if covered >= min(len(target), 400):
                            break
                    return p.number, i + 1, lines
    return page, None, []


def evidence_html(doc, t: dict[str, pd.DataFrame]) -> tuple[str, str]:
    """For a text document: each extracted value with its page, line and the quoted printed lines, as
    (escaped HTML, plain text). Every value is shown (no limit, no cut)."""
    parts, plain = [], []
    specs = [
        ("judgments", "Judgments", lambda r: f"{r['area_label'] or r['area']}: {r['grade']}"),
        (
            "indicators",
            "Figures",
            lambda r: (
                f"{r['label'] or r['indicator']}: {r['value']:g} {r['unit'] or ''}"
                + (f" (England and Wales {r['england_wales']:g})" if pd.notna(r["england_wales"]) else "")
            ),
        ),
        ("findings", "Findings", lambda r: f"{str(r['kind']).replace('_', ' ')} ({r['area'] or 'area not stated'})"),
        ("pcc_actions", "PCC actions", lambda r: "PCC action"),
    ]
    for name, title, head in specs:
        df = t[name]
        if df.empty:
            continue
        parts.append(f"<h3>{title}: {len(df)}</h3><ul>")
        plain.append(f"{title}: {len(df)}")
        for _, r in df.iterrows():
            page = int(r["page"]) if pd.notna(r["page"]) else None
            evidence = str(r["evidence"] if pd.notna(r["evidence"]) else "")
            p, line_no, lines = _locate(doc, page, evidence)
            where = f"page {p}, line {line_no}" if line_no else f"page {p} (the words as extracted)"
            quoted = [line.replace("\t", " | ") for line in lines] if line_no else [" ".join(evidence.split())]
            parts.append(
                f"<li><b>{html.escape(str(head(r)))}</b>, {where}:<blockquote>"
                + "<br>".join(html.escape(q) for q in quoted)
                + "</blockquote></li>"
            )
            plain.append(f"- {head(r)}, {where}: " + " / ".join(quoted))
        parts.append("</ul>")
    if not parts:
        return "<p>Nothing was extracted from this document.</p>", "Nothing was extracted from this document."
    return "".join(parts), "\n".join(plain)
