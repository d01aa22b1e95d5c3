"""The whole run: every document of a folder into the tidy tables, then the notebooks and their reports.

First version: sequential or process-parallel extraction, a per-document cache, a staging folder swapped in
when the run has finished, and a lock so that two runs cannot write into one output folder.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from filelock import FileLock, Timeout

from . import EXTRACTOR_VERSION
from . import tables as T
from .pipeline import TABLES, process_document

SKIP_NAMES = {"manifest.csv", "manifest.json", ".gitkeep"}


def list_documents(seeds: Path) -> list[Path]:
    files = [p for p in sorted(seeds.rglob("*")) if p.is_file() and not any(part.startswith(".") for part in p.relative_to(seeds).parts)]
    return [p for p in files if p.name.lower() not in SKIP_NAMES]


def doc_ids(paths: list[Path]) -> list[str]:
    """Readable, stable ids: the file stem, with the suffix added when two files share a stem."""
    stems = [p.stem for p in paths]
    return [p.stem if stems.count(p.stem) == 1 else f"{p.stem}-{p.suffix.lstrip('.').lower() or 'noext'}" for p in paths]


def _cached(cache: Path, path: Path, doc_id: str, rebuild: bool) -> dict:
    import hashlib

    key = hashlib.sha256(path.read_bytes()).hexdigest()
    entry = cache / f"{key}-v{EXTRACTOR_VERSION}.json"
    if entry.exists() and not rebuild:
        result = json.loads(entry.read_text())
    else:
        result = process_document(path, doc_id)
        if result["document"]["status"] == "ok":
            tmp = entry.with_suffix(".tmp")
            tmp.write_text(json.dumps(result))
            tmp.replace(entry)
    # The cache is by content: the id and file name are this run's.
    result["document"].update(doc_id=doc_id, source=path.name)
    for name in TABLES:
        for row in result[name]:
            row["doc_id"] = doc_id
    return result


def _work(args: tuple) -> dict:
    cache, path, doc_id, rebuild = args
    return _cached(Path(cache), Path(path), doc_id, rebuild)


def extract_corpus(seeds: Path, cache: Path, jobs: int = 1, rebuild: bool = False) -> list[dict]:
    paths = list_documents(seeds)
    ids = doc_ids(paths)
    cache.mkdir(parents=True, exist_ok=True)
    args = [(str(cache), str(p), i, rebuild) for p, i in zip(paths, ids)]
    if jobs > 1 and len(args) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            return list(pool.map(_work, args))
    return [_work(a) for a in args]


def build_tables(results: list[dict]) -> dict:
    out = {"documents": T.frame("documents", [r["document"] for r in results])}
    for name in TABLES:
        out[name] = T.frame(name, [row for r in results for row in r[name]])
    return out


def run(seeds: Path, out: Path, jobs: int = 1, rebuild: bool = False, forces: str | None = None,
        notebooks: bool = True) -> int:
    """Run everything; returns the exit status (0: every document read, 1: some failed, 2: not run)."""
    seeds, out = Path(seeds), Path(out)
    if not seeds.is_dir():
        print(f"error: no such folder of documents: {seeds}", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out / ".lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        print(f"error: another run is writing to {out} (lock {out / '.lock'}); wait for it to finish", file=sys.stderr)
        return 2
    try:
        return _run_locked(seeds, out, jobs, rebuild, forces, notebooks)
    finally:
        lock.release()


def _run_locked(seeds: Path, out: Path, jobs: int, rebuild: bool, forces: str | None, notebooks: bool) -> int:
    t0 = time.time()
    staging = out / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "data").mkdir(parents=True)
    results = extract_corpus(seeds, out / ".cache", jobs=jobs, rebuild=rebuild)
    tables = build_tables(results)
    T.write(tables, staging / "data")
    log = staging / "run.log"
    with open(log, "w", encoding="utf-8") as fh:
        for r in results:
            d = r["document"]
            fh.write(f"{d['doc_id']}\t{d['status']}\t{d.get('error') or ''}\n")
            if r.get("traceback"):
                fh.write(r["traceback"] + "\n")
    failed = 0
    for r in results:
        d = r["document"]
        if d["status"] != "ok":
            failed += 1
            print(f"  FAILED  {d['source']}: {d['error']}")
        else:
            print(f"  ok      {d['source']}: {d.get('doc_type')}, {d.get('force') or '-'}, {d.get('year') or '-'}")
    nb_failed = 0
    if notebooks:
        from . import notebooks as nb

        nb_failed = nb.run_all(staging / "data", staging, jobs=jobs, forces=forces)
    for sub in ("data", "notebooks", "reports", "run.log"):
        src, dst = staging / sub, out / sub
        if not src.exists():
            continue
        old = out / f".old-{sub}"
        shutil.rmtree(old, ignore_errors=True)
        if dst.exists():
            dst.rename(old)
        src.rename(dst)
        shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)
    print(f"{len(results)} documents, {failed} failed; tables in {out / 'data'} ({time.time() - t0:.1f} s)")
    return 1 if (failed or nb_failed) else 0
