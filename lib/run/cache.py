"""The per-document cache of results: one JSON file per document content, ``<sha256>-v<EXTRACTOR_VERSION>.json``.
(The read stage's Documents have a cache of their own, ``lib.doccache``, in ``documents/`` beside these.)

The id and the file name are the run's, not the cache's: the same bytes under two names are read once.
Documents a reader refuses are cached as failed (a property of the bytes); unexpected errors are not.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from .. import EXTRACTOR_VERSION
from ..doccache import file_key as file_key  # the key of both caches (sha256 of the bytes)
from ..tables import ROW_TABLES


def entry(cache: Path, key: str) -> Path:
    return Path(cache) / f"{key}-v{EXTRACTOR_VERSION}.json"


def load(cache: Path, key: str) -> dict | None:
    try:
        result = json.loads(entry(cache, key).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # absent, or damaged (a crash mid-write cannot leave one: writes are atomic)
        return None
    return result if isinstance(result, dict) and "document" in result else None


def cacheable(result: dict) -> bool:
    """Results that are a property of the bytes: extracted, or refused by a reader (ReadError).
    An unexpected exception (it leaves a traceback) may be a bug fixed tomorrow: not cached."""
    return result["document"]["status"] == "ok" or not result.get("traceback")


def encode(result: dict) -> str:
    """A result as the cache holds it: JSON, without this run's ``seconds`` and ``cached``."""
    return json.dumps({k: v for k, v in result.items() if k not in ("seconds", "cached")}, ensure_ascii=False)


def store(cache: Path, key: str, text: str) -> None:
    """An entry (``encode``'s text of a result), written whole or not at all."""
    target = entry(cache, key)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)  # atomic: a reader sees the old entry or the whole new one
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def own(result: dict, path: Path, doc_id: str, seconds: float = 0.0, cached: bool = False) -> dict:
    """A result (fresh or from the cache) with this run's id and file name."""
    result["document"].update(doc_id=doc_id, source=Path(path).name)
    for name in ROW_TABLES:
        for row in result[name]:
            row["doc_id"] = doc_id
    result["seconds"] = round(seconds, 4)
    result["cached"] = cached
    return result


def clean_temporary(cache: Path, older_than: float = 600) -> None:
    """Remove writes cut off by kill -9 or a power cut (one run at a time holds the output folder)."""
    for tmp in Path(cache).glob(".*.tmp"):
        try:
            if time.time() - tmp.stat().st_mtime > older_than:
                tmp.unlink()
        except OSError:
            pass


def prune(cache: Path) -> None:
    """Entries of other extractor versions can never be hit again."""
    for stale in Path(cache).glob("*-v*.json"):
        if not stale.name.endswith(f"-v{EXTRACTOR_VERSION}.json"):
            stale.unlink(missing_ok=True)
