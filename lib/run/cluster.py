"""The extraction on a Dask cluster (``DASK_SCHEDULER=tcp://host:8786``): the same chunks as the local
pool, as tasks. distributed is imported only when a scheduler is named (heavy: about 0.5 s and 60 MiB)."""

from __future__ import annotations

from pathlib import Path

from .. import EXTRACTOR_VERSION
from .workers import chunks, lost, work


def client(scheduler):
    """A Dask client for ``scheduler`` (an address such as tcp://host:8786, or a Client); and whether we
    own it (and must close it)."""
    from distributed import Client  # heavy, and only for the cluster path

    if isinstance(scheduler, Client):
        return scheduler, False
    try:
        return Client(scheduler), True  # waits distributed.comm.timeouts.connect (dask config)
    except OSError as err:
        raise RuntimeError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None


def run_dask(todo: list[tuple], scheduler, documents: str | None = None, fresh: bool = False):
    """The same chunks as tasks on a Dask cluster. The documents travel with the tasks (workers need not
    share a file system with this machine); the tables' cache stays here. ``documents``, the Document cache
    folder, is used by the workers that see it (a LocalCluster, a shared file system); the others read every
    document they get. At most 2 chunks a worker in flight."""
    from distributed import as_completed  # heavy, and only for the cluster path

    dask_client, owned = client(scheduler)
    try:
        workers = max(1, len(dask_client.scheduler_info().get("workers", {})))
        queue = list(reversed(chunks(todo, workers)))
        in_flight: dict = {}

        def submit():
            chunk = queue.pop()
            shipped = [(i, None, Path(p).name, Path(p).read_bytes(), d, k) for i, p, _, _, d, k in chunk]
            fut = dask_client.submit(work, shipped, documents, fresh, pure=False)
            in_flight[fut.key] = chunk
            return fut

        running = as_completed([submit() for _ in range(min(len(queue), 2 * workers))])
        for fut in running:
            chunk = in_flight.pop(fut.key)
            try:
                yield from fut.result()
            except Exception as err:  # noqa: BLE001  a worker lost (KilledWorker) or the task failed: those documents failed
                why = f"extraction error on the Dask cluster: {type(err).__name__}: {err}"
                for index, _, name, _, doc_id, _ in chunk:
                    yield (index, lost(doc_id, name, why, ""), 0.0, EXTRACTOR_VERSION)
            finally:
                fut.release()
            if queue:
                running.add(submit())
    finally:
        if owned:
            dask_client.close()
