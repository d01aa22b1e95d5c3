"""One document end to end: read, classify, extract, check. Never raises: a bad file is a failed row."""

from __future__ import annotations

import hashlib
import traceback
from pathlib import Path

from . import tables as T
from .checks import run_checks
from .classify import classify
from .extract import extract_all
from .model import ReadError
from .readers import read_document
from .tables import ROW_TABLES


def one_line(err: BaseException) -> str:
    """An exception as one line: its type and the first line of its message."""
    text = str(err).strip()
    return f"{type(err).__name__}: {text.splitlines()[0] if text else ''}"


def failed_result(doc_id: str, source: str, error: str, trace: str | None = None, row: dict | None = None) -> dict:
    """The result of a document that gave nothing: its documents row, failed with a one-line reason, and no
    rows elsewhere. ``row``: what was learnt before the failure (format, pages, type...), kept. A result
    with a traceback is never cached (the cause may be a bug fixed tomorrow)."""
    result: dict = {name: [] for name in ROW_TABLES}
    document = {"doc_id": doc_id, "source": source, **(row or {}), "status": "failed", "error": error[:300]}
    document["doc_type"] = document.get("doc_type") or "unknown"
    result["document"] = document
    result["traceback"] = trace
    return result


def process_document(path: str | Path, doc_id: str) -> dict:
    """Everything the workbook extracts from one file, as plain rows (picklable, JSON-able).

    Returns ``{"document": row, "judgments": [...], "indicators": [...], "findings": [...],
    "pcc_actions": [...], "checks": [...], "traceback": str | None}``.
    """
    path = Path(path)
    result: dict = {name: [] for name in ROW_TABLES}
    row = {"doc_id": doc_id, "source": path.name, "status": "ok", "error": ""}
    result["traceback"] = None
    try:
        doc = read_document(path)
        row.update(format=doc.format, sha256=doc.sha256, pages=len(doc.pages))
        info = classify(doc)
        row.update(info)
        extracted = extract_all(doc, info)
        extracted["checks"] = extracted["checks"] + run_checks(doc, info, extracted)
        for name in ROW_TABLES:
            result[name] = [
                {
                    "doc_id": doc_id,
                    "force": info.get("force"),
                    "year": info.get("year"),
                    "cycle": info.get("cycle"),
                    **r,
                }
                if name != "checks"
                else {"doc_id": doc_id, **r}
                for r in extracted.get(name, [])
            ]
    except ReadError as err:
        row.update(status="failed", error=str(err), doc_type=row.get("doc_type") or "unknown")
    except Exception as err:  # noqa: BLE001  a bug or a document we cannot handle: one line here, the traceback to the log
        result = failed_result(doc_id, path.name, f"extraction error: {one_line(err)}", traceback.format_exc(), row)
        row = result["document"]
    if "sha256" not in row:
        try:
            row["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            row["sha256"] = ""
    result["document"] = row
    return result


def build_tables(results: list[dict]) -> dict:
    """The tidy tables from per-document results (``process_document``'s), in document order; keys of a row
    that are not the contract's columns are dropped."""
    out = {"documents": T.frame("documents", [r["document"] for r in results])}
    for name in ROW_TABLES:
        out[name] = T.frame(name, [row for r in results for row in r[name]])
    return out
