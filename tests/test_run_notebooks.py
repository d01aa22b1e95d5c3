"""The notebook batch (lib.run.notebooks, lib.run.nbrun): the cache and its key, warm kernels that still give
each notebook a fresh kernel, failures reported by name, the one-document report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat

from lib import tables as T
from lib.analysis.corpus import load
from lib.paths import ROOT, SEEDS
from lib.run import nbrun
from lib.run import notebooks as runner


def text_of(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    parts = []
    for c in nb["cells"]:
        for o in c.get("outputs", []) if c["cell_type"] == "code" else []:
            data = o.get("data", {})
            shown = [data.get(kind, "") for kind in ("text/markdown", "text/html", "text/plain")]
            parts.append("".join("".join(x) for x in shown) + "".join(o.get("text", "")))
    return "\n".join(parts)


def test_unchanged_inputs_come_from_the_cache(batch, capsys):
    out = batch["root"] / ".runs" / "second"
    assert runner.run_all(batch["root"] / "data", out, jobs=2) == 0
    # Two profiles, the comparison, two trackers and the tracker of every force, the inventory.
    assert "7 notebooks (7 unchanged, from the cache), 0 failed" in capsys.readouterr().out
    first = (batch["out"] / "reports" / "30-compare-forces.html").read_bytes()
    assert (out / "reports" / "30-compare-forces.html").read_bytes() == first


def test_each_notebook_ran_in_a_fresh_kernel_of_its_own(batch):
    """Warm kernels: the warm-up is silent and out of the history, so each notebook counts from 1, and no
    kernel ran two notebooks (each executed notebook records its own kernel's start)."""
    for path in sorted((batch["out"] / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        counts = [c.execution_count for c in nb.cells if c.cell_type == "code" and c.execution_count]
        assert counts and counts[0] == 1 and counts == sorted(counts), path.name
        assert "_peel_warm" not in path.read_text(encoding="utf-8")


def test_templates_imports_are_what_the_kernels_warm():
    modules = nbrun.template_imports(["20-profile-force"])
    assert any(m.startswith("lib.analysis") for m in modules), modules
    code = nbrun.warm_code(modules)
    compile(code, "warm", "exec")  # valid Python
    namespace: dict = {}
    exec(code, namespace)  # imports what it can, defines nothing that stays
    assert set(namespace) <= {"__builtins__"}


def test_cache_key_follows_the_rows_a_notebook_reads(seed_out, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(seed_out / "data", data)
    before = {j.name: j.key for j in runner.plan(data)[0]}
    j = load(data)["judgments"]
    j.loc[j["force"] == "Gwent Police", "grade"] = "Inadequate"
    T.write({"judgments": j}, data)
    after = {j.name: j.key for j in runner.plan(data)[0]}
    assert after["20-profile-force-gwent-police"] != before["20-profile-force-gwent-police"]
    assert after["20-profile-force-dyfed-powys-police"] == before["20-profile-force-dyfed-powys-police"]
    assert after["30-compare-forces"] != before["30-compare-forces"]


def test_cache_key_covers_every_file_of_the_analysis_package(tmp_path, monkeypatch):
    files = set(runner.template_code_files())
    lib = ROOT / "lib"
    analysis = {p for p in (lib / "analysis").rglob("*.py") if "__pycache__" not in p.parts}
    assert analysis and analysis <= files
    assert {lib / "tables.py", lib / "paths.py", lib / "forces.py", lib / "data" / "forces.csv"} <= files
    assert not any(p.is_relative_to(lib / "run") for p in files)  # the run layer is not what templates run
    # A file added to the package (no list to update) changes the key of every notebook.
    copy = tmp_path / "lib"
    shutil.copytree(lib, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(runner, "LIB", copy)
    before = runner.library_digest()
    (copy / "analysis" / "new_helper.py").write_text("X = 1\n", encoding="utf-8")
    assert runner.library_digest() != before


def test_a_failing_notebook_is_reported_and_the_others_run(seed_out, tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(seed_out / "data", data)
    (tmp_path / ".runs").mkdir()
    # The force's profile runs a template with a cell that raises; the other notebooks are the real ones.
    boom = tmp_path / "boom.ipynb"
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("force = ''", metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell("raise ValueError(f'no grades for {force}')"),
        ]
    )
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, boom)
    jobs, _ = runner.plan(data, forces="Heddlu Gwent")
    jobs[0].template = str(boom)
    out = tmp_path / ".runs" / "x"
    original = runner.plan
    runner.plan = lambda *a, **k: (jobs, [])
    try:
        failed = runner.run_all(data, out, jobs=2, forces="Heddlu Gwent")
    finally:
        runner.plan = original
    assert failed == 1
    err = capsys.readouterr().err
    assert "FAILED  20-profile-force-gwent-police: cell" in err and "ValueError: no grades for Gwent Police" in err
    assert (out / "reports" / "30-compare-forces.html").exists()
    assert (out / "reports" / "00-inventory-corpus.html").exists()
    index = (out / "reports" / "index.html").read_text(encoding="utf-8")
    assert "FAILED: cell" in index and "no grades for Gwent Police" in index
    assert runner.run_all(data, tmp_path / ".runs" / "y", jobs=1, forces="Atlantis Police") == 1
    assert "not a police force of England and Wales: Atlantis Police" in capsys.readouterr().err


def test_report_command_renders_one_document(tmp_path):
    from lib.__main__ import main

    seed = sorted(SEEDS.glob("002_*"))[0]
    assert main(["report", str(seed), "--out", str(tmp_path)]) == 0
    name = f"10-extract-report-{runner.slug(seed.stem)}"
    assert (tmp_path / "notebooks" / f"{name}.ipynb").exists()
    assert "Gwent Police" in text_of(tmp_path / "notebooks" / f"{name}.ipynb")
    assert (tmp_path / "reports" / f"{name}.html").exists()
    assert f"href='{name}.html'" in (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "missing.pdf"), "--out", str(tmp_path)]) == 2
