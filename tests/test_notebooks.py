"""The notebook templates run on the seeds' tables: no error cell, headline sentences, charts, reports,
the cache, failures reported by name, the one-document report; nbval snapshots in step with the templates."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from lib.analysis import corpus, selection
from lib.paths import NOTEBOOKS, SEEDS

NBVAL = Path(__file__).resolve().parent / "nbval"
TEMPLATES = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))  # every template of notebooks/


def outputs(path: Path) -> list[dict]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]


def text_of(path: Path) -> str:
    parts = []
    for o in outputs(path):
        data = o.get("data", {})
        parts.append("".join(data.get("text/plain", "")) + "".join(o.get("text", "")))
    return "\n".join(parts)


def test_every_report_rendered_without_error(batch):
    assert batch["failures"] == 0
    out = batch["out"]
    names = [
        "20-profile-force-dyfed-powys-police",
        "20-profile-force-gwent-police",
        "30-compare-forces",
        "40-track-recommendations",
        "40-track-recommendations-gwent-police",
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
    assert "corpus.force_tables(" not in html and "from lib.analysis import" not in html


def test_comparison_checks_england_and_wales_figures(batch):
    text = text_of(batch["out"] / "notebooks" / "30-compare-forces.ipynb")
    assert "England and Wales figures are printed by two or more documents" in text
    table = pd.read_csv(batch["out"] / "reports" / "tables" / "compare-england-wales-consistency.csv")
    assert len(table) > 0 and set(table["verdict"]) <= {"agrees", "rounding", "disagrees"}


def test_report_on_a_pdf_boxes_the_values(tmp_path):
    from fixtures import render_pdf

    from lib.__main__ import main

    pdf = render_pdf(sorted(SEEDS.glob("002_*"))[0], tmp_path / "gwent-2017.pdf")
    assert main(["report", str(pdf), "--out", str(tmp_path / "out")]) == 0
    path = tmp_path / "out" / "notebooks" / "10-extract-report-gwent-2017.ipynb"
    assert "page(s); the first" in text_of(path)
    assert sum("image/png" in o.get("data", {}) for o in outputs(path)) >= 1


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


def test_profiles_show_the_evidence_of_their_figures(batch, seed_out):
    """Each profile quotes the printed words of at least 80% of its force's figures, next to the values."""
    indicators = corpus.load(seed_out / "data")["indicators"]
    for force in ("Gwent Police", "Dyfed-Powys Police"):
        text = " ".join(text_of(batch["out"] / "notebooks" / f"20-profile-force-{selection.slug(force)}.ipynb").split())
        rows = indicators[indicators["force"] == force]
        shown = sum(" ".join(str(e).split()) in text for e in rows["evidence"])
        assert shown >= 0.8 * len(rows), f"{force}: evidence of {shown} of {len(rows)} figures shown"
    html = (batch["out"] / "reports" / "20-profile-force-gwent-police.html").read_text(encoding="utf-8")
    assert "evidence/002_c0b882532ab08302.html#page-1" in html  # values link to their document's evidence page


def test_no_percent_change_is_drawn_as_a_ratio(batch):
    versus = pd.read_csv(batch["out"] / "reports" / "tables" / "profile-gwent-police-versus-england-wales.csv")
    changes = versus[versus["unit"].str.contains("percent")]
    assert len(changes) > 0 and changes["ratio"].isna().all() and (changes["comparison"] == "points").all()
    text = text_of(batch["out"] / "notebooks" / "20-profile-force-gwent-police.ipynb")
    assert "implausible: 1 against 15 for England and Wales" in text
    assert "the inspectorate states which way is better for" in text
