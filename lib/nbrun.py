"""The worker side of the notebook batch: execute one template with papermill in its own kernel and folder,
render it to HTML, keep it in the cache. Kept free of pandas and matplotlib, so each worker process holds
only papermill and nbconvert beside the kernel it drives (``lib.notebooks`` plans the batch and holds the
helpers the templates call)."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import paths

KERNEL = "python3"
# Optional imports in papermill's dependency tree that a notebook worker never uses, each imported by its user
# under ``try/except ImportError``: pyarrow (papermill's HDFS handler; brings numpy, ~40 MiB a worker) and
# rfc3987_syntax (jsonschema's IRI format checker, ~1.2 s to import). A None in sys.modules makes the import
# fail at once, as if the package were not installed. Workers only: the kernels are other processes.
OPTIONAL_IMPORTS = ("pyarrow", "rfc3987_syntax")


def lean_worker() -> None:
    """Process-pool initializer of the notebook workers (see OPTIONAL_IMPORTS)."""
    for name in OPTIONAL_IMPORTS:
        sys.modules.setdefault(name, None)


@dataclass
class Job:
    name: str  # the executed notebook's and report's file stem
    template: str  # template stem in notebooks/
    title: str
    parameters: dict = field(default_factory=dict)
    key: str = ""  # cache key ("" = never cached)


def template_path(template: str) -> Path:
    return paths.NOTEBOOKS / f"{template}.ipynb"


def render_html(notebook: Path, target: Path, title: str) -> None:
    """The executed notebook as HTML for readers: code hidden, markdown, tables and charts shown."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(notebook, as_version=4)
    nb.metadata["title"] = title
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb)
    target.write_text(body, encoding="utf-8")


def _execute(job: Job, data: Path | None, timeout: int = 600) -> tuple[Path, str | None, float]:
    """Execute one template in its own kernel and temporary folder; returns (folder, error, seconds).

    The folder holds ``notebooks/<name>.ipynb``, ``reports/<name>.html`` and ``reports/tables/``: the caller
    moves them and removes it. A kernel that fails to start is retried once; a cell error is not.
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    t0 = time.time()
    work = Path(tempfile.mkdtemp(prefix=f"peel-{job.name}-"))
    (work / "notebooks").mkdir()
    (work / "reports" / "tables").mkdir(parents=True)
    if data is not None:
        (work / "data").symlink_to(Path(data).resolve(), target_is_directory=True)
    nb_path = work / "notebooks" / f"{job.name}.ipynb"
    error = None
    for attempt in (1, 2):
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
                    start_timeout=120,
                    execution_timeout=timeout,
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


def _place(src: Path, out: Path) -> None:
    """Copy a run's (or a cache entry's) notebooks/, reports/ and reports/tables/ into ``out``."""
    for sub in ("notebooks", "reports"):
        if (src / sub).is_dir():
            shutil.copytree(src / sub, out / sub, dirs_exist_ok=True)


def _worker(args: tuple) -> dict:
    job, data, out, cache = args
    work, error, seconds = _execute(job, data)
    try:
        _place(work, out)
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
