"""The notebook templates' papermill runs and their HTML reports (the helpers the templates call live in
``lib.analysis``).

- The batch (``run_all``) and one-document (``report``) runs: papermill in-process, one kernel and one
  temporary working folder per notebook, a process pool of ``jobs`` workers, a cache keyed by the
  template, its parameters, the rows of the tables it reads and the library's code, HTML reports with the
  code hidden and an index page.

A notebook executed by a run reads ``../data`` and writes ``../reports/tables`` relative to its own folder,
so the executed copies under ``OUT/notebooks`` re-run as they are in JupyterLab.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import sys
from pathlib import Path

import pandas as pd

from . import __version__, paths
from .analysis.corpus import force_tables, load, select_forces
from .analysis.selection import slug
from .nbrun import Job, _execute, _place, _worker, lean_worker, template_path
from .outputs import RUNS

# ----------------------------------------------------------------------------------------------------------
# Running the templates
# ----------------------------------------------------------------------------------------------------------

# The library code the batch's templates run (the tables carry everything extraction decides): a change to
# one of these re-executes them; a change elsewhere in lib/ (readers, extractors, the batch) does not.
TEMPLATE_CODE = (
    "__init__.py",
    "analysis/__init__.py",
    "analysis/charts.py",
    "analysis/corpus.py",
    "analysis/display.py",
    "analysis/document.py",
    "analysis/evidence.py",
    "analysis/figures.py",
    "analysis/findings.py",
    "analysis/grades.py",
    "analysis/inventory.py",
    "analysis/profile.py",
    "analysis/selection.py",
    "notebooks.py",
    "nbrun.py",
    "tables.py",
    "forces.py",
    "paths.py",
    "outputs.py",
    "extract/areas.py",
    "data/forces.csv",
)


def _library_digest() -> str:
    """The library's version and the code the templates call."""
    h = hashlib.sha256(__version__.encode())
    for name in TEMPLATE_CODE:
        p = paths.ROOT / "lib" / name
        h.update(name.encode() + b"\0" + (p.read_bytes() if p.exists() else b""))
    return h.hexdigest()


def _frames_digest(frames: dict[str, pd.DataFrame]) -> str:
    h = hashlib.sha256()
    for name in sorted(frames):
        h.update(name.encode() + b"\0" + frames[name].to_csv(index=False).encode())
    return h.hexdigest()


def _key(template: str, parameters: dict, frames: dict[str, pd.DataFrame], lib_digest: str) -> str:
    h = hashlib.sha256(template_path(template).read_bytes())
    h.update(json.dumps(parameters, sort_keys=True).encode())
    h.update(_frames_digest(frames).encode())
    h.update(lib_digest.encode())
    return h.hexdigest()[:24]


def plan(data: Path, forces: str | None = None) -> tuple[list[Job], list[str]]:
    """The batch's notebooks: one profile per force, the comparison, the inventory; and any errors."""
    data = Path(data)
    everything = load(data)
    lib_digest = _library_digest()
    errors: list[str] = []
    try:
        chosen = select_forces(forces, everything["documents"])
    except ValueError as err:
        return [], [str(err)]
    have = set(everything["documents"]["force"].dropna())
    missing = [f for f in chosen if f not in have]
    errors += [f"no documents about {f}: no profile" for f in missing]
    chosen = [f for f in chosen if f in have]
    common = {"data_dir": "../data", "out_dir": "../reports/tables"}
    jobs = []
    for force in chosen:
        params = {"force": force, **common}
        jobs.append(
            Job(
                f"20-profile-force-{slug(force)}",
                "20-profile-force",
                f"Force profile: {force}",
                params,
                _key("20-profile-force", params, force_tables(data, force), lib_digest),
            )
        )
    if chosen or not forces:
        params = {"forces": ", ".join(chosen) if forces else "", "years": "", **common}
        jobs.append(
            Job(
                "30-compare-forces",
                "30-compare-forces",
                "Forces compared",
                params,
                _key("30-compare-forces", params, everything, lib_digest),
            )
        )
    jobs.append(
        Job(
            "00-inventory-corpus",
            "00-inventory-corpus",
            "Inventory of the corpus",
            dict(common),
            _key("00-inventory-corpus", common, everything, lib_digest),
        )
    )
    return jobs, errors


def run_all(data: Path, out: Path, jobs: int = 1, forces: str | None = None) -> int:
    """Execute every notebook of the batch into ``out/notebooks`` and render ``out/reports``; returns failures.

    ``out`` is the run's private folder ``OUT/.runs/<id>`` (see ``lib.outputs``); the cache of executed
    notebooks lives outside the switch, in ``OUT/.cache/notebooks``.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from multiprocessing import get_context

    from tqdm import tqdm

    data, out = Path(data).resolve(), Path(out).resolve()
    for sub in ("notebooks", "reports/tables"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    root = out.parent.parent if out.parent.name == RUNS else out.parent  # OUT/.runs/<id> -> OUT
    cache = root / ".cache" / "notebooks"
    cache.mkdir(parents=True, exist_ok=True)
    todo, errors = plan(data, forces)
    for err in errors:
        print(f"  FAILED  notebooks: {err}", file=sys.stderr)
    results: list[dict] = []
    pending = []
    for job in todo:
        entry = cache / job.name / job.key
        if entry.is_dir() and (entry / "notebooks" / f"{job.name}.ipynb").exists():
            _place(entry, out)
            results.append({"name": job.name, "error": None, "seconds": 0.0, "cached": True})
        else:
            pending.append(job)
    bar = tqdm(total=len(todo), initial=len(todo) - len(pending), desc="notebooks", unit="nb", file=sys.stderr)

    def done(result: dict) -> None:
        results.append(result)
        bar.update(1)
        if result["error"]:
            tqdm.write(f"  FAILED  {result['name']}: {result['error']}", file=sys.stderr)

    args = [(job, data, out, cache) for job in pending]
    if args:  # workers in their own processes even for one job: kernels' output stays off this terminal
        with ProcessPoolExecutor(
            max_workers=max(1, min(jobs, len(args))), mp_context=get_context("spawn"), initializer=lean_worker
        ) as pool:
            futures = {pool.submit(_worker, a): a[0] for a in args}
            for fut in as_completed(futures):
                try:
                    done(fut.result())
                except Exception as err:  # noqa: BLE001  a worker that died: the notebook failed, the others go on
                    done(
                        {
                            "name": futures[fut].name,
                            "error": f"worker: {type(err).__name__}: {err}",
                            "seconds": 0.0,
                            "cached": False,
                        }
                    )
    bar.close()
    titles = {j.name: j.title for j in todo}
    write_index(
        out / "reports",
        titles,
        {r["name"]: r["error"] for r in results if r["error"]} | ({"notebooks": errors[-1]} if errors else {}),
    )
    n_cached = sum(r["cached"] for r in results)
    slowest = max((r for r in results if not r["cached"]), key=lambda r: r["seconds"], default=None)
    print(
        f"{len(results)} notebooks ({n_cached} unchanged, from the cache), "
        f"{sum(1 for r in results if r['error']) + len(errors)} failed"
        + (f"; slowest {slowest['name']} {slowest['seconds']} s" if slowest else "")
    )
    return sum(1 for r in results if r["error"]) + len(errors)


SECTIONS = [("20-", "Force profiles"), ("30-", "Forces compared"), ("00-", "The corpus"), ("10-", "Single documents")]


def write_index(reports: Path, titles: dict[str, str] | None = None, failures: dict[str, str] | None = None) -> Path:
    """``reports/index.html``: a link to every report in the folder, the tables the notebooks wrote, failures."""
    reports = Path(reports)
    titles, failures = titles or {}, failures or {}
    found = {p.stem: p for p in sorted(reports.glob("*.html")) if p.name != "index.html"}

    def title_of(name: str, p: Path) -> str:
        if name in titles:
            return titles[name]
        m = re.search(r"<title>(.*?)</title>", p.read_text(encoding="utf-8", errors="replace")[:5000], re.S)
        return html.unescape(m.group(1).strip()) if m else name

    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>peel-workbook reports</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222}"
        "h1{font-size:1.5em}h2{font-size:1.1em;margin-top:1.6em}li{margin:.25em 0}.failed{color:#b00020}"
        "code{background:#f3f3f3;padding:0 .2em}</style></head><body>",
        "<h1>peel-workbook: reports</h1><p>Police inspection (PEEL) reports and PCC documents read into "
        "tidy tables (<code>../data/</code>); each report below is an executed notebook "
        "(<code>../notebooks/</code>) rendered with its code hidden.</p>",
    ]
    for prefix, heading in SECTIONS:
        names = [n for n in found if n.startswith(prefix)]
        if not names:
            continue
        parts.append(f"<h2>{heading}</h2><ul>")
        for n in names:
            bad = failures.get(n)
            flag = f" <span class='failed'>FAILED: {html.escape(bad)}</span>" if bad else ""
            parts.append(f"<li><a href='{html.escape(n)}.html'>{html.escape(title_of(n, found[n]))}</a>{flag}</li>")
        parts.append("</ul>")
    other = [n for n in found if not any(n.startswith(p) for p, _ in SECTIONS)]
    if other:
        parts.append(
            "<h2>Other</h2><ul>"
            + "".join(f"<li><a href='{html.escape(n)}.html'>{html.escape(n)}</a></li>" for n in other)
            + "</ul>"
        )
    written = (
        sorted(p.relative_to(reports).as_posix() for p in (reports / "tables").rglob("*.csv"))
        if (reports / "tables").is_dir()
        else []
    )
    if written:
        parts.append(
            "<h2>Tables the notebooks wrote</h2><ul>"
            + "".join(f"<li><a href='{html.escape(w)}'>{html.escape(w)}</a></li>" for w in written)
            + "</ul>"
        )
    missing = {n: e for n, e in failures.items() if n not in found}
    if missing:
        parts.append(
            "<h2 class='failed'>Not rendered</h2><ul>"
            + "".join(f"<li class='failed'>{html.escape(n)}: {html.escape(e)}</li>" for n, e in missing.items())
            + "</ul>"
        )
    parts.append("</body></html>")
    reports.mkdir(parents=True, exist_ok=True)
    index = reports / "index.html"
    index.write_text("\n".join(parts), encoding="utf-8")
    return index


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
    work, error, seconds = _execute(job, None)
    try:
        _place(work, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write_index(out / "reports", failures={job.name: error} if error else None)
    where = out / "reports" / f"{job.name}.html"
    if error:
        print(f"  FAILED  {job.name}: {error} (see {where})", file=sys.stderr)
        return 1
    print(f"{job.name}: {where} ({seconds:.1f} s)")
    return 0
