"""One run of the benchmark in its own process, as ``make run`` starts it: ``python -m benchmarks.child SPEC``
(SPEC: JSON with seeds, out, jobs, notebooks, dask). Prints the run's figures as one JSON line."""

from __future__ import annotations

import io
import json
import os
import resource
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path

import psutil  # comes with distributed: the process's start time


def run(spec: dict) -> dict:
    """Inside the child: ``lib.run.batch.run`` with its two stages timed; returns the figures as a dict."""
    t_start = time.perf_counter() - (time.time() - psutil.Process().create_time())  # the interpreter's start
    # Imported here, as ``python -m lib`` imports them in main(): the notebook workers are spawned and import
    # this module again, and must not carry pandas and the tables' code (they would not under ``make run``).
    from lib.run.memory import use_system_allocator

    use_system_allocator()  # as main() does, before pyarrow is imported
    from lib.run import batch

    stages: dict = {"extract_s": 0.0, "notebooks_s": 0.0, "docs": []}
    extract = batch.extract_corpus

    def timed_extract(*args, **kwargs):
        t0, stages["extract_window"] = time.perf_counter(), [time.time()]
        results = extract(*args, **kwargs)
        stages["extract_s"] += time.perf_counter() - t0
        stages["extract_window"].append(time.time())
        stages["docs"] = [
            {
                "source": r["document"]["source"],
                "status": r["document"]["status"],
                "seconds": r.get("seconds", 0.0),
                "cached": r.get("cached", False),
                "pages": r["document"].get("pages"),
            }
            for r in results
        ]
        return results

    execute_batch = batch.execute_batch

    def timed_execute_batch(*args, **kwargs):
        t0, stages["notebooks_window"] = time.perf_counter(), [time.time()]
        result = execute_batch(*args, **kwargs)
        stages["notebooks_s"] += time.perf_counter() - t0
        stages["notebooks_window"].append(time.time())
        return result

    batch.extract_corpus = timed_extract
    batch.execute_batch = timed_execute_batch
    cluster = None
    if spec.get("dask"):
        from distributed import LocalCluster  # heavy: only for the Dask measure

        t0 = time.perf_counter()
        cluster = LocalCluster(n_workers=spec["jobs"], threads_per_worker=1, processes=True, dashboard_address=None)
        os.environ["DASK_SCHEDULER"] = cluster.scheduler_address
        stages["cluster_start_s"] = time.perf_counter() - t0
    log = io.StringIO()
    t0 = time.perf_counter()
    with redirect_stdout(log):  # the per-document lines of run(): not the bench's output
        status = batch.run(Path(spec["seeds"]), Path(spec["out"]), jobs=spec["jobs"], notebooks=spec["notebooks"])
    run_s = time.perf_counter() - t0
    if cluster is not None:
        cluster.close()
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    return {
        "status": status,
        "run_s": run_s,
        "import_s": t0 - t_start,
        "cpu_s": cpu_s,
        **stages,
        "maxrss_self_mb": me.ru_maxrss / 1024,
        "maxrss_largest_child_mb": kids.ru_maxrss / 1024,
        "log_tail": log.getvalue()[-2000:],
    }


if __name__ == "__main__":
    print(json.dumps(run(json.loads(sys.argv[1]))))
