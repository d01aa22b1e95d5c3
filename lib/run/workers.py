"""The extraction tasks: one function (``work``) for the sequential run, the process pool and Dask
(``lib.run.cluster``), size-balanced chunks, and the pool that survives a worker's crash."""

from __future__ import annotations

import multiprocessing as mp
import os
import tempfile
import threading
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .. import EXTRACTOR_VERSION
from ..pipeline import failed_result, process_document
from .memory import release_memory

CHUNK_BYTES = 256 * 1024  # the most bytes of documents in one chunk (one large document goes alone)


def work(tasks: list[tuple], documents: str | None = None, fresh: bool = False) -> list[tuple]:
    """Extract a chunk of documents. Each task is ``(index, path, name, data, doc_id, key)``: ``data`` (the
    file's bytes) is given where the worker may not see the file (a Dask cluster), else None; ``key``: the
    sha256 of the bytes as the driver hashed them (``lib.doccache.file_key``), or None.
    ``documents``: the Document cache folder (``lib.doccache``; used only where the worker sees it);
    ``fresh``: read every file even when its Document is cached (``--rebuild``).
    Returns ``(index, result, seconds, EXTRACTOR_VERSION)`` for each; never raises for one document."""
    out = []
    for index, path, name, data, doc_id, key in tasks:
        t0 = time.perf_counter()
        try:
            if data is None:
                result = process_document(path, doc_id, documents, fresh, key)
            else:
                with tempfile.TemporaryDirectory(prefix="peel-") as tmp:
                    local = Path(tmp) / name
                    local.write_bytes(data)
                    result = process_document(local, doc_id, documents, fresh, key)
        except Exception as err:  # noqa: BLE001  process_document never raises; this is a worker-side failure (disk, memory)
            result = lost(doc_id, name, f"worker error: {type(err).__name__}: {err}", traceback.format_exc())
        out.append((index, result, time.perf_counter() - t0, EXTRACTOR_VERSION))
    return out


def work_and_release(tasks: list[tuple], documents: str | None = None, fresh: bool = False) -> list[tuple]:
    """``work`` in a pool's worker, then the chunk's freed memory handed back to the system (``release_memory``):
    a worker that reads hundreds of documents would otherwise keep the high-water mark of every chunk's
    Documents on glibc's free lists, and the process tree's peak would grow with the corpus."""
    try:
        return work(tasks, documents, fresh)
    finally:
        release_memory()


def lost(doc_id: str, name: str, error: str, trace: str) -> dict:
    """A document the worker side lost (a crashed process, a cluster error): never cached."""
    return failed_result(doc_id, name, error, trace or error)


def chunks(todo: list[tuple], workers: int) -> list[list[tuple]]:
    """Tasks grouped so that a few hundred small documents do not pay the per-task overhead, while large
    documents go first and alone (longest first keeps both workers busy until the end). At most CHUNK_BYTES
    a chunk whatever the corpus's size: a worker holds a chunk's results until it is done, so chunks that
    grew with the corpus (16 of its largest documents together) raised the workers' peak with it."""

    def size(task):
        try:
            return os.path.getsize(task[1])
        except OSError:
            return 0

    todo = sorted(todo, key=size, reverse=True)
    target = max(1, min(CHUNK_BYTES, sum(size(t) for t in todo) // max(1, workers * 16)))
    out, current, weight = [], [], 0
    for task in todo:
        current.append(task)
        weight += size(task)
        if weight >= target or len(current) >= 16:
            out.append(current)
            current, weight = [], 0
    if current:
        out.append(current)
    return out


def run_sequential(todo: list[tuple], documents: str | None = None, fresh: bool = False):
    for task in todo:
        yield from work([task], documents, fresh)


def run_pool(todo: list[tuple], jobs: int, single: bool = False, documents: str | None = None, fresh: bool = False):
    """A process pool with at most 2 chunks a worker in flight (bounded memory). A worker that dies (a
    crash in a PDF library) breaks the pool: the remaining documents are then run one at a time in a fresh
    pool, and the document that kills a worker on its own is reported failed."""
    # fork is cheapest (the workers inherit the imports) and safe while this process has one thread.
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods and threading.active_count() == 1 else "spawn")
    batches = [[t] for t in todo] if single else chunks(todo, jobs)
    window = 1 if single else 2 * jobs
    queue = list(reversed(batches))
    retry = None
    with ProcessPoolExecutor(max_workers=1 if single else min(jobs, len(batches)), mp_context=ctx) as pool:
        pending: dict = {}
        try:
            while retry is None and (queue or pending):
                while queue and len(pending) < window:
                    chunk = queue.pop()
                    pending[pool.submit(work_and_release, chunk, documents, fresh)] = chunk
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    chunk = pending.pop(fut)
                    try:
                        yield from fut.result()
                    except BrokenProcessPool:
                        retry = chunk + [t for c in pending.values() for t in c] + [t for c in queue for t in c]
                        if single:  # alone in the pool: this document killed the worker
                            index, _, name, _, doc_id, _ = chunk[0]
                            why = (
                                "extraction error: the worker process died reading this file (crash in a PDF library?)"
                            )
                            yield (index, lost(doc_id, name, why, ""), 0.0, EXTRACTOR_VERSION)
                            retry = retry[1:]
                        break
        except BaseException:  # Ctrl-C, SIGTERM (run() turns it into KeyboardInterrupt), a bug here: queued work is
            pool.shutdown(wait=False, cancel_futures=True)  # dropped, the chunks in flight finish, the error goes on
            raise

    if retry:  # the broken pool is shut down (its threads joined): a fresh one, one document at a time
        yield from run_pool(retry, jobs, single=True, documents=documents, fresh=fresh)
