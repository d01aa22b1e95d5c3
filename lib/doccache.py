"""The Document cache: each file's parsed ``Document``, ``<cache>/documents/<sha256>-r<READER_VERSION>.pickle``.

The read stage's own store, below the run layer (the pipeline uses it). The tables' cache, ``lib.run.cache``,
is keyed by EXTRACTOR_VERSION: when an extractor changes, every document is extracted again from its cached
Document without reading the file. An entry is a pickle of ``(model_shape(), document)``; one written under
other fields of the model (a field added to ``Block``, ``Page`` or ``Document``) is a miss, as is a damaged
one. Values the extractors memoise in ``doc.__dict__`` (keys starting with "_") are not stored. Writes are
atomic (a temporary file, then a rename).
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

from . import READER_VERSION
from . import model as M

FOLDER = "documents"  # under the run's cache folder, OUT/.cache/documents


def file_key(path: Path) -> str | None:
    """sha256 of the file's bytes (the key of both caches), or None when the file cannot be read."""
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def folder(cache_folder: Path) -> Path:
    """The Document cache inside a run's cache folder."""
    return Path(cache_folder) / FOLDER


@cache
def model_shape() -> tuple:
    """The fields of every dataclass of ``lib.model``: an entry pickled under other fields is a miss."""
    shape = []
    for name, value in sorted(vars(M).items()):
        if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == M.__name__:
            shape.append((name, tuple(f.name for f in dataclasses.fields(value))))
    return tuple(shape)


def entry(documents: Path, key: str) -> Path:
    return Path(documents) / f"{key}-r{READER_VERSION}.pickle"


def load(documents: Path, key: str, path: Path | str | None = None) -> M.Document | None:
    """The cached Document of the bytes ``key`` (with ``path``'s name when given), or None: absent, damaged,
    or written under other fields of the model."""
    try:
        shape, doc = pickle.loads(entry(documents, key).read_bytes())
    except Exception:  # noqa: BLE001  absent, cut off, not a pickle, a class gone: a miss, never an error
        return None
    if shape != model_shape() or not isinstance(doc, M.Document) or doc.sha256 != key:
        return None
    if path is not None:  # the same bytes under another name: this run's name
        doc.path, doc.source = str(path), Path(path).name
    return doc


def store(documents: Path, key: str, doc: M.Document) -> None:
    """Keep ``doc`` for the bytes ``key``, without what the extractors memoised on it."""
    bare = copy.copy(doc)  # shallow: the pages and blocks are shared, only the memoised keys go
    for name in [k for k in bare.__dict__ if k.startswith("_")]:
        del bare.__dict__[name]
    target = entry(documents, key)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((model_shape(), bare), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)  # atomic: a reader sees the old entry or the whole new one
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def prune(documents: Path) -> None:
    """Entries of other reader versions can never be hit again."""
    for stale in Path(documents).glob("*-r*.pickle"):
        if not stale.name.endswith(f"-r{READER_VERSION}.pickle"):
            stale.unlink(missing_ok=True)
