"""One document end to end: the read stage (the Document, cached by the file's bytes and READER_VERSION), then
the extract stage (classify, extract, check). Never raises: a bad file is a failed row."""

from __future__ import annotations

import hashlib
import traceback
from pathlib import Path

from . import doccache
from . import tables as T
from .checks import run_checks
from .classify import classify
from .extract import extract_all
from .extract.pcc import answers_with_actions
from .model import Document, ReadError
from .readers import read_document
from .tables import ROW_TABLES
from .text import PROSE_KEY, prose


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


def read_stage(
    path: Path, documents: str | Path | None = None, fresh: bool = False, key: str | None = None
) -> Document:
    """The read stage: the file's Document, from the Document cache ``documents`` (a folder, see
    ``lib.doccache``) when it holds these bytes under this READER_VERSION, else read and stored there with its
    paragraphs and sentences (``text.prose``; a cached Document whose prose other rules made has it made again,
    and is stored again). ``fresh``: read even when cached (``--rebuild``), and store. ``key``: the sha256 of the
    file's bytes when the caller hashed them already (the batch: each file hashed once). A refused file raises
    ReadError, uncached."""
    if documents is None or not Path(documents).is_dir():  # a Dask worker on another machine has no such folder
        return read_document(path)
    key = None if fresh else key or doccache.file_key(path)
    doc = doccache.load(documents, key, path) if key else None
    if doc is None or doc.prose is None or doc.prose.key != PROSE_KEY:
        doc = doc or read_document(path)
        prose(doc)  # its paragraphs and sentences, cached with it
        try:
            doccache.store(documents, doc.sha256, doc)  # the hash of the bytes read
        except OSError:  # a full disk costs the cache entry, not the document
            pass
    return doc


def extract_stage(doc: Document, doc_id: str, row: dict, result: dict) -> None:
    """The extract stage on a Document: classify, extract, check; fills ``row`` (the documents row) and
    ``result``'s tables."""
    row.update(format=doc.format, sha256=doc.sha256, pages=len(doc.pages))
    info = classify(doc, lambda: answers_with_actions(doc))
    row.update(info)
    extracted = extract_all(doc, info)
    extracted["checks"] = extracted["checks"] + run_checks(doc, info, extracted)
    labels = {page.number: page.label for page in doc.pages if page.label}
    for name in ROW_TABLES:
        result[name] = [
            {
                "doc_id": doc_id,
                "force": info.get("force"),
                "year": info.get("year"),
                "cycle": info.get("cycle"),
                **r,
                **({"page_label": labels.get(r.get("page"), "")} if "page" in r else {}),
            }
            if name != "checks"
            else {"doc_id": doc_id, **r}
            for r in extracted.get(name, [])
        ]


def process_document(
    path: str | Path, doc_id: str, documents: str | Path | None = None, fresh: bool = False, key: str | None = None
) -> dict:
    """Everything the workbook extracts from one file, as plain rows (picklable, JSON-able): the read stage
    (``read_stage``: from the Document cache ``documents`` when given and it holds the file; ``key``, the
    file's sha256 when hashed already), then the extract stage (``extract_stage``).

    Returns ``{"document": row, "judgments": [...], "indicators": [...], "findings": [...],
    "pcc_actions": [...], "checks": [...], "traceback": str | None}``.
    """
    path = Path(path)
    result: dict = {name: [] for name in ROW_TABLES}
    row = {"doc_id": doc_id, "source": path.name, "status": "ok", "error": ""}
    result["traceback"] = None
    try:
        doc = read_stage(path, documents, fresh, key)
        extract_stage(doc, doc_id, row, result)
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
