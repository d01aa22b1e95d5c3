"""The worker side of the notebook batch: execute one template with papermill in its own fresh kernel and
folder, render it to HTML, keep it in the cache. Kept free of pandas and matplotlib, so each worker process
holds only papermill, jupyter_client and nbconvert beside the kernels it drives (``lib.run.notebooks`` plans
the batch).

Warm kernels: each worker keeps one spare kernel started ahead of need, in its own working folder, with the
modules the templates import already imported (``warm_code``) and matplotlib's first figure drawn. A notebook
takes the spare (still one fresh kernel per notebook: a kernel runs one notebook, then is shut down) while
the next spare starts, so the kernel's start-up and imports overlap the previous notebook's run.
"""

from __future__ import annotations

import ast
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .. import paths

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
# What a warm kernel imports: the templates' own imports, read from their code cells
# ---------------------------------------------------------------------------------------------------------


def template_imports(templates: list[str]) -> list[str]:
    """Every module the templates import (absolute imports of their code cells), in first-seen order."""
    names: dict[str, None] = {}
    for template in templates:
        nb = nbformat.read(template_path(template), as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:  # a cell with IPython magics: its imports are found in the others
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names.update(dict.fromkeys(a.name for a in node.names))
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names[node.module] = None
                    names.update(dict.fromkeys(f"{node.module}.{a.name}" for a in node.names))
    return list(names)


def warm_code(modules: list[str]) -> str:
    """Code a spare kernel runs before its notebook: the imports (into a throw-away namespace, nothing left
    in the notebook's), and one tiny figure drawn so that matplotlib's fonts and backend are loaded."""
    return (
        "def _peel_warm(modules):\n"
        "    import importlib, io\n"
        "    for name in modules:\n"
        "        try:\n"
        "            importlib.import_module(name)\n"
        "        except Exception:\n"
        "            pass\n"
        "    try:\n"
        "        import sys\n"
        "        if 'matplotlib' in sys.modules:\n"
        "            import matplotlib.pyplot as plt\n"
        "            fig = plt.figure(figsize=(1, 1))\n"
        "            fig.text(0.5, 0.5, '0')\n"
        "            fig.savefig(io.BytesIO(), format='png')\n"
        "            plt.close(fig)\n"
        "    except Exception:\n"
        "        pass\n"
        f"_peel_warm({json.dumps(modules)})\n"
        "del _peel_warm\n"
    )


# ---------------------------------------------------------------------------------------------------------
# Kernels: a spare started ahead of need, one kernel per notebook
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


class Spare:
    """A kernel started in its own working folder, running the warm-up code; ``take`` waits for it."""

    def __init__(self, data: Path | None, code: str):
        self.work = new_workdir(data, "spare")
        from jupyter_client.manager import KernelManager  # heavy (zmq, tornado): notebook workers only

        self.log = open(self.work / "kernel.log", "ab")
        self.km = KernelManager(kernel_name=KERNEL)
        self.km.start_kernel(cwd=str(self.work / "notebooks"), stderr=self.log, stdout=self.log)
        self.kc = self.km.client()
        self.kc.start_channels()
        # Sent at once: the kernel's shell socket queues it until the kernel is up. silent: no output, and
        # store_history=False: the notebook's execution counts still start at 1.
        self.msg_id = self.kc.execute(code, silent=True, store_history=False) if code else None

    def take(self, timeout: float = START_TIMEOUT) -> tuple:
        """The kernel once its warm-up is done (or failed: the notebook then imports for itself)."""
        deadline = time.monotonic() + timeout
        try:
            while self.msg_id and time.monotonic() < deadline:
                reply = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
                if reply.get("parent_header", {}).get("msg_id") == self.msg_id:
                    break
        except Exception:  # noqa: BLE001  no reply in time (queue.Empty) or a dead kernel: papermill will say so
            pass
        finally:
            self.kc.stop_channels()
        return self.km, self.work

    def release(self) -> None:
        """Shut the kernel down at once (its notebook is written) and close its log."""
        try:
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001  already gone
            pass
        try:
            self.kc.stop_channels()
        except Exception:  # noqa: BLE001  already stopped
            pass
        self.log.close()


# One worker process's state: the data folder, the warm-up code, its spare kernel, and the number of
# notebooks not yet started (shared by the workers: no spare is started when none is left to run).
_STATE: dict = {}


def lean_worker(data: str | None = None, code: str = "", remaining=None) -> None:
    """Process-pool initializer of the notebook workers: optional imports marked absent (OPTIONAL_IMPORTS),
    then the first spare kernel started."""
    for name in OPTIONAL_IMPORTS:
        sys.modules.setdefault(name, None)
    _STATE.update(data=Path(data) if data else None, code=code, remaining=remaining, spare=None)
    if remaining is not None:
        _STATE["spare"] = Spare(_STATE["data"], code)
        multiprocessing.util.Finalize(None, _drop_spare, exitpriority=10)


def _drop_spare() -> None:
    spare = _STATE.pop("spare", None)
    if spare is not None:
        spare.release()
        shutil.rmtree(spare.work, ignore_errors=True)


def _next_spare() -> Spare | None:
    """Take this worker's spare (None: a cold start) and start the next one if notebooks are left."""
    spare, _STATE["spare"] = _STATE.get("spare"), None
    remaining = _STATE.get("remaining")
    if remaining is not None:
        with remaining.get_lock():
            remaining.value -= 1
            left = remaining.value
        if left > 0:
            _STATE["spare"] = Spare(_STATE["data"], _STATE["code"])
    return spare


# ---------------------------------------------------------------------------------------------------------
# Executing and rendering
# ---------------------------------------------------------------------------------------------------------

_EXPORTER: list = []  # one HTMLExporter per process: building one loads its templates


def render_html(notebook: Path, target: Path, title: str) -> None:
    """The executed notebook as HTML for readers: code hidden, markdown, tables and charts shown."""
    from nbconvert import HTMLExporter  # heavy (jinja2 templates, mistune): notebook workers only

    if not _EXPORTER:
        _EXPORTER.append(HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True))
    nb = nbformat.read(notebook, as_version=4)
    nb.metadata["title"] = title
    body, _ = _EXPORTER[0].from_notebook_node(nb)
    target.write_text(body, encoding="utf-8")


def _execute(
    job: Job, data: Path | None, timeout: int = 600, spare: Spare | None = None
) -> tuple[Path, str | None, float]:
    """Execute one template in its own kernel and folder; returns (folder, error, seconds).

    ``spare``: a warm kernel and its folder to use (else a kernel is started here). The folder holds
    ``notebooks/<name>.ipynb``, ``reports/<name>.html`` and ``reports/tables/``: the caller moves them and
    removes it. A kernel that fails to start is retried once, cold; a cell error is not.
    """
    import papermill as pm  # heavy (nbclient, zmq): notebook workers only
    from papermill.exceptions import PapermillExecutionError

    t0 = time.time()
    work = spare.work if spare else new_workdir(data, job.name)
    nb_path = work / "notebooks" / f"{job.name}.ipynb"
    error = None
    for attempt in (1, 2):
        km = None
        if spare is not None and attempt == 1:
            km, _ = spare.take()
        try:
            with _stderr_to(work / "kernel.log"):
                pm.execute_notebook(
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
                spare.release()
    if nb_path.exists():
        try:
            render_html(nb_path, work / "reports" / f"{job.name}.html", job.title)
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
    """One notebook of the batch, in a pool worker: executed (on this worker's spare kernel), placed in
    ``out``, stored in the cache when it ran without error."""
    job, data, out, cache = args
    work, error, seconds = _execute(job, data, spare=_next_spare())
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
    return {"name": job.name, "error": error, "seconds": round(seconds, 1), "cached": False}
