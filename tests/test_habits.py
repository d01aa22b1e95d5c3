"""The project's habits, checked like everything else: every template in notebooks/ is paired with a
py:percent script that holds the same cells, and no template carries outputs."""

from __future__ import annotations

import jupytext
import nbformat
import pytest

from lib.paths import NOTEBOOKS

TEMPLATES = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))


def _cells(nb) -> list[tuple[str, str]]:
    return [(c.cell_type, c.source.strip()) for c in nb.cells]


def test_there_are_templates():
    assert len(TEMPLATES) >= 4, TEMPLATES


@pytest.mark.parametrize("name", TEMPLATES)
def test_notebook_and_script_are_in_sync(name):
    """Change either side, then `make format` (jupytext --sync) before committing."""
    script = NOTEBOOKS / f"{name}.py"
    assert script.exists(), f"notebooks/{name}.ipynb has no py:percent pair: run `make format`"
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    paired = jupytext.read(script, fmt="py:percent")
    assert _cells(paired) == _cells(notebook), f"notebooks/{name}.ipynb and {name}.py differ: run `make format`"
    assert notebook.metadata.get("jupytext", {}).get("formats") == "ipynb,py:percent", name


@pytest.mark.parametrize("name", TEMPLATES)
def test_templates_carry_no_outputs(name):
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    dirty = [i for i, c in enumerate(notebook.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert not dirty, f"notebooks/{name}.ipynb has outputs in cells {dirty}: nbstripout it"


def test_every_script_has_a_notebook():
    scripts = {p.stem for p in NOTEBOOKS.glob("*.py")}
    assert scripts <= set(TEMPLATES), f"scripts without a notebook: {sorted(scripts - set(TEMPLATES))}"
