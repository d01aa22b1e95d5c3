"""The notebook templates run on the seeds' tables: no error cell, headline sentences, charts, reports,
the cache, failures reported by name, the one-document report; nbval snapshots in step with the templates."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from lib.paths import NOTEBOOKS

NBVAL = Path(__file__).resolve().parent / "nbval"
TEMPLATES = ["00-inventory-corpus", "10-extract-report", "20-profile-force", "30-compare-forces"]


def outputs(path: Path) -> list[dict]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]


def text_of(path: Path) -> str:
    parts = []
    for o in outputs(path):
        data = o.get("data", {})
        parts.append("".join(data.get("text/markdown", "")) + "".join(o.get("text", "")))
    return "\n".join(parts)


def test_every_report_rendered_without_error(batch):
    assert batch["failures"] == 0
    out = batch["out"]
    names = [
        "20-profile-force-dyfed-powys-police",
        "20-profile-force-gwent-police",
        "30-compare-forces",
        "00-inventory-corpus",
    ]
    for name in names:
        assert (out / "notebooks" / f"{name}.ipynb").exists()
        assert (out / "reports" / f"{name}.html").exists()
        errors = [o for o in outputs(out / "notebooks" / f"{name}.ipynb") if o["output_type"] == "error"]
        assert not errors, f"{name}: {errors[0]['ename']}: {errors[0]['evalue']}"
    index = (out / "reports" / "index.html").read_text(encoding="utf-8")
    for name in names:
        assert f"href='{name}.html'" in index
    assert "tables/inventory.csv" in index


def test_profiles_have_headlines_and_charts(batch):
    nbs = batch["out"] / "notebooks"
    expected = {
        "gwent-police": "Gwent Police, effectiveness: Good in 2015, Requires improvement in 2017.",
        "dyfed-powys-police": "Dyfed-Powys Police, effectiveness: Requires improvement in 2015.",
    }
    for slug, sentence in expected.items():
        path = nbs / f"20-profile-force-{slug}.ipynb"
        text = text_of(path)
        assert sentence in text
        assert "figures printed with an England and Wales comparator" in text
        charts = sum("image/png" in o.get("data", {}) for o in outputs(path))
        assert charts >= 3, f"{slug}: {charts} charts"
    assert "Protecting vulnerable people from Good (2015) to Requires improvement (2017)" in text_of(
        nbs / "20-profile-force-gwent-police.ipynb"
    )


def test_html_shows_results_not_code(batch):
    html = (batch["out"] / "reports" / "20-profile-force-gwent-police.html").read_text(encoding="utf-8")
    assert "Good in 2015, Requires improvement in 2017" in html
    assert "<img" in html
    assert "nbk.force_tables" not in html and "import pandas" not in html


def test_comparison_checks_england_and_wales_figures(batch):
    text = text_of(batch["out"] / "notebooks" / "30-compare-forces.ipynb")
    assert "England and Wales figures are printed by two or more documents" in text
    table = pd.read_csv(batch["out"] / "reports" / "tables" / "compare-england-wales-consistency.csv")
    assert len(table) > 0 and set(table["verdict"]) <= {"agrees", "rounding", "disagrees"}


def test_parameters_are_documented():
    import click
    from papermill.inspection import display_notebook_help

    for name in TEMPLATES:
        nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, name
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), f"{name} has outputs"
        with click.Context(click.Command("x")) as ctx:
            assert display_notebook_help(ctx, str(NOTEBOOKS / f"{name}.ipynb"), None) == 0
    from papermill.inspection import inspect_notebook

    params = inspect_notebook(str(NOTEBOOKS / "20-profile-force.ipynb"))
    assert params["force"]["inferred_type_name"] == "str" and params["force"]["help"]


@pytest.mark.parametrize("name", TEMPLATES)
def test_nbval_snapshots_match_the_templates(name):
    """The snapshots run the templates' code: regenerate them (tests/nbval/regenerate.py) after a change."""
    template = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    snapshot = nbformat.read(NBVAL / f"{name}.ipynb", as_version=4)
    code = lambda nb: [c.source for c in nb.cells if c.cell_type == "code"]  # noqa: E731
    assert code(snapshot) == code(template), f"run .venv/bin/python tests/nbval/regenerate.py ({name} changed)"
