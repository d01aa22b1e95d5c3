"""The whole run: every document of a folder into the tidy tables, then the evidence pages, the notebooks
and their reports, the Excel copy of the tables and the front page; all into a private run folder that
replaces the previous outputs in one step when everything is written (``lib.run.outputs``)."""

from __future__ import annotations

import gc
import json
import os
import sys
import time
import traceback
from pathlib import Path

from .. import EXTRACTOR_VERSION, doccache
from .. import tables as T
from ..analysis.evidence import EVIDENCE_DIR
from ..pipeline import build_tables, one_line
from . import cache as C
from .cluster import run_dask
from .evidence import write_evidence_pages
from .export import write_workbook
from .index import write_index
from .listing import doc_ids, list_documents
from .lock import Busy, exclusive, sigterm_as_interrupt
from .memory import release_memory
from .notebooks import BatchResult, execute_batch
from .outputs import Staging
from .tracking import add_tracker
from .workers import run_pool, run_sequential

ENV_REBUILD = "REBUILD"  # 1: read and extract every document again, both caches ignored (same as --rebuild)
ENV_SCHEDULER = "DASK_SCHEDULER"  # tcp://host:8786: the extraction runs on that Dask cluster


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def extract_corpus(seeds: Path, cache: Path, jobs: int = 1, rebuild: bool = False, scheduler=None) -> list[dict]:
    """Every document of ``seeds`` as plain rows, in ``list_documents`` order.

    Each file is hashed once, here; an unchanged document (same bytes, same EXTRACTOR_VERSION) comes from
    ``cache`` without being read. The others are extracted by ``jobs`` worker processes in chunks, or on a
    Dask cluster when ``scheduler`` (or the environment's DASK_SCHEDULER) names one, each from its cached
    Document (``cache/documents``: same bytes, same READER_VERSION; ``lib.doccache``) when there is one,
    else read. ``rebuild`` (or REBUILD=1) ignores both caches: every file is read and extracted again (and
    both stored again). Results are stored in the cache as they arrive.
    """
    # What the process holds before the documents (its modules, the vocabulary's compiled patterns) outlives
    # them: frozen for the run, so that no full collection looks at it again (nor, in a forked worker, writes
    # to its pages), then handed back to the collector.
    gc.freeze()
    try:
        return _extract_corpus(Path(seeds), Path(cache), jobs, rebuild or _flag(ENV_REBUILD), scheduler)
    finally:
        gc.unfreeze()


def _extract_corpus(seeds: Path, cache: Path, jobs: int, rebuild: bool, scheduler) -> list[dict]:
    scheduler = scheduler if scheduler is not None else (os.environ.get(ENV_SCHEDULER) or "").strip() or None
    paths = list_documents(seeds)
    ids = doc_ids(paths)
    documents = doccache.folder(cache)
    documents.mkdir(parents=True, exist_ok=True)
    C.clean_temporary(cache)
    C.clean_temporary(documents)
    # A fresh result is held as its JSON text (``C.encode``, written to the cache too) while the workers run,
    # and decoded when they are done: the rows of a large corpus as thousands of dicts would add to the peak
    # of the process tree (this process's results beside the workers') and to every full garbage collection.
    results: list = [None] * len(paths)
    keys: dict[int, str | None] = {}
    todo = []
    for index, (path, doc_id) in enumerate(zip(paths, ids)):
        key = keys[index] = C.file_key(path)
        hit = C.load(cache, key) if key and not rebuild else None
        if hit is not None:
            results[index] = C.own(hit, path, doc_id, cached=True)
        else:
            todo.append((index, str(path), path.name, None, doc_id, key))
    if not todo:  # everything from the cache: no pool, no cluster connection
        stream = iter(())
    elif scheduler:
        stream = run_dask(todo, scheduler, str(documents), rebuild)
    elif jobs > 1 and len(todo) > 1:
        stream = run_pool(todo, jobs, documents=str(documents), fresh=rebuild)
    else:
        stream = run_sequential(todo, str(documents), rebuild)
    for index, result, seconds, version in stream:
        if version != EXTRACTOR_VERSION:
            raise RuntimeError(
                f"a worker runs EXTRACTOR_VERSION {version}, this machine {EXTRACTOR_VERSION}: "
                "install the same peel-workbook on the Dask workers"
            )
        text = C.encode(result)
        if keys[index] and C.cacheable(result):
            C.store(cache, keys[index], text)
        results[index] = (text, seconds)
    C.prune(cache)
    doccache.prune(documents)
    return [
        r if isinstance(r, dict) else C.own(json.loads(r[0]), paths[i], ids[i], r[1]) for i, r in enumerate(results)
    ]


def refusal(seeds: Path, out: Path) -> str | None:
    """Why a run must not start (one line), or None."""
    if not seeds.is_dir():
        return f"no such folder of documents: {seeds}"
    if out.resolve() == seeds.resolve() or seeds.resolve() in out.resolve().parents:
        return f"the output folder {out} is inside the documents folder {seeds}; choose another"
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        return f"cannot create the output folder {out}: {err.strerror}"
    return None


def run(
    seeds: Path, out: Path, jobs: int = 1, rebuild: bool = False, forces: str | None = None, notebooks: bool = True
) -> int:
    """Run everything; returns the exit status.

    0  every document was read and every notebook ran; the new outputs replaced the previous ones.
    1  some documents (or notebooks) failed; everything else was written and the new outputs replaced the
       previous ones (each failure is a row of documents.csv with its one-line reason).
    2  the run was refused or did not finish (no such folder, another run holds the output folder, an
       unexpected error): the previous outputs are untouched.
    130  interrupted (Ctrl-C or SIGTERM): the previous outputs are untouched.
    """
    seeds, out = Path(seeds), Path(out)
    why = refusal(seeds, out)
    if why:
        print(f"error: {why}", file=sys.stderr)
        return 2
    try:
        with exclusive(out), sigterm_as_interrupt():
            staging = Staging(out)
            try:
                return _run_locked(seeds, out, jobs, rebuild, forces, notebooks, staging)
            except KeyboardInterrupt:
                staging.abort()
                print(f"interrupted: nothing replaced; the previous outputs in {out} are kept whole", file=sys.stderr)
                return 130
            except Exception as err:  # noqa: BLE001  a bug outside any one document: one line here, the traceback to a log file
                staging.abort()
                log = out / "failed-run.log"
                try:
                    log.write_text(traceback.format_exc(), encoding="utf-8")
                except OSError:
                    pass
                print(
                    f"error: the run stopped ({one_line(err)}); previous outputs kept; details in {log}",
                    file=sys.stderr,
                )
                return 2
    except Busy as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


def _log_documents(folder: Path, run_id: str, seeds: Path, results: list[dict]) -> int:
    """run.log (every document, tracebacks) and one line a document on the terminal; returns failures."""
    failed = 0
    with open(folder / "run.log", "w", encoding="utf-8") as fh:
        fh.write(f"run {run_id}: {len(results)} documents from {seeds}\n")
        for r in results:
            d = r["document"]
            fh.write(f"{d['doc_id']}\t{d['source']}\t{d['status']}\t{d.get('error') or ''}\n")
            if r.get("traceback"):
                fh.write(r["traceback"].rstrip("\n") + "\n")
    for r in results:
        d = r["document"]
        if d["status"] != "ok":
            failed += 1
            print(f"  FAILED  {d['source']}: {d['error']}")
        else:
            print(f"  ok      {d['source']}: {d.get('doc_type')}, {d.get('force') or '-'}, {d.get('year') or '-'}")
            # A pattern that must match and did not, or figures that disagree: said under the document.
            for c in r.get("checks", []):
                if not c["passed"]:
                    print(f"          CHECK FAILED {c['check']}: {c['detail']}")
    return failed


def _run_locked(seeds: Path, out: Path, jobs: int, rebuild: bool, forces: str | None, notebooks: bool, staging) -> int:
    """Extract, write tables, evidence pages, notebooks, the workbook and the index, all into a private run
    folder; then switch the outputs over at once. Called with the output folder's lock held."""
    t0 = time.time()
    folder = staging.begin()
    results = extract_corpus(seeds, out / ".cache", jobs=jobs, rebuild=rebuild)
    tables = add_tracker(build_tables(results), seeds)
    T.write(tables, folder / "data")
    failed = _log_documents(folder, staging.run_id, seeds, results)
    documents = len(results)
    del results  # the rows live on in ``tables``; the per-document dicts go
    paths = list_documents(seeds)
    sources = dict(zip(doc_ids(paths), paths))
    write_evidence_pages(tables, folder / "reports", sources, out / "reports" / EVIDENCE_DIR)
    write_workbook(tables, folder / "data", cache=out / ".cache" / "workbook")
    nb = BatchResult()
    if notebooks:
        del tables  # the notebooks read the tables written above: memory back for their kernels
        release_memory()
        nb = execute_batch(folder / "data", folder, jobs=jobs, forces=forces)
    write_index(folder, seeds=seeds, notebook_titles=nb.titles, notebook_failures=nb.failures)
    nb_failed = len(nb.failures)
    with open(folder / "run.log", "a", encoding="utf-8") as fh:
        fh.write(f"{failed} documents failed; {nb_failed} notebooks failed; {time.time() - t0:.1f} s\n")
    staging.publish()
    note = f"; {nb_failed} notebooks failed" if nb_failed else ""
    print(
        f"{documents} documents, {failed} failed{note}; start at {out / 'reports' / 'index.html'} "
        f"(tables in {out / 'data'}, log {out / 'run.log'}; {time.time() - t0:.1f} s)"
    )
    return 1 if (failed or nb_failed) else 0
