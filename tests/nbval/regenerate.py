"""Rebuild the nbval snapshots: every template executed against the seeds' tables, images dropped.

Run after changing a template or what the seeds extract to:  .venv/bin/python tests/nbval/regenerate.py
Review the diff: the snapshot outputs are the expected tables and sentences.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
import papermill as pm

from lib.paths import NOTEBOOKS, SEEDS
from lib.run.batch import run

HERE = Path(__file__).resolve().parent
TEMPLATES = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))  # every template of notebooks/


def strip(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Keep what nbval compares: no images (not compared; big), no outputs of cells nbval ignores (the
    tables' JavaScript, about 1 MB, embedded by ``lib.analysis.display.setup``), no papermill or execution
    metadata."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "nbval-ignore-output" in cell.metadata.get("tags", []):
            cell["outputs"] = []
        for out in cell.get("outputs", []):
            if "data" in out:
                for mime in ("image/png", "image/jpeg"):
                    out["data"].pop(mime, None)
    return nb


def main() -> int:
    out = Path(tempfile.mkdtemp(prefix="peel-nbval-"))
    try:
        assert run(SEEDS, out, jobs=1, notebooks=False) == 0, "the seeds did not all extract"
        os.environ["PEEL_OUT"] = str(out)
        for name in TEMPLATES:
            target = HERE / f"{name}.ipynb"
            pm.execute_notebook(
                str(NOTEBOOKS / f"{name}.ipynb"), str(target), kernel_name="python3", cwd=str(HERE), progress_bar=False
            )
            nbformat.write(strip(nbformat.read(target, as_version=4)), target)
            print("wrote", target.relative_to(HERE.parent.parent))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
