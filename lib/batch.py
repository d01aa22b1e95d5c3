"""The whole run: every document of a folder into the tidy tables, then the notebooks and their reports.

First version: sequential or process-parallel extraction, a per-document cache, a staging folder swapped in
when the run has finished, and a lock so that two runs cannot write into one output folder.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from filelock import FileLock, Timeout

from . import EXTRACTOR_VERSION
from . import tables as T
from .pipeline import TABLES, failed_result, one_line, process_document

SKIP_NAMES = {"manifest.csv", "manifest.json", ".gitkeep"}


def list_documents(seeds: Path) -> list[Path]:
    """Every document under ``seeds`` (sub-folders too), sorted; hidden files and manifests are skipped."""
    seeds = Path(seeds)
    files = [
        p
        for p in sorted(seeds.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(seeds).parts)
    ]
    return [p for p in files if p.name.lower() not in SKIP_NAMES]


def doc_ids(paths: list[Path]) -> list[str]:
    """Readable, stable ids: the file stem, with the suffix added when two files share a stem
    (and a counter when two files in different folders share stem and suffix)."""
    from collections import Counter

    stems = Counter(p.stem for p in paths)
    ids = [p.stem if stems[p.stem] == 1 else f"{p.stem}-{p.suffix.lstrip('.').lower() or 'noext'}" for p in paths]
    seen: Counter = Counter()
    counts = Counter(ids)
    out = []
    for i in ids:
        seen[i] += 1
        out.append(i if counts[i] == 1 or seen[i] == 1 else f"{i}-{seen[i]}")
    return out


# --- the per-document cache ------------------------------------------------------------------------------
# One JSON file per document content: ``<sha256>-v<EXTRACTOR_VERSION>.json``. The id and the file name are
# the run's, not the cache's: the same bytes under two names are read once.


def _file_key(path: Path) -> str | None:
    """sha256 of the file's bytes (the cache key), or None when the file cannot be read."""
    import hashlib

    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def _entry(cache: Path, key: str) -> Path:
    return Path(cache) / f"{key}-v{EXTRACTOR_VERSION}.json"


def _load(cache: Path, key: str) -> dict | None:
    try:
        result = json.loads(_entry(cache, key).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # absent, or damaged (a crash mid-write cannot leave one: writes are atomic)
        return None
    return result if isinstance(result, dict) and "document" in result else None


def _cacheable(result: dict) -> bool:
    """Results that are a property of the bytes: extracted, or refused by a reader (ReadError).
    An unexpected exception (it leaves a traceback) may be a bug fixed tomorrow: not cached."""
    return result["document"]["status"] == "ok" or not result.get("traceback")


def _store(cache: Path, key: str, result: dict) -> None:
    import tempfile

    entry = _entry(cache, key)
    body = {k: v for k, v in result.items() if k not in ("seconds", "cached")}
    fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=f".{entry.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(body, fh, ensure_ascii=False)
        os.replace(tmp, entry)  # atomic: a reader sees the old entry or the whole new one
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _own(result: dict, path: Path, doc_id: str, seconds: float = 0.0, cached: bool = False) -> dict:
    """A result (fresh or from the cache) with this run's id and file name."""
    result["document"].update(doc_id=doc_id, source=Path(path).name)
    for name in TABLES:
        for row in result[name]:
            row["doc_id"] = doc_id
    result["seconds"] = round(seconds, 4)
    result["cached"] = cached
    return result


def _cached(cache: Path, path: Path, doc_id: str, rebuild: bool, key: str | None = None) -> dict:
    """One document through the cache: an unchanged document is read back, anything else is extracted
    (and stored when cacheable). ``key`` is the file's sha256 when the caller has hashed it already."""
    path = Path(path)
    key = key or _file_key(path)
    if key and not rebuild:
        hit = _load(cache, key)
        if hit is not None:
            return _own(hit, path, doc_id, cached=True)
    [(_, result, seconds, _version)] = _work([(0, str(path), path.name, None, doc_id)])
    if key and _cacheable(result):
        _store(cache, key, result)
    return _own(result, path, doc_id, seconds)


# --- the extraction tasks: one function for the sequential, the process-pool and the Dask runs ----------


def _work(tasks: list[tuple]) -> list[tuple]:
    """Extract a chunk of documents. Each task is ``(index, path, name, data, doc_id)``: ``data`` (the
    file's bytes) is given where the worker may not see the file (a Dask cluster), else None.
    Returns ``(index, result, seconds, EXTRACTOR_VERSION)`` for each; never raises for one document."""
    import tempfile
    import traceback

    out = []
    for index, path, name, data, doc_id in tasks:
        t0 = time.perf_counter()
        try:
            if data is None:
                result = process_document(path, doc_id)
            else:
                with tempfile.TemporaryDirectory(prefix="peel-") as tmp:
                    local = Path(tmp) / name
                    local.write_bytes(data)
                    result = process_document(local, doc_id)
        except Exception as err:  # noqa: BLE001  process_document never raises; this is a worker-side failure (disk, memory)
            result = _failed(doc_id, name, f"worker error: {type(err).__name__}: {err}", traceback.format_exc())
        out.append((index, result, time.perf_counter() - t0, EXTRACTOR_VERSION))
    return out


def _failed(doc_id: str, name: str, error: str, trace: str) -> dict:
    """A document the worker side lost (a crashed process, a cluster error): never cached."""
    return failed_result(doc_id, name, error, trace or error)


def _chunks(todo: list[tuple], workers: int) -> list[list[tuple]]:
    """Tasks grouped so that a few hundred small documents do not pay the per-task overhead, while large
    documents go first and alone (longest first keeps both workers busy until the end)."""

    def size(task):
        try:
            return os.path.getsize(task[1])
        except OSError:
            return 0

    todo = sorted(todo, key=size, reverse=True)
    target = max(1, sum(size(t) for t in todo) // max(1, workers * 16))
    chunks, current, weight = [], [], 0
    for task in todo:
        current.append(task)
        weight += size(task)
        if weight >= target or len(current) >= 16:
            chunks.append(current)
            current, weight = [], 0
    if current:
        chunks.append(current)
    return chunks


def _run_sequential(todo: list[tuple]):
    for task in todo:
        yield from _work([task])


def _run_pool(todo: list[tuple], jobs: int, single: bool = False):
    """A process pool with at most 2 chunks a worker in flight (bounded memory). A worker that dies (a
    crash in a PDF library) breaks the pool: the remaining documents are then run one at a time in a fresh
    pool, and the document that kills a worker on its own is reported failed."""
    import multiprocessing as mp
    import threading
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # fork is cheapest (the workers inherit the imports) and safe while this process has one thread.
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods and threading.active_count() == 1 else "spawn")
    chunks = [[t] for t in todo] if single else _chunks(todo, jobs)
    window = 1 if single else 2 * jobs
    queue = list(reversed(chunks))
    retry = None
    with ProcessPoolExecutor(max_workers=1 if single else min(jobs, len(chunks)), mp_context=ctx) as pool:
        pending: dict = {}
        try:
            while retry is None and (queue or pending):
                while queue and len(pending) < window:
                    chunk = queue.pop()
                    pending[pool.submit(_work, chunk)] = chunk
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    chunk = pending.pop(fut)
                    try:
                        yield from fut.result()
                    except BrokenProcessPool:
                        retry = chunk + [t for c in pending.values() for t in c] + [t for c in queue for t in c]
                        if single:  # alone in the pool: this document killed the worker
                            index, _, name, _, doc_id = chunk[0]
                            yield (
                                index,
                                _failed(
                                    doc_id,
                                    name,
                                    "extraction error: the worker process died "
                                    "reading this file (crash in a PDF library?)",
                                    "",
                                ),
                                0.0,
                                EXTRACTOR_VERSION,
                            )
                            retry = retry[1:]
                        break
        except BaseException:  # Ctrl-C, SIGTERM (run() turns it into KeyboardInterrupt), a bug here: queued work is
            pool.shutdown(wait=False, cancel_futures=True)  # dropped, the chunks in flight finish, the error goes on
            raise

    if retry:  # the broken pool is shut down (its threads joined): a fresh one, one document at a time
        yield from _run_pool(retry, jobs, single=True)


def _client(scheduler):
    """A Dask client for ``scheduler`` (an address such as tcp://host:8786, or a Client); and whether we
    own it (and must close it)."""
    from distributed import Client

    if isinstance(scheduler, Client):
        return scheduler, False
    try:
        return Client(scheduler), True  # waits distributed.comm.timeouts.connect (dask config)
    except OSError as err:
        raise RuntimeError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None


def _run_dask(todo: list[tuple], scheduler):
    """The same chunks as tasks on a Dask cluster. The documents travel with the tasks (workers need not
    share a file system with this machine); the cache stays here. At most 2 chunks a worker in flight."""
    from distributed import as_completed

    client, owned = _client(scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        queue = list(reversed(_chunks(todo, workers)))

        def submit():
            chunk = queue.pop()
            shipped = [(i, None, Path(p).name, Path(p).read_bytes(), d) for i, p, _, _, d in chunk]
            fut = client.submit(_work, shipped, pure=False)
            chunks[fut.key] = chunk
            return fut

        chunks: dict = {}
        running = as_completed([submit() for _ in range(min(len(queue), 2 * workers))])
        for fut in running:
            chunk = chunks.pop(fut.key)
            try:
                yield from fut.result()
            except Exception as err:  # noqa: BLE001  a worker lost (KilledWorker) or the task failed: those documents failed
                for index, _, name, _, doc_id in chunk:
                    yield (
                        index,
                        _failed(doc_id, name, f"extraction error on the Dask cluster: {type(err).__name__}: {err}", ""),
                        0.0,
                        EXTRACTOR_VERSION,
                    )
            finally:
                fut.release()
            if queue:
                running.add(submit())
    finally:
        if owned:
            client.close()


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def extract_corpus(seeds: Path, cache: Path, jobs: int = 1, rebuild: bool = False, scheduler=None) -> list[dict]:
    """Every document of ``seeds`` as plain rows, in ``list_documents`` order.

    Each file is hashed once, here; an unchanged document (same bytes, same EXTRACTOR_VERSION) comes from
    ``cache`` without being read. The others are extracted by ``jobs`` worker processes in chunks, or on a
    Dask cluster when ``scheduler`` (or the environment's DASK_SCHEDULER) names one. ``rebuild`` (or
    REBUILD=1) extracts everything again. Results are stored in the cache as they arrive.
    """
    seeds, cache = Path(seeds), Path(cache)
    rebuild = rebuild or _flag("REBUILD")
    scheduler = scheduler if scheduler is not None else (os.environ.get("DASK_SCHEDULER") or "").strip() or None
    paths = list_documents(seeds)
    ids = doc_ids(paths)
    cache.mkdir(parents=True, exist_ok=True)
    for tmp in cache.glob(".*.tmp"):  # a write cut off by kill -9 or a power cut (one run at a time holds OUT)
        try:
            if time.time() - tmp.stat().st_mtime > 600:
                tmp.unlink()
        except OSError:
            pass
    results: list = [None] * len(paths)
    keys: dict[int, str | None] = {}
    todo = []
    for index, (path, doc_id) in enumerate(zip(paths, ids)):
        key = keys[index] = _file_key(path)
        hit = _load(cache, key) if key and not rebuild else None
        if hit is not None:
            results[index] = _own(hit, path, doc_id, cached=True)
        else:
            todo.append((index, str(path), path.name, None, doc_id))
    if not todo:  # everything from the cache: no pool, no cluster connection
        stream = iter(())
    elif scheduler:
        stream = _run_dask(todo, scheduler)
    elif jobs > 1 and len(todo) > 1:
        stream = _run_pool(todo, jobs)
    else:
        stream = _run_sequential(todo)
    for index, result, seconds, version in stream:
        if version != EXTRACTOR_VERSION:
            raise RuntimeError(
                f"a worker runs EXTRACTOR_VERSION {version}, this machine {EXTRACTOR_VERSION}: "
                "install the same peel-workbook on the Dask workers"
            )
        if keys[index] and _cacheable(result):
            _store(cache, keys[index], result)
        results[index] = _own(result, paths[index], ids[index], seconds)
    for stale in cache.glob("*-v*.json"):  # entries of other extractor versions can never be hit again
        if not stale.name.endswith(f"-v{EXTRACTOR_VERSION}.json"):
            stale.unlink(missing_ok=True)
    return results


def build_tables(results: list[dict]) -> dict:
    """The tidy tables from the per-document rows (in document order; extra keys are not columns)."""
    out = {"documents": T.frame("documents", [r["document"] for r in results])}
    for name in TABLES:
        out[name] = T.frame(name, [row for r in results for row in r[name]])
    return out


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
    import signal
    import threading

    seeds, out = Path(seeds), Path(out)
    if not seeds.is_dir():
        print(f"error: no such folder of documents: {seeds}", file=sys.stderr)
        return 2
    if out.resolve() == seeds.resolve() or seeds.resolve() in out.resolve().parents:
        print(f"error: the output folder {out} is inside the documents folder {seeds}; choose another", file=sys.stderr)
        return 2
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        print(f"error: cannot create the output folder {out}: {err.strerror}", file=sys.stderr)
        return 2
    lock = FileLock(str(out / ".lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        print(f"error: another run is writing to {out} (lock {out / '.lock'}); wait for it to finish", file=sys.stderr)
        return 2
    previous_term = None
    if threading.current_thread() is threading.main_thread():

        def _terminate(signum, frame):
            raise KeyboardInterrupt

        previous_term = signal.signal(signal.SIGTERM, _terminate)
    from .outputs import Staging

    staging = Staging(out)
    try:
        return _run_locked(seeds, out, jobs, rebuild, forces, notebooks, staging)
    except KeyboardInterrupt:
        staging.abort()
        print(f"interrupted: nothing replaced; the previous outputs in {out} are kept whole", file=sys.stderr)
        return 130
    except Exception:  # noqa: BLE001  a bug outside any one document: one line here, the traceback to a log file
        import traceback

        staging.abort()
        log = out / "failed-run.log"
        try:
            log.write_text(traceback.format_exc(), encoding="utf-8")
        except OSError:
            pass
        err = sys.exc_info()[1]
        print(f"error: the run stopped ({one_line(err)}); previous outputs kept; details in {log}", file=sys.stderr)
        return 2
    finally:
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)
        lock.release()


def _release_memory() -> None:
    """Hand freed memory back to the system: Python's objects, Arrow's buffer pool, glibc's free lists (a
    process's resident memory does not shrink by itself when objects are freed)."""
    import ctypes
    import gc

    gc.collect()
    try:
        import pyarrow

        pyarrow.default_memory_pool().release_unused()
    except Exception:  # noqa: BLE001  no pyarrow, or a pool that cannot release: nothing to give back
        pass
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (macOS, musl): the allocator keeps its own counsel
        pass


def _run_locked(
    seeds: Path, out: Path, jobs: int, rebuild: bool, forces: str | None, notebooks: bool, staging=None
) -> int:
    """Extract, write tables, run notebooks, all into a private run folder; then switch the outputs over at
    once (``lib.outputs``). Called with the output folder's lock held."""
    from .outputs import Staging

    t0 = time.time()
    staging = staging or Staging(out)
    folder = staging.begin()
    results = extract_corpus(seeds, out / ".cache", jobs=jobs, rebuild=rebuild)
    tables = build_tables(results)
    T.write(tables, folder / "data")
    failed = 0
    with open(folder / "run.log", "w", encoding="utf-8") as fh:
        fh.write(f"run {staging.run_id}: {len(results)} documents from {seeds}\n")
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
    documents = len(results)
    nb_failed = 0
    if notebooks:
        from . import notebooks as nb

        del results, tables  # the notebooks read the tables written above: memory back for their kernels
        _release_memory()
        nb_failed = nb.run_all(folder / "data", folder, jobs=jobs, forces=forces)
    with open(folder / "run.log", "a", encoding="utf-8") as fh:
        fh.write(f"{failed} documents failed; {nb_failed} notebooks failed; {time.time() - t0:.1f} s\n")
    staging.publish()
    note = f"; {nb_failed} notebooks failed" if nb_failed else ""
    print(
        f"{documents} documents, {failed} failed{note}; tables in {out / 'data'}, log {out / 'run.log'} "
        f"({time.time() - t0:.1f} s)"
    )
    return 1 if (failed or nb_failed) else 0
