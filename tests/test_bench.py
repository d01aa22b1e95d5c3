"""Smoke test of ``python -m benchmarks.bench`` on a tiny corpus (3 forces): the JSON it writes and sane values.
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
}


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench", "--out", str(out), "--forces", "3", "--no-notebooks"],
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
    assert r["documents"] == 15  # 3 forces x 5 seeds
    assert sum(r["documents_by_kind"].values()) == 15 and all(r["documents_by_kind"].values())
    assert r["pages"] >= r["pdf_pages"] > 0
    assert r["notebooks"] == 0  # --no-notebooks
    assert r["floor_pages_per_s"] > 0 and r["read_pages_per_s"] > 0
    assert r["cold_s_jobs1"] > 0 and r["cold_s_jobs2"] > 0 and r["warm_s"] > 0
    assert 0 < r["peak_rss_mb"] < 64 * 1024
    assert r["dask_identical"] is True and r["jobs_identical"] is True
    assert r["extract_s_per_doc"]["n"] == 15  # the cold JOBS=1 run extracted every document
    warm = r["breakdown"]["warm"]
    assert warm["cached_documents"] >= 15 - r["documents_failed"]  # only unexpected failures are read again
    assert r["breakdown"]["cold_jobs1"]["cached_documents"] == 0
    assert set(r["targets"]) >= {"read_within_2x_floor", "dask_identical", "peak_rss_under_1_gib"}


def test_bench_prints_a_table(figures):
    _, stdout, out = figures
    assert "pypdfium2 floor" in stdout and "cold run JOBS=1" in stdout and "Dask LocalCluster" in stdout
    assert (out / "bench.txt").read_text().startswith("peel-workbook benchmark: 15 documents")


def test_the_tree_memory_reads_pss_only_when_asked():
    """RSS is cheap to read and read every sample; PSS (every page table walked) only when asked."""
    import psutil

    from benchmarks.bench import _tree_memory

    rss, pss = _tree_memory(psutil.Process(), pss=False)
    assert rss > 0 and pss is None
    rss, pss = _tree_memory(psutil.Process())
    assert rss > 0 and 0 < pss <= rss
