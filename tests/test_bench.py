"""Smoke test of ``python -m benchmarks.bench`` on a tiny corpus (3 forces, one family sample in every format): the
JSON it writes and sane values.
No timing assertions: speed is what ``make bench`` measures on the whole corpus."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from lib.paths import ROOT

KEYS = {
    "documents",
    "pages",
    "notebooks",
    "floor_pages_per_s",
    "read_pages_per_s",
    "cold_s_jobs1",
    "cold_s_jobs2",
    "warm_s",
    "peak_rss_mb",
    "dask_identical",
    "extract_s_per_doc",
    "papermill_s_per_notebook",
    "targets",
    "breakdown",
    "kinds",
    "families",
    "extraction_s_jobs1",
    "reextract_s_jobs1",
    "s_per_doc_x1",
    "s_per_doc_x4",
    "peak_mb_x1",
    "peak_mb_x4",
}
KINDS = {"text", "markdown", "pdf", "pdf2", "html", "docx"}


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.bench",
            "--out",
            str(out),
            "--forces",
            "3",
            "--families",
            "1",
            "--no-notebooks",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads((out / "bench.json").read_text()), proc.stdout, out


def test_bench_json_keys_and_values(figures):
    r, _, _ = figures
    assert KEYS <= set(r)
    assert r["documents"] == 21  # 3 forces x 5 seeds, and one family sample in each of the 6 formats
    assert set(r["kinds"]) == KINDS and sum(r["kinds"].values()) == 21 and all(r["kinds"].values())
    assert len(r["families"]) == 6 and sum(n for f in r["families"].values() for n in f["kinds"].values()) == 21
    assert any(set(f["kinds"]) == KINDS for f in r["families"].values())  # the family sample in every format
    assert r["pages"] >= r["pdf_pages"] > 0
    assert r["notebooks"] == 0  # --no-notebooks
    assert r["floor_pages_per_s"] > 0 and r["read_pages_per_s"] > 0
    assert r["cold_s_jobs1"] > 0 and r["cold_s_jobs2"] > 0 and r["warm_s"] > 0
    assert 0 < r["peak_rss_mb"] < 64 * 1024
    assert r["dask_identical"] is True and r["jobs_identical"] is True
    assert r["extract_s_per_doc"]["n"] == 21  # the cold JOBS=1 run extracted every document
    assert r["reextract_s_per_doc"]["n"] == 21 and r["breakdown"]["reextract_jobs1"]["cached_documents"] == 0
    assert 0 < r["reextract_s_jobs1"] and 0 < r["extraction_s_jobs1"]
    rounds = r["extract_rounds_s"]  # each run in turn, the fastest of each counted
    assert len(rounds["cold"]) == len(rounds["reextract"]) == 3
    assert r["extraction_s_jobs1"] == min(rounds["cold"]) and r["reextract_s_jobs1"] == min(rounds["reextract"])
    assert r["scale_documents"] == {"x1": 21, "x4": 84}
    assert r["s_per_doc_x1"] > 0 and r["s_per_doc_x4"] > 0 and r["peak_mb_x1"] > 0 and r["peak_mb_x4"] > 0
    warm = r["breakdown"]["warm"]
    assert warm["cached_documents"] >= 21 - r["documents_failed"]  # only unexpected failures are read again
    assert r["breakdown"]["cold_jobs1"]["cached_documents"] == 0
    assert set(r["targets"]) >= {
        "read_within_2x_floor",
        "dask_identical",
        "peak_rss_under_1_gib",
        "reextract_within_40pct",
        "s_per_doc_x4_within_1_15",
        "peak_x4_within_1_15",
    }


def test_bench_prints_a_table(figures):
    _, stdout, out = figures
    assert "pypdfium2 floor" in stdout and "cold run JOBS=1" in stdout and "Dask LocalCluster" in stdout
    assert (out / "bench.txt").read_text().startswith("peel-workbook benchmark: 21 documents")
    assert "Documents cached" in stdout and "x4" in stdout


def test_the_tree_memory_reads_pss_only_when_asked():
    """RSS is cheap to read and read every sample; PSS (every page table walked) only when asked."""
    import psutil

    from benchmarks.bench import _tree_memory

    rss, pss = _tree_memory(psutil.Process(), pss=False)
    assert rss > 0 and pss is None
    rss, pss = _tree_memory(psutil.Process())
    assert rss > 0 and 0 < pss <= rss
