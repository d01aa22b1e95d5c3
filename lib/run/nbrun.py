"""The worker side of the notebook batch: execute one template with papermill in its own fresh kernel and
folder, render it to HTML, keep it in the cache. Kept free of pandas and matplotlib, so each worker process
holds only papermill, jupyter_client and nbconvert beside the kernels it drives (``lib.run.notebooks`` plans
the batch).

Warm kernels: the batch starts one fork server (``lib.run.zygote``) that imports what the templates import;
each notebook gets a fresh kernel forked from it (a new process, used for one notebook, then stopped), so a
kernel costs neither an interpreter start nor the imports.
"""

from __future__ import annotations

import ast
import json
import multiprocessing.util
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from .memory import release_memory

KERNEL = "python3"
# Optional imports in papermill's dependency tree that a notebook worker never uses, each imported by its user
# under ``try/except ImportError``: pyarrow (papermill's HDFS handler; brings numpy, ~40 MiB a worker) and
# rfc3987_syntax (jsonschema's IRI format checker, ~1.2 s to import). A None in sys.modules makes the import
# fail at once, as if the package were not installed. Workers only: the kernels are other processes.
OPTIONAL_IMPORTS = ("pyarrow", "rfc3987_syntax")
START_TIMEOUT = 120  # seconds a kernel may take to answer


@dataclass
class Job:
    name: str  # the executed notebook's and report's file stem
    template: str  # template stem in notebooks/
    title: str
    parameters: dict = field(default_factory=dict)
    key: str = ""  # cache key ("" = never cached)


def template_path(template: str) -> Path:
    """A template of ``notebooks/`` by its stem (or any notebook by its path, for the benchmark's floor)."""
    return Path(template) if template.endswith(".ipynb") else paths.NOTEBOOKS / f"{template}.ipynb"


# ---------------------------------------------------------------------------------------------------------
# What the fork server imports: the templates' own imports, read from their code cells
# ---------------------------------------------------------------------------------------------------------


def template_imports(templates: list[str]) -> list[str]:
    """Every module the templates import (absolute imports of their code cells), in first-seen order."""
    names: dict[str, None] = {}
    for template in templates:
        # Read as JSON: nbformat's validator (jsonschema) costs the batch's driver a second to import.
        nb = json.loads(template_path(template).read_text(encoding="utf-8"))
        for cell in nb.get("cells", []):
            if cell.get("cell_type") != "code":
                continue
            source = cell.get("source", "")
            try:
                tree = ast.parse("".join(source) if isinstance(source, list) else source)
            except SyntaxError:  # a cell with IPython magics: its imports are found in the others
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names.update(dict.fromkeys(a.name for a in node.names))
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names[node.module] = None
                    names.update(dict.fromkeys(f"{node.module}.{a.name}" for a in node.names))
    return list(names)


def warm_code(modules: list[str], data: str | None = None) -> str:
    """Code the fork server runs once before it forks kernels: the templates' imports, one tiny figure drawn
    so that matplotlib's fonts and backend are loaded, and each imported ``lib`` module's ``warm_fork(data)``
    when it has one (``data``: the run's tables folder), which prepares what every kernel would otherwise do
    again (``lib.analysis.charts`` loads its fonts). Not the tables: reading Parquet adds about 45 MiB to the
    server, which every forked kernel's resident size counts again, and starts Arrow's threads before a fork."""
    return (
        "def _peel_warm(modules, data):\n"
        "    import importlib, io, sys\n"
        "    for name in modules:\n"
        "        try:\n"
        "            importlib.import_module(name)\n"
        "        except Exception:\n"
        "            pass\n"
        "    try:\n"
        "        if 'matplotlib' in sys.modules:\n"
        "            import matplotlib.pyplot as plt\n"
        "            fig = plt.figure(figsize=(1, 1))\n"
        "            fig.text(0.5, 0.5, '0')\n"
        "            fig.savefig(io.BytesIO(), format='png')\n"
        "            plt.close(fig)\n"
        "    except Exception:\n"
        "        pass\n"
        "    for name in modules:\n"
        "        hook = getattr(sys.modules.get(name), 'warm_fork', None) if name.startswith('lib.') else None\n"
        "        try:\n"
        "            hook is None or hook(data)\n"
        "        except Exception:\n"
        "            pass\n"
        f"_peel_warm({json.dumps(modules)}, {data!r})\n"
        "del _peel_warm\n"
    )


# ---------------------------------------------------------------------------------------------------------
# Kernels: forked from the batch's warm server (lib.run.zygote), else started the usual way
# ---------------------------------------------------------------------------------------------------------


def new_workdir(data: Path | None, name: str = "notebook") -> Path:
    """A notebook's private folder: ``notebooks/`` (the kernel's working folder), ``reports/tables/`` and
    ``data`` (a link to the run's tables), so ``../data`` and ``../reports/tables`` work as in OUT."""
    work = Path(tempfile.mkdtemp(prefix=f"peel-{name}-"))
    (work / "notebooks").mkdir()
    (work / "reports" / "tables").mkdir(parents=True)
    if data is not None:
        (work / "data").symlink_to(Path(data).resolve(), target_is_directory=True)
    return work


# One worker process's state: the fork server's socket (None: kernels started the usual way), and the kernel
# started ahead for the worker's next notebook: (tables folder, its own folder, its manager).
_STATE: dict = {"socket": None, "next": None}


def lean_worker(socket_path: str | None = None, wait: float = 120) -> None:
    """Process-pool initializer of the notebook workers: optional imports marked absent (OPTIONAL_IMPORTS);
    the batch's fork server, once its warm-up is done (its socket appears), else none."""
    for name in OPTIONAL_IMPORTS:
        sys.modules.setdefault(name, None)
    _STATE["socket"] = None
    multiprocessing.util.Finalize(None, _drop_next, exitpriority=10)  # a kernel started ahead goes with the worker
    if socket_path:
        failed = Path(socket_path).with_name("failed")  # lib.run.zygote.failed_marker
        deadline = time.monotonic() + wait
        while not os.path.exists(socket_path) and not failed.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        _STATE["socket"] = socket_path if os.path.exists(socket_path) else None


def _forked_kernel(work: Path):
    """A kernel forked by the batch's server, started in ``work/notebooks``; None when there is no server
    or it does not answer (the notebook then starts its own kernel)."""
    if not _STATE.get("socket"):
        return None
    from .zygote import forked_kernel_manager  # jupyter_client: notebook workers only

    km = forked_kernel_manager(_STATE["socket"], str(work / "kernel.log"), KERNEL)
    try:
        km.start_kernel(cwd=str(work / "notebooks"))
    except OSError:  # the server is gone: this worker starts kernels itself from now on
        _STATE["socket"] = None
        return None
    return km


def _start_next(data: Path | None) -> None:
    """Fork the kernel of this worker's next notebook now, in a folder of its own: it starts while this
    notebook is rendered and stored, instead of after (a core waits on nothing). Still one fresh kernel per
    notebook; the last one started goes unused when the batch ends."""
    if not _STATE.get("socket") or _STATE.get("next") is not None:
        return
    work = new_workdir(data, "notebook")
    km = _forked_kernel(work)
    if km is None:
        shutil.rmtree(work, ignore_errors=True)
        return
    _STATE["next"] = (data, work, km)


def _take_next(data: Path | None) -> tuple[Path, object] | None:
    """The kernel started ahead and its folder, when it is alive and was started for these tables."""
    ahead, _STATE["next"] = _STATE.get("next"), None
    if ahead is None:
        return None
    started_for, work, km = ahead
    if started_for == data and km.is_alive():
        return work, km
    _shutdown(km)
    shutil.rmtree(work, ignore_errors=True)
    return None


def _drop_next() -> None:
    ahead, _STATE["next"] = _STATE.get("next"), None
    if ahead is not None:
        _shutdown(ahead[2])
        shutil.rmtree(ahead[1], ignore_errors=True)


def _shutdown(km) -> None:
    """Stop a kernel at once (its notebook is written)."""
    try:
        km.shutdown_kernel(now=True)
    except Exception:  # noqa: BLE001  already gone
        pass


# ---------------------------------------------------------------------------------------------------------
# Executing and rendering
# ---------------------------------------------------------------------------------------------------------


def execute(job: Job, data: Path | None, timeout: int = 600) -> tuple[Path, str | None, float]:
    """Execute one template in its own kernel and folder; returns (folder, error, seconds).

    The kernel is forked from the batch's warm server when there is one, else papermill starts it. The
    folder holds ``notebooks/<name>.ipynb``, ``reports/<name>.html`` and ``reports/tables/``: the caller
    moves them and removes it. A kernel that fails to start is retried once, started the usual way; a cell
    error is not.
    """
    import papermill as pm  # heavy (nbclient, zmq): notebook workers only
    from papermill.exceptions import PapermillExecutionError

    t0 = time.time()
    ahead = _take_next(data)
    work, km_ahead = ahead if ahead is not None else (new_workdir(data, job.name), None)
    nb_path = work / "notebooks" / f"{job.name}.ipynb"
    error, executed = None, None
    for attempt in (1, 2):
        km = (km_ahead or _forked_kernel(work)) if attempt == 1 else None
        try:
            with _stderr_to(work / "kernel.log"):
                executed = pm.execute_notebook(
                    str(template_path(job.template)),
                    str(nb_path),
                    parameters=job.parameters,
                    kernel_name=KERNEL,
                    cwd=str(work / "notebooks"),
                    progress_bar=False,
                    log_output=False,
                    request_save_on_cell_execute=False,  # written once at the end, not after every cell
                    start_timeout=START_TIMEOUT,
                    execution_timeout=timeout,
                    **({"km": km} if km is not None else {}),
                )
            error = None
            break
        except PapermillExecutionError as err:
            error = f"cell {err.exec_count}: {err.ename}: {str(err.evalue).splitlines()[0] if err.evalue else ''}"
            break
        except Exception as err:  # noqa: BLE001  the kernel did not start or died: once more, in a fresh kernel
            error = f"{type(err).__name__}: {err}".splitlines()[0]
            log = (work / "kernel.log").read_text(errors="replace").strip().splitlines()
            if log:
                error += f" (kernel: {log[-1][:200]})"
            if attempt == 2 or _executed_cells(nb_path):
                break
        finally:
            if km is not None:
                _shutdown(km)
    _start_next(data)  # the next notebook's kernel starts while this one is rendered and stored
    if nb_path.exists():
        from .report_html import render_html  # nbconvert: heavy, notebook workers only

        try:
            render_html(executed if executed is not None else nb_path, work / "reports" / f"{job.name}.html", job.title)
        except Exception as err:  # noqa: BLE001  a report that cannot be rendered is a failure too
            error = error or f"HTML rendering: {type(err).__name__}: {err}"
    elif error is None:
        error = "papermill wrote no notebook"
    return work, error, time.time() - t0


class _stderr_to:
    """Send file descriptor 2 (this process's and the kernels' it starts) to a file while a notebook runs:
    kernels print start-up chatter there. The file is read when a kernel fails."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        sys.stderr.flush()
        self.saved = os.dup(2)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(fd, 2)
        os.close(fd)
        return self

    def __exit__(self, *exc):
        sys.stderr.flush()
        os.dup2(self.saved, 2)
        os.close(self.saved)
        return False


def _executed_cells(nb_path: Path) -> bool:
    if not nb_path.exists():
        return False
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    return any(c.get("execution_count") for c in nb.get("cells", []))


def place(src: Path, out: Path) -> None:
    """Copy a run's (or a cache entry's) notebooks/, reports/ and reports/tables/ into ``out``."""
    for sub in ("notebooks", "reports"):
        if (src / sub).is_dir():
            shutil.copytree(src / sub, out / sub, dirs_exist_ok=True)


def worker(args: tuple) -> dict:
    """One notebook of the batch, in a pool worker: executed (on a kernel forked from the batch's server), placed in
    ``out``, stored in the cache when it ran without error."""
    job, data, out, cache = args
    work, error, seconds = execute(job, data)
    try:
        place(work, out)
        if error is None and cache is not None and job.key:
            entry = cache / job.name / job.key
            tmp = cache / job.name / f".{job.key}.{os.getpid()}"
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.copytree(work, tmp, ignore=shutil.ignore_patterns("data", "kernel.log"), symlinks=False)
            for old in (cache / job.name).iterdir():  # one entry per notebook: the previous one goes
                if old.name != tmp.name:
                    shutil.rmtree(old, ignore_errors=True)
            tmp.rename(entry)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        # The executed notebook, its messages and its HTML are freed: given back, or each worker's resident
        # size grows by a few MiB a notebook (about 60 MiB each over a batch of 45).
        release_memory()
    return {"name": job.name, "error": error, "seconds": round(seconds, 1), "cached": False}
