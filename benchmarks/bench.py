"""Benchmark on a synthetic corpus of the 43 forces: ``python -m benchmarks.bench --out outputs/bench``
(``make bench``; from the repository root, which holds ``lib`` and ``tests``).

The corpus (``benchmarks/corpus.py``): what analysts hold, every family in every format (text, Markdown, PDF
in one and two columns, a web page, a Word file): every seed for each of the 43 forces, the format turning round
(215 documents), and each sample of ``../shared/families`` and ``../shared/families2`` once in every format,
the forces turning round (15 x 6); the force's name put in wherever the format allows. The fixture builders
are the tests' own (``tests/fixtures.py``).

Then, all on the same corpus:

0. the notebook floor: a bare parameterised notebook (one parameter, nothing else) through the batch's own
   runner and kernel (``lib.run.nbrun``), the median of BARE_ROUNDS;
1. reading: pypdfium2 bare text extraction over every PDF (the floor) against the pipeline's reader
   (``lib.readers.read_document``) over the same PDFs, one process each, pages a second;
2. ``lib.run.batch.run`` cold (empty cache, empty output) with JOBS=1, then with JOBS=2, each in a fresh
   process as ``make run`` would start it; then again with nothing changed (warm);
3. ``lib.run.batch.run`` (tables only) with a ``distributed.LocalCluster`` as DASK_SCHEDULER, and its tables
   compared with the local run's;
4. the per-document stage, tables only, JOBS=1: cold (read, structure, classify, extract, check), then again
   with the tables' cache emptied and every Document from its cache (``lib.doccache``): re-extraction; the
   two in turn EXTRACT_ROUNDS times, the fastest of each;
5. the scale measure, tables only, JOBS=2, cold: on the corpus and on four copies of it with other bytes
   (``corpus.copies``): seconds a document and the process tree's peak memory (summed RSS), x1 against x4.

Each run's process tree (the run, its workers, papermill's kernels, the Dask cluster) is sampled 20 times a
second for its resident memory (RSS; PSS twice a second, being costly to read); ``resource.getrusage`` gives
each run's own peak and its largest child's.
Prints a table and writes ``OUT/bench.json`` and ``OUT/bench.txt``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import psutil  # comes with distributed: the process tree's memory

from benchmarks.corpus import KINDS, build_corpus, copies, describe
from lib import tables as T
from lib.model import ReadError
from lib.paths import ROOT
from lib.readers import read_document
from lib.run.listing import list_documents
from lib.run.nbrun import Job, execute

TARGETS = {
    "read_vs_floor": 2.0,
    "cold_s": 180.0,
    "speedup": 1.6,
    "warm_fraction": 0.1,
    "rss_mb": 1024.0,
    "reextract_fraction": 0.4,  # re-extraction from cached Documents, against the cold per-document stage
    "scale_s_per_doc": 1.15,  # seconds a document on four copies of the corpus, against the corpus
    "scale_peak": 1.15,  # peak memory on four copies of the corpus, against the corpus
}
COPIES = 4  # the scale measure: the corpus against this many copies of it with other bytes
MAKE_RUN = ("cold_jobs1", "cold_jobs2", "warm")  # the runs as `make run` makes them (notebooks included)
READ_ROUNDS = 5  # the reading measure is taken this many times, in turn with the floor
EXTRACT_ROUNDS = 3  # the per-document stage (cold, then from the cached Documents) is taken this many times
BARE_ROUNDS = 5  # the bare notebook is run this many times; the median counts
NOTEBOOK_FACTOR = 3.0  # target: the notebook stage within this many bare notebooks per notebook per worker


# ---------------------------------------------------------------------------------------------------------
# Reading: the pypdfium2 floor and the pipeline's reader, same PDFs, same process
# ---------------------------------------------------------------------------------------------------------


def floor_read(pdfs: list[Path]) -> tuple[int, float]:
    """Bare pypdfium2 text extraction of every page: (pages, seconds)."""
    import pypdfium2 as pdfium  # the floor itself: imported where it is measured

    pages, t0 = 0, time.perf_counter()
    for path in pdfs:
        pdf = pdfium.PdfDocument(str(path))
        try:
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                textpage.get_text_range()
                textpage.close()
                page.close()
                pages += 1
        finally:
            pdf.close()
    return pages, time.perf_counter() - t0


def pipeline_read(pdfs: list[Path]) -> tuple[int, float]:
    """The pipeline's reader (``read_document``: text, columns, tables, redaction) on the same PDFs."""
    pages, t0 = 0, time.perf_counter()
    for path in pdfs:
        try:
            pages += len(read_document(path).pages)
        except ReadError:
            pass
    return pages, time.perf_counter() - t0


def count_pages(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        try:
            total += len(read_document(path).pages)
        except ReadError:
            pass
    return total


# ---------------------------------------------------------------------------------------------------------
# The notebook floor: a bare parameterised notebook through the batch's runner and kernel
# ---------------------------------------------------------------------------------------------------------


def bare_notebook(folder: Path, rounds: int = BARE_ROUNDS) -> list[float]:
    """Seconds of each of ``rounds`` runs of a bare notebook (a parameters cell, nothing else): kernel start,
    parameters, execution, HTML rendering, shutdown; as ``lib.run.nbrun`` runs every notebook."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]})])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = Path(folder) / "bare.ipynb"
    nbformat.write(nb, path)
    seconds = []
    for i in range(rounds):
        work, error, took = execute(Job(f"bare-{i}", str(path), "A bare notebook", {"x": 2}), None)
        shutil.rmtree(work, ignore_errors=True)
        if error:
            raise RuntimeError(f"the bare notebook failed: {error}")
        seconds.append(took)
    return seconds


# ---------------------------------------------------------------------------------------------------------
# One run in its own process (``python -m benchmarks.child SPEC``), watched from here
# ---------------------------------------------------------------------------------------------------------


# The tree's RSS is read 20 times a second (/proc/<pid>/statm: cheap); its PSS once every PSS_EVERY samples:
# PSS walks every page table (/proc/<pid>/smaps_rollup), about 4 ms of a core a process, and read 20 times a
# second over the notebook stage's eight processes it took a third of a core from the run it measured.
PSS_EVERY = 10


def _tree_memory(proc, pss: bool = True) -> tuple[int, int | None]:
    """(sum of RSS, sum of PSS or None) over a process and all its descendants. RSS counts pages shared
    between processes (libraries, fork's copy-on-write) once per process; PSS shares them out, so it adds up."""
    rss, shared_out = 0, 0 if pss else None
    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.Error:
        return 0, shared_out
    for p in procs:
        try:
            if not pss:
                rss += p.memory_info().rss
                continue
            info = p.memory_full_info()
            rss += info.rss
            shared_out += getattr(info, "pss", info.rss)
        except psutil.AccessDenied:
            try:
                rss += p.memory_info().rss
            except psutil.Error:
                pass
        except psutil.Error:
            pass
    return rss, shared_out


def run_child(spec: dict, env: dict | None = None) -> dict:
    """Start one run in a fresh interpreter; its wall time (interpreter start to exit) and tree peak RSS."""
    cmd = [sys.executable, "-m", "benchmarks.child", json.dumps(spec)]
    # Its output goes to files, not pipes: nothing reads a pipe while the run is watched, and a figures line
    # longer than a pipe's buffer (the x4 corpus's documents) would block the child at its last print.
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=out_file, stderr=err_file, text=True, cwd=str(ROOT), env={**os.environ, **(env or {})}
        )
        samples: list[tuple[float, int, int | None]] = []
        watched = psutil.Process(proc.pid)
        while proc.poll() is None:
            samples.append((time.time(), *_tree_memory(watched, pss=len(samples) % PSS_EVERY == 0)))
            time.sleep(0.05)
        wall = time.perf_counter() - t0
        out_file.seek(0)
        err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"benchmark run failed ({proc.returncode}): {' '.join(cmd[:4])}\n{err[-3000:]}")
    figures = json.loads(lines[-1])

    def peak(window=(), column=1) -> float:
        """Peak over the whole run (no window given) or over one stage (0 when the stage did not run)."""
        if window == ():
            inside = [s[column] for s in samples]
        else:
            inside = [s[column] for s in samples if window and len(window) == 2 and window[0] <= s[0] <= window[1]]
        return max((v for v in inside if v is not None), default=0) / 2**20

    figures.update(
        wall_s=wall,
        tree_peak_rss_mb=peak(),
        tree_peak_pss_mb=peak(column=2),
        extract_peak_rss_mb=peak(figures.get("extract_window")),
        notebooks_peak_rss_mb=peak(figures.get("notebooks_window")),
        extract_peak_pss_mb=peak(figures.get("extract_window"), 2),
        notebooks_peak_pss_mb=peak(figures.get("notebooks_window"), 2),
    )
    return figures


# ---------------------------------------------------------------------------------------------------------
# Comparing tables, notebooks' own timings
# ---------------------------------------------------------------------------------------------------------


def same_tables(a: Path, b: Path) -> tuple[bool, list[str]]:
    """Whether two output folders hold the same tables (every table of the contract, values and types)."""
    import pandas as pd  # heavy: only to compare tables

    differ = []
    for name in T.COLUMNS:
        try:
            left, right = T.read(Path(a) / "data", name), T.read(Path(b) / "data", name)
            pd.testing.assert_frame_equal(left, right)
        except (AssertionError, OSError, FileNotFoundError) as err:
            differ.append(f"{name}: {str(err).splitlines()[0] if str(err) else type(err).__name__}")
    return not differ, differ


def notebook_seconds(out: Path) -> list[float]:
    """papermill's own duration of every executed notebook under ``out/notebooks``."""
    seconds = []
    for path in sorted((Path(out) / "notebooks").rglob("*.ipynb")):
        try:
            meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("papermill", {})
        except (OSError, ValueError):
            continue
        if meta.get("duration") is not None:
            seconds.append(float(meta["duration"]))
    return seconds


def _stats(values: list[float]) -> dict:
    if not values:
        return {"n": 0, "mean": None, "median": None, "max": None, "total": 0.0}
    return {
        "n": len(values),
        "mean": round(statistics.fmean(values), 4),
        "median": round(statistics.median(values), 4),
        "max": round(max(values), 4),
        "total": round(sum(values), 3),
    }


# ---------------------------------------------------------------------------------------------------------
# The benchmark
# ---------------------------------------------------------------------------------------------------------


def bench(
    out: Path,
    n_forces: int = 43,
    n_families: int | None = None,
    jobs: int = 2,
    notebooks: bool = True,
    dask: bool = True,
    work: Path | None = None,
    keep: bool = False,
    log=print,
) -> dict:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(work) if work else Path(tempfile.mkdtemp(prefix="peel-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    load_start = [round(x, 2) for x in os.getloadavg()]
    try:
        t0 = time.perf_counter()
        shutil.rmtree(corpus, ignore_errors=True)
        made = build_corpus(corpus, n_forces=n_forces, n_families=n_families, jobs=jobs)
        build_s = time.perf_counter() - t0
        kinds = {name: kind for name, (kind, _) in made.items()}
        docs = list_documents(corpus)
        pdfs = [p for p in docs if p.suffix == ".pdf"]
        log(f"corpus: {len(docs)} documents ({len(pdfs)} PDF) in {build_s:.1f} s under {corpus}")
        families = describe(made)

        for p in docs:  # the same start for every measure: files in the page cache
            p.read_bytes()
        texts = [p for p in docs if p.suffix != ".pdf"]
        pipeline_read(pdfs[:3] + texts[:3])  # imports out of the measure
        # The floor and the reader in turn, READ_ROUNDS times each; the fastest of each counts (other work on
        # the machine only ever adds time, and it comes and goes within a run).
        floors, reads = [], []
        for _ in range(READ_ROUNDS):
            floors.append(floor_read(pdfs))
            reads.append(pipeline_read(pdfs))
        floor, read = min(floors, key=lambda r: r[1]), min(reads, key=lambda r: r[1])
        # the other readers, each on its own formats (text and Markdown, web pages, Word)
        groups = {"text": ("text", "markdown"), "html": ("html",), "docx": ("docx",)}
        other_reads = {
            name: min(
                (pipeline_read([p for p in texts if kinds.get(p.name) in group]) for _ in range(READ_ROUNDS)),
                key=lambda r: r[1],
            )
            for name, group in groups.items()
        }
        text_read = other_reads["text"]
        pages = count_pages(docs)
        log(
            f"reading {floor[0]} PDF pages: pypdfium2 floor {floor[1]:.2f} s, pipeline {read[1]:.2f} s "
            f"(fastest of {READ_ROUNDS}); {text_read[0]} text pages {text_read[1]:.2f} s"
        )

        bare = bare_notebook(work)
        bare_s = statistics.median(bare)
        log(f"bare notebook: median {bare_s:.2f} s of {len(bare)} ({', '.join(f'{b:.2f}' for b in bare)})")

        runs = {}
        for label, spec in (
            ("cold_jobs1", {"out": str(work / "out1"), "jobs": 1}),
            ("cold_jobs2", {"out": str(work / "out2"), "jobs": jobs}),
            ("warm", {"out": str(work / "out2"), "jobs": jobs}),
        ):
            spec.update(seeds=str(corpus), notebooks=notebooks)
            if label.startswith("cold"):
                shutil.rmtree(spec["out"], ignore_errors=True)
            runs[label] = run_child(spec)
            log(
                f"{label}: {runs[label]['wall_s']:.1f} s (extraction {runs[label]['extract_s']:.1f} s, "
                f"notebooks {runs[label]['notebooks_s']:.1f} s), exit {runs[label]['status']}"
            )
        identical_jobs = same_tables(work / "out1", work / "out2")
        dask_ok, dask_diff = None, []
        if dask:
            spec = {"out": str(work / "out-dask"), "jobs": jobs, "seeds": str(corpus), "notebooks": False, "dask": True}
            shutil.rmtree(spec["out"], ignore_errors=True)
            runs["dask"] = run_child(spec)
            dask_ok, dask_diff = same_tables(work / "out2", work / "out-dask")
            log(
                f"dask: {runs['dask']['wall_s']:.1f} s, tables "
                f"{'identical' if dask_ok else 'DIFFER: ' + '; '.join(dask_diff)}"
            )

        # The per-document stage at JOBS=1, tables only: cold, then from the cached Documents (the tables'
        # cache emptied, the Document cache warm), as after a change of EXTRACTOR_VERSION. In turn,
        # EXTRACT_ROUNDS times; the fastest of each counts, as for reading (a run of a few seconds moves by a
        # fifth with what else the machine does).
        spec = {"out": str(work / "out-extract"), "jobs": 1, "seeds": str(corpus), "notebooks": False}
        extract_rounds: dict[str, list[dict]] = {"cold": [], "reextract": []}
        for _ in range(EXTRACT_ROUNDS):
            shutil.rmtree(spec["out"], ignore_errors=True)
            extract_rounds["cold"].append(run_child(spec))
            for entry in (work / "out-extract" / ".cache").glob("*.json"):
                entry.unlink()
            extract_rounds["reextract"].append(run_child(spec))
        runs["extract_jobs1"] = min(extract_rounds["cold"], key=lambda r: r["extract_s"])
        runs["reextract_jobs1"] = min(extract_rounds["reextract"], key=lambda r: r["extract_s"])
        log(
            f"per-document stage, JOBS=1: cold {runs['extract_jobs1']['extract_s']:.1f} s, from the cached "
            f"Documents {runs['reextract_jobs1']['extract_s']:.1f} s (fastest of {EXTRACT_ROUNDS}: "
            + "; ".join(f"{k} " + ", ".join(f"{r['extract_s']:.2f}" for r in v) for k, v in extract_rounds.items())
            + ")"
        )

        # The scale measure: tables only at JOBS=2, cold, on the corpus and on COPIES copies of it.
        t0 = time.perf_counter()
        n_copies = copies(corpus, work / "corpus-x4", made, COPIES)
        copies_s = time.perf_counter() - t0
        for label, seeds in (("x1", corpus), ("x4", work / "corpus-x4")):
            spec = {"out": str(work / f"out-{label}"), "jobs": jobs, "seeds": str(seeds), "notebooks": False}
            shutil.rmtree(spec["out"], ignore_errors=True)
            runs[label] = run_child(spec)
            shutil.rmtree(spec["out"], ignore_errors=True)  # 4 x the corpus's cache: not kept
        scale_docs = {"x1": len(docs), "x4": n_copies}
        s_per_doc = {k: runs[k]["run_s"] / max(1, n) for k, n in scale_docs.items()}
        log(
            f"scale, tables only, JOBS={jobs}: x1 {s_per_doc['x1']:.3f} s/doc, {runs['x1']['tree_peak_rss_mb']:.0f} "
            f"MiB; x4 ({n_copies} documents) {s_per_doc['x4']:.3f} s/doc, {runs['x4']['tree_peak_rss_mb']:.0f} MiB"
        )

        cold = runs["cold_jobs2"]
        per_doc = {
            k: [d["seconds"] for d in runs["extract_jobs1"]["docs"] if kinds.get(d["source"]) == k and not d["cached"]]
            for k in KINDS
        }
        reextract_per_doc = {
            k: [d["seconds"] for d in runs["reextract_jobs1"]["docs"] if kinds.get(d["source"]) == k] for k in KINDS
        }
        nb_seconds = notebook_seconds(work / "out2")
        failed = [d["source"] for d in cold["docs"] if d["status"] != "ok"]
        result = {
            "documents": len(docs),
            "kinds": {k: sum(1 for v in kinds.values() if v == k) for k in KINDS},
            "families": families,
            "documents_failed": len(failed),
            "pages": pages,
            "pdf_pages": floor[0],
            "notebooks": len(nb_seconds),
            "jobs": jobs,
            "floor_pages_per_s": round(floor[0] / floor[1], 1) if floor[1] else None,
            "read_pages_per_s": round(read[0] / read[1], 1) if read[1] else None,
            "read_pages_per_s_by_reader": {
                "pdf": round(read[0] / read[1], 1) if read[1] else None,
                **{k: round(v[0] / v[1], 1) if v[1] else None for k, v in other_reads.items()},
            },
            "read_rounds_s": {"floor": [round(r[1], 3) for r in floors], "pipeline": [round(r[1], 3) for r in reads]},
            "cold_s_jobs1": round(runs["cold_jobs1"]["wall_s"], 2),
            "cold_s_jobs2": round(cold["wall_s"], 2),
            "warm_s": round(runs["warm"]["wall_s"], 2),
            "bare_notebook_s": round(bare_s, 3),
            "bare_notebook_rounds_s": [round(b, 3) for b in bare],
            "notebook_stage_s_jobs2": round(cold["notebooks_s"], 2),
            "notebook_stage_target_s": round(NOTEBOOK_FACTOR * len(nb_seconds) * bare_s / jobs, 2),
            "speedup_jobs2": round(runs["cold_jobs1"]["wall_s"] / cold["wall_s"], 2),
            # the batch's own runs (the Dask cluster's processes are the cluster's, reported apart)
            "peak_rss_mb": round(max(runs[label]["tree_peak_rss_mb"] for label in MAKE_RUN), 1),
            "peak_pss_mb": round(max(runs[label]["tree_peak_pss_mb"] for label in MAKE_RUN), 1),
            "extract_peak_rss_mb": round(max(runs[label]["extract_peak_rss_mb"] for label in MAKE_RUN), 1),
            # the per-document stage, tables only, JOBS=1: cold, and with every Document from its cache
            "extraction_s_jobs1": round(runs["extract_jobs1"]["extract_s"], 2),
            "reextract_s_jobs1": round(runs["reextract_jobs1"]["extract_s"], 2),
            "reextract_fraction": round(runs["reextract_jobs1"]["extract_s"] / runs["extract_jobs1"]["extract_s"], 3),
            "extract_rounds_s": {k: [round(r["extract_s"], 2) for r in v] for k, v in extract_rounds.items()},
            # the scale measure, tables only, JOBS=jobs, cold: the whole run's seconds a document (extraction,
            # tables, evidence pages, front page, workbook) and the process tree's peak (summed RSS)
            "scale_documents": scale_docs,
            "s_per_doc_x1": round(s_per_doc["x1"], 4),
            "s_per_doc_x4": round(s_per_doc["x4"], 4),
            "extract_s_per_doc_x1": round(runs["x1"]["extract_s"] / scale_docs["x1"], 4),
            "extract_s_per_doc_x4": round(runs["x4"]["extract_s"] / scale_docs["x4"], 4),
            "peak_mb_x1": round(runs["x1"]["tree_peak_rss_mb"], 1),
            "peak_mb_x4": round(runs["x4"]["tree_peak_rss_mb"], 1),
            "copies_build_s": round(copies_s, 1),
            "peak_rss_getrusage_mb": {
                label: {"self": round(r["maxrss_self_mb"], 1), "largest_child": round(r["maxrss_largest_child_mb"], 1)}
                for label, r in runs.items()
            },
            "dask_identical": dask_ok,
            "dask_differences": dask_diff,
            "dask_s": round(runs["dask"]["wall_s"], 2) if "dask" in runs else None,
            "jobs_identical": identical_jobs[0],
            "extract_s_per_doc": {
                **_stats([s for v in per_doc.values() for s in v]),
                "by_kind": {k: _stats(v) for k, v in per_doc.items()},
            },
            "reextract_s_per_doc": {
                **_stats([s for v in reextract_per_doc.values() for s in v]),
                "by_kind": {k: _stats(v) for k, v in reextract_per_doc.items()},
            },
            "papermill_s_per_notebook": _stats(nb_seconds),
            "breakdown": {
                label: {
                    "wall_s": round(r["wall_s"], 2),
                    "interpreter_and_imports_s": round(r["import_s"], 2),
                    "extract_s": round(r["extract_s"], 2),
                    "notebooks_s": round(r["notebooks_s"], 2),
                    "tables_and_rest_s": round(r["run_s"] - r["extract_s"] - r["notebooks_s"], 2),
                    "cached_documents": sum(1 for d in r["docs"] if d["cached"]),
                    "tree_peak_rss_mb": round(r["tree_peak_rss_mb"], 1),
                    "extract_peak_rss_mb": round(r["extract_peak_rss_mb"], 1),
                    "notebooks_peak_rss_mb": round(r["notebooks_peak_rss_mb"], 1),
                    "tree_peak_pss_mb": round(r["tree_peak_pss_mb"], 1),
                    "extract_peak_pss_mb": round(r["extract_peak_pss_mb"], 1),
                    "notebooks_peak_pss_mb": round(r["notebooks_peak_pss_mb"], 1),
                    # CPU seconds of the run and its workers (the Dask cluster's are not its children)
                    "cpu_s": round(r["cpu_s"], 1),
                    "exit_status": r["status"],
                }
                for label, r in runs.items()
            },
            "corpus_build_s": round(build_s, 1),
            "failed_documents": failed[:20],
            "machine": {
                "cores": os.cpu_count(),
                "python": sys.version.split()[0],
                # other work on the machine makes every time longer: the load when the bench began and ended
                "load_average_start": load_start,
                "load_average_end": [round(x, 2) for x in os.getloadavg()],
            },
        }
        result["targets"] = targets(result)
        (out / "bench.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
        text = table(result)
        (out / "bench.txt").write_text(text + "\n", encoding="utf-8")
        log(text)
        return result
    finally:
        if keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def targets(r: dict) -> dict:
    t = TARGETS
    return {
        "read_within_2x_floor": bool(
            r["read_pages_per_s"]
            and r["floor_pages_per_s"]
            and r["read_pages_per_s"] * t["read_vs_floor"] >= r["floor_pages_per_s"]
        ),
        "cold_jobs2_under_3_min": r["cold_s_jobs2"] < t["cold_s"],
        "jobs2_speedup_1_6": r["speedup_jobs2"] >= t["speedup"],
        "warm_under_tenth_of_cold": r["warm_s"] < t["warm_fraction"] * r["cold_s_jobs2"],
        "peak_rss_under_1_gib": r["peak_rss_mb"] < t["rss_mb"],
        "dask_identical": bool(r["dask_identical"]),
        "notebook_stage_within_3x_bare": r["notebooks"] == 0
        or r["notebook_stage_s_jobs2"] <= r["notebook_stage_target_s"],
        "reextract_within_40pct": r["reextract_s_jobs1"] <= t["reextract_fraction"] * r["extraction_s_jobs1"],
        "s_per_doc_x4_within_1_15": r["s_per_doc_x4"] <= t["scale_s_per_doc"] * r["s_per_doc_x1"],
        "peak_x4_within_1_15": r["peak_mb_x4"] <= t["scale_peak"] * r["peak_mb_x1"],
    }


def table(r: dict) -> str:
    ok = r["targets"]
    mark = lambda b: "ok" if b else "MISSED"  # noqa: E731
    by = r["kinds"]
    e, n = r["extract_s_per_doc"], r["papermill_s_per_notebook"]
    b = r["breakdown"]["cold_jobs2"]
    fmt = lambda v, spec: "-" if v is None else format(v, spec)  # noqa: E731
    rows = [
        ("reading: pypdfium2 floor", f"{r['floor_pages_per_s']:,.0f} pages/s", "", ""),
        (
            "reading: pipeline, PDF",
            f"{r['read_pages_per_s']:,.0f} pages/s",
            f">= {r['floor_pages_per_s'] / 2:,.0f} (floor/2)",
            mark(ok["read_within_2x_floor"]),
        ),
        *(
            (f"reading: pipeline, {label}", f"{fmt(r['read_pages_per_s_by_reader'][k], ',.0f')} pages/s", "", "")
            for k, label in (("text", "text and Markdown"), ("html", "web pages"), ("docx", "Word"))
        ),
        ("cold run JOBS=1", f"{r['cold_s_jobs1']:.1f} s", "", ""),
        (f"cold run JOBS={r['jobs']}", f"{r['cold_s_jobs2']:.1f} s", "< 180 s", mark(ok["cold_jobs2_under_3_min"])),
        (f"speed-up JOBS={r['jobs']} / JOBS=1", f"{r['speedup_jobs2']:.2f}x", ">= 1.6x", mark(ok["jobs2_speedup_1_6"])),
        (
            "warm run (nothing changed)",
            f"{r['warm_s']:.1f} s",
            f"< {r['cold_s_jobs2'] / 10:.1f} s (cold/10)",
            mark(ok["warm_under_tenth_of_cold"]),
        ),
        (
            "peak memory, process tree",
            f"{r['peak_rss_mb']:,.0f} MiB",
            "< 1024 MiB (sum of RSS)",
            mark(ok["peak_rss_under_1_gib"]),
        ),
        ("  the same, PSS", f"{r['peak_pss_mb']:,.0f} MiB", "(shared pages counted once)", ""),
        (
            "  extraction stage only",
            f"{r['extract_peak_rss_mb']:,.0f} MiB",
            "< 1024 MiB (sum of RSS)",
            mark(r["extract_peak_rss_mb"] < TARGETS["rss_mb"]),
        ),
        (
            "Dask LocalCluster tables",
            "identical" if r["dask_identical"] else ("not run" if r["dask_identical"] is None else "DIFFER"),
            "identical",
            mark(ok["dask_identical"]),
        ),
        (
            f"notebook stage, JOBS={r['jobs']}",
            f"{r['notebook_stage_s_jobs2']:.1f} s",
            f"<= {r['notebook_stage_target_s']:.1f} s (3 x {r['notebooks']} x bare / jobs)",
            mark(ok["notebook_stage_within_3x_bare"]),
        ),
        (
            "per-document stage, JOBS=1",
            f"{r['extraction_s_jobs1']:.1f} s",
            "cold: read, structure, extract",
            "",
        ),
        (
            "  the same, Documents cached",
            f"{r['reextract_s_jobs1']:.1f} s",
            f"<= {TARGETS['reextract_fraction'] * r['extraction_s_jobs1']:.1f} s (40% of cold)",
            mark(ok["reextract_within_40pct"]),
        ),
        (
            f"tables only, JOBS={r['jobs']}: x1",
            f"{r['s_per_doc_x1']:.3f} s/doc",
            f"{r['peak_mb_x1']:,.0f} MiB peak",
            "",
        ),
        (
            f"  x{COPIES} ({r['scale_documents']['x4']} documents)",
            f"{r['s_per_doc_x4']:.3f} s/doc",
            f"<= {TARGETS['scale_s_per_doc'] * r['s_per_doc_x1']:.3f} s/doc (1.15 x x1)",
            mark(ok["s_per_doc_x4_within_1_15"]),
        ),
        (
            f"  x{COPIES} peak memory",
            f"{r['peak_mb_x4']:,.0f} MiB",
            f"<= {TARGETS['scale_peak'] * r['peak_mb_x1']:,.0f} MiB (1.15 x x1)",
            mark(ok["peak_x4_within_1_15"]),
        ),
        ("bare notebook (floor)", f"{r['bare_notebook_s']:.2f} s", f"median of {len(r['bare_notebook_rounds_s'])}", ""),
        ("extraction per document", f"{fmt(e['mean'], '.3f')} s mean", f"max {fmt(e['max'], '.2f')} s", ""),
        ("papermill per notebook", f"{fmt(n['mean'], '.2f')} s mean", f"max {fmt(n['max'], '.2f')} s", ""),
    ]
    w = max(len(x[0]) for x in rows)
    head = (
        f"peel-workbook benchmark: {r['documents']} documents ({by['text']} text, {by['markdown']} Markdown, "
        f"{by['pdf']} PDF one column, {by['pdf2']} PDF two columns, {by['html']} web pages, {by['docx']} Word; "
        f"{len(r['families'])} sources; {r['documents_failed']} failed), {r['pages']:,} pages "
        f"({r['pdf_pages']:,} in PDFs), {r['notebooks']} notebooks; {r['machine']['cores']} cores"
    )
    load = r["machine"]["load_average_start"][0]
    if load > 0.5 * r["machine"]["cores"]:
        head += (
            f"\n  (the machine was busy: load average {load:.1f} at the start; "
            "times are longer than on an idle machine)"
        )
    lines = [head, ""] + [f"  {a:<{w}}  {m:>16}  {t:<26} {s}".rstrip() for a, m, t, s in rows]
    kinds = ", ".join(f"{k} {fmt(v['mean'], '.3f')} s" for k, v in e["by_kind"].items())
    again = ", ".join(f"{k} {fmt(v['mean'], '.3f')} s" for k, v in r["reextract_s_per_doc"]["by_kind"].items())
    lines += [
        "",
        f"  per-document stage by kind (JOBS=1, mean): {kinds}",
        f"  the same from the cached Documents: {again}",
        f"  cold JOBS={r['jobs']} breakdown: interpreter+imports {b['interpreter_and_imports_s']:.1f} s, "
        f"extraction {b['extract_s']:.1f} s, notebooks {b['notebooks_s']:.1f} s, "
        f"tables and the rest {b['tables_and_rest_s']:.1f} s",
    ]
    lines.append(
        f"  peak memory of the process tree by stage, cold JOBS={r['jobs']} (RSS / PSS): extraction "
        f"{b['extract_peak_rss_mb']:,.0f} / {b['extract_peak_pss_mb']:,.0f} MiB, notebooks "
        f"{b['notebooks_peak_rss_mb']:,.0f} / {b['notebooks_peak_pss_mb']:,.0f} MiB; largest single "
        f"process {max(max(v.values()) for v in r['peak_rss_getrusage_mb'].values()):,.0f} MiB (getrusage)"
    )
    w_ = r["breakdown"]["warm"]
    lines.append(
        f"  warm breakdown: {w_['cached_documents']} of {r['documents']} documents from the cache; extraction "
        f"{w_['extract_s']:.1f} s, notebooks {w_['notebooks_s']:.1f} s, "
        f"tables and the rest {w_['tables_and_rest_s']:.1f} s"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "outputs" / "bench", help="where bench.json goes")
    parser.add_argument("--forces", type=int, default=43, help="how many forces (default: all 43)")
    parser.add_argument(
        "--families", type=int, default=None, help="how many family samples of ../shared (default: all)"
    )
    parser.add_argument("--jobs", type=int, default=2, help="workers of the parallel run (default: 2)")
    parser.add_argument("--no-notebooks", action="store_true", help="tables only (no papermill)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and the outputs")
    args = parser.parse_args(argv)
    result = bench(
        args.out,
        n_forces=args.forces,
        n_families=args.families,
        jobs=max(1, args.jobs),
        notebooks=not args.no_notebooks,
        dask=not args.no_dask,
        work=args.work,
        keep=args.keep,
    )
    print(f"written: {args.out / 'bench.json'}")
    return 0 if result["documents"] else 1


if __name__ == "__main__":
    sys.exit(main())
