"""Running the templates: the batch's plan (one profile per force, the comparison, the inventory), the cache
of executed notebooks, the pool of notebook workers (``lib.run.nbrun``), and the one-document report.

A notebook executed by a run reads ``../data`` and writes ``../reports/tables`` relative to its own folder,
so the executed copies under ``OUT/notebooks`` re-run as they are in JupyterLab.
"""

from __future__ import annotations

import ast
import datetime
import hashlib
import json
import multiprocessing
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from .. import __version__, paths
from .. import tables as T
from ..analysis.corpus import force_rows, load, select_forces
from ..analysis.selection import slug
from . import zygote
from .index import write_index
from .nbrun import Job, execute, lean_worker, place, template_imports, template_path, warm_code, worker
from .outputs import RUNS

BATCH_TEMPLATES = ("20-profile-force", "30-compare-forces", "40-track-recommendations", "00-inventory-corpus")
# The order they start in.
LONGEST_FIRST = {"30-compare-forces": 0, "20-profile-force": 1, "40-track-recommendations": 1, "00-inventory-corpus": 2}
TRACKER = "40-track-recommendations"
LIB = paths.ROOT / "lib"


# ---------------------------------------------------------------------------------------------------------
# The cache key: the template, its parameters, the rows it reads and the library code it runs
# ---------------------------------------------------------------------------------------------------------


def _module_file(name: str) -> list[Path]:
    """The files of a ``lib`` module or package name (none for names outside lib)."""
    parts = name.split(".")
    if parts[0] != "lib":
        return []
    base = LIB.joinpath(*parts[1:]) if parts[1:] else LIB
    return [p for p in (base.with_suffix(".py"), base / "__init__.py") if p.is_file()]


def _imports_of(path: Path, module: str) -> set[str]:
    """Modules a lib file imports (absolute, and relative resolved against ``module``)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                mod = f"{base}.{node.module}" if node.module else base
            else:
                mod = node.module or ""
            found.add(mod)
            found.update(f"{mod}.{a.name}" for a in node.names)  # a name may be a submodule
    return {f for f in found if f == "lib" or f.startswith("lib.")}


def template_code_files(templates=BATCH_TEMPLATES) -> list[Path]:
    """Every file of the library the templates run: each file of the ``lib.analysis`` package (walked), the
    data files of ``lib/data``, and every lib module the templates import, followed through its imports."""
    files: set[Path] = {p for p in (LIB / "analysis").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    files |= {p for p in (LIB / "data").rglob("*") if p.is_file()}
    todo = [m for m in template_imports(list(templates)) if m == "lib" or m.startswith("lib.")]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for path in _module_file(name):
            files.add(path)
            todo += sorted(_imports_of(path, name))
    return sorted(files)


def library_digest(templates=BATCH_TEMPLATES) -> str:
    """The library's version and the content of the code the templates run."""
    h = hashlib.sha256(__version__.encode())
    for path in template_code_files(templates):
        h.update(path.relative_to(LIB).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _frames_digest(frames: dict[str, pd.DataFrame]) -> str:
    h = hashlib.sha256()
    for name in sorted(frames):
        h.update(name.encode() + b"\0" + frames[name].to_csv(index=False).encode())
    return h.hexdigest()


def cache_key(template: str, parameters: dict, frames: dict[str, pd.DataFrame], lib_digest: str) -> str:
    h = hashlib.sha256(template_path(template).read_bytes())
    h.update(json.dumps(parameters, sort_keys=True).encode())
    h.update(_frames_digest(frames).encode())
    h.update(lib_digest.encode())
    return h.hexdigest()[:24]


# ---------------------------------------------------------------------------------------------------------
# The batch
# ---------------------------------------------------------------------------------------------------------


def plan(data: Path, forces: str | None = None) -> tuple[list[Job], list[str]]:
    """The batch's notebooks: one profile per force, the comparison, the inventory; and any errors."""
    data = Path(data)
    everything = load(data)
    lib_digest = library_digest()
    try:
        chosen = select_forces(forces, everything["documents"])
    except ValueError as err:
        return [], [str(err)]
    have = set(everything["documents"]["force"].dropna())
    errors = [f"no documents about {f}: no profile" for f in chosen if f not in have]
    chosen = [f for f in chosen if f in have]
    common = {"data_dir": "../data", "out_dir": "../reports/tables"}
    jobs = []
    for force in chosen:
        params = {"force": force, **common}
        key = cache_key("20-profile-force", params, force_rows(everything, force), lib_digest)
        jobs.append(Job(f"20-profile-force-{slug(force)}", "20-profile-force", f"Force profile: {force}", params, key))
    if chosen or not forces:
        params = {"forces": ", ".join(chosen) if forces else "", "years": "", **common}
        key = cache_key("30-compare-forces", params, everything, lib_digest)
        jobs.append(Job("30-compare-forces", "30-compare-forces", "Forces compared", params, key))
    jobs += _tracker_jobs(data, everything, chosen if forces else None, common, lib_digest)
    key = cache_key("00-inventory-corpus", common, everything, lib_digest)
    jobs.append(Job("00-inventory-corpus", "00-inventory-corpus", "Inventory of the corpus", dict(common), key))
    return jobs, errors


def _tracker_jobs(data: Path, everything: dict, chosen: list[str] | None, common: dict, lib_digest: str) -> list[Job]:
    """The recommendation tracker of each force with findings (of the forces asked for), then of every force
    (``chosen`` None: no forces asked for). Open items' ages count to today, so today is a parameter."""
    tracker = T.read(data, "tracker")
    today = {"as_of": datetime.date.today().isoformat()}
    jobs = []
    for force in sorted(set(tracker["force"].dropna())):
        if chosen is not None and force not in chosen:
            continue
        params = {"force": force, **common, **today}
        frames = {**force_rows(everything, force), "tracker": tracker[tracker["force"] == force]}
        key = cache_key(TRACKER, params, frames, lib_digest)
        jobs.append(Job(f"{TRACKER}-{slug(force)}", TRACKER, f"Recommendation tracker: {force}", params, key))
    if chosen is None:
        params = {"force": "", **common, **today}
        key = cache_key(TRACKER, params, {**everything, "tracker": tracker}, lib_digest)
        jobs.append(Job(TRACKER, TRACKER, "Recommendation tracker: every force compared", params, key))
    return jobs


@dataclass
class BatchResult:
    titles: dict[str, str] = field(default_factory=dict)  # report name -> title
    failures: dict[str, str] = field(default_factory=dict)  # report name (or "notebooks") -> one-line reason
    results: list[dict] = field(default_factory=list)


def execute_batch(data: Path, out: Path, jobs: int = 1, forces: str | None = None) -> BatchResult:
    """Execute every notebook of the batch into ``out/notebooks`` and render ``out/reports``.

    ``out`` is the run's private folder ``OUT/.runs/<id>`` (see ``lib.run.outputs``); the cache of executed
    notebooks lives outside the switch, in ``OUT/.cache/notebooks``.
    """
    data, out = Path(data).resolve(), Path(out).resolve()
    for sub in ("notebooks", "reports/tables"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    root = out.parent.parent if out.parent.name == RUNS else out.parent  # OUT/.runs/<id> -> OUT
    cache = root / ".cache" / "notebooks"
    cache.mkdir(parents=True, exist_ok=True)
    todo, errors = plan(data, forces)
    for err in errors:
        print(f"  FAILED  notebooks: {err}", file=sys.stderr)
    batch = BatchResult(titles={j.name: j.title for j in todo})
    pending = []
    for job in todo:
        entry = cache / job.name / job.key
        if entry.is_dir() and (entry / "notebooks" / f"{job.name}.ipynb").exists():
            place(entry, out)
            batch.results.append({"name": job.name, "error": None, "seconds": 0.0, "cached": True})
        else:
            pending.append(job)
    # The longest first (the comparison of every force, then the profiles, the inventory last): the slowest
    # notebook never starts last while the other workers run out of notebooks.
    pending.sort(key=lambda j: LONGEST_FIRST.get(j.template, 1))
    bar = tqdm(total=len(todo), initial=len(todo) - len(pending), desc="notebooks", unit="nb", file=sys.stderr)

    def done(result: dict) -> None:
        batch.results.append(result)
        bar.update(1)
        if result["error"]:
            tqdm.write(f"  FAILED  {result['name']}: {result['error']}", file=sys.stderr)

    if pending:  # workers in their own processes even for one job: kernels' output stays off this terminal
        # One warm server forks each notebook's kernel (lib.run.zygote); it warms up while the workers start.
        code = warm_code(template_imports(sorted({j.template for j in pending})), str(data))
        server = zygote.Server(code) if zygote.available() else None
        try:
            with ProcessPoolExecutor(
                max_workers=max(1, min(jobs, len(pending))),
                mp_context=multiprocessing.get_context("spawn"),
                initializer=lean_worker,
                initargs=(server.path if server else None,),
            ) as pool:
                futures = {pool.submit(worker, (job, data, out, cache)): job for job in pending}
                for fut in as_completed(futures):
                    try:
                        done(fut.result())
                    except Exception as err:  # noqa: BLE001  a worker that died: the notebook failed, the others go on
                        why = f"worker: {type(err).__name__}: {err}"
                        done({"name": futures[fut].name, "error": why, "seconds": 0.0, "cached": False})
        finally:
            if server is not None:
                server.close()
    bar.close()
    batch.failures = {r["name"]: r["error"] for r in batch.results if r["error"]}
    if errors:
        batch.failures["notebooks"] = "; ".join(errors)
    n_cached = sum(r["cached"] for r in batch.results)
    slowest = max((r for r in batch.results if not r["cached"]), key=lambda r: r["seconds"], default=None)
    print(
        f"{len(batch.results)} notebooks ({n_cached} unchanged, from the cache), {len(batch.failures)} failed"
        + (f"; slowest {slowest['name']} {slowest['seconds']} s" if slowest else "")
    )
    return batch


def run_all(data: Path, out: Path, jobs: int = 1, forces: str | None = None) -> int:
    """``execute_batch``, then the front page (``out/reports/index.html``); returns the number of failures."""
    batch = execute_batch(data, out, jobs=jobs, forces=forces)
    write_index(Path(out), notebook_titles=batch.titles, notebook_failures=batch.failures)
    return len(batch.failures)


def report(document: Path | str, out: Path | str) -> int:
    """Run ``10-extract-report`` for one document into ``out/notebooks`` and ``out/reports``; 0 when it ran."""
    document, out = Path(document).resolve(), Path(out).resolve()
    if not document.is_file():
        print(f"error: no such document: {document}", file=sys.stderr)
        return 2
    job = Job(
        f"10-extract-report-{slug(document.stem)}",
        "10-extract-report",
        f"What was read from {document.name}",
        {"document": str(document), "out_dir": "../reports/tables"},
    )
    work, error, seconds = execute(job, None)
    try:
        place(work, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write_index(out, notebook_failures={job.name: error} if error else None)
    where = out / "reports" / f"{job.name}.html"
    if error:
        print(f"  FAILED  {job.name}: {error} (see {where})", file=sys.stderr)
        return 1
    print(f"{job.name}: {where} ({seconds:.1f} s)")
    return 0
