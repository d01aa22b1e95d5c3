"""One document end to end: read, classify, extract, check. Never raises: a bad file is a failed row."""
from __future__ import annotations

import hashlib
import traceback
from pathlib import Path

from .classify import classify
from .extract import extract_all
from .model import ReadError
from .readers import read_document

TABLES = ("judgments", "indicators", "findings", "pcc_actions", "checks")


def process_document(path: str | Path, doc_id: str) -> dict:
    """Everything the workbook extracts from one file, as plain rows (picklable, JSON-able).

    Returns ``{"document": row, "judgments": [...], "indicators": [...], "findings": [...],
    "pcc_actions": [...], "checks": [...], "traceback": str | None}``.
    """
    path = Path(path)
    result: dict = {name: [] for name in TABLES}
    row = {"doc_id": doc_id, "source": path.name, "status": "ok", "error": ""}
    result["traceback"] = None
    try:
        doc = read_document(path)
        row.update(format=doc.format, sha256=doc.sha256, pages=len(doc.pages))
        info = classify(doc)
        row.update(info)
        extracted = extract_all(doc, info)
        for name in TABLES:
            result[name] = [{"doc_id": doc_id, "force": info.get("force"), "year": info.get("year"), **r}
                            if name != "checks" else {"doc_id": doc_id, **r} for r in extracted.get(name, [])]
    except ReadError as err:
        row.update(status="failed", error=str(err), doc_type=row.get("doc_type") or "unknown")
    except Exception as err:  # a bug or a document we cannot handle: one line here, the traceback to the log
        row.update(status="failed", doc_type=row.get("doc_type") or "unknown",
                   error=f"extraction error: {type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"[:300])
        result = {name: [] for name in TABLES}
        result["traceback"] = traceback.format_exc()
    if "sha256" not in row:
        try:
            row["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            row["sha256"] = ""
    result["document"] = row
    return result
