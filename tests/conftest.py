"""Notebook tests: the seeds' tables built once per session, and nbval over the snapshots in tests/nbval/.

The snapshots are collected whether or not ``--nbval`` is given (only ``tests/nbval/*.ipynb``), with the
sanitize file ``tests/nbval/sanitize.cfg``. Their kernels read the tables through ``$PEEL_OUT``, which points
at the session's seed outputs, built before the first snapshot runs.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from pathlib import Path

import pytest

NBVAL_DIR = Path(__file__).resolve().parent / "nbval"
_session: dict[str, Path] = {}


def seed_outputs() -> Path:
    """An output folder with the tables of ``seeds/`` (no notebooks), built once; ``$PEEL_OUT`` points at it."""
    if "out" not in _session:
        from lib.paths import SEEDS
        from lib.run.batch import run

        out = Path(tempfile.mkdtemp(prefix="peel-seed-outputs-"))
        with contextlib.redirect_stdout(io.StringIO()):
            status = run(SEEDS, out, jobs=1, notebooks=False)
        assert status == 0, f"the seeds did not all extract (status {status}); see {out / 'run.log'}"
        _session["out"] = out
        os.environ["PEEL_OUT"] = str(out)
    return _session["out"]


@pytest.fixture(scope="session")
def seed_out() -> Path:
    return seed_outputs()


def pytest_configure(config):
    if getattr(config.option, "nbval_sanitize_with", None) is None:
        config.option.nbval_sanitize_with = str(NBVAL_DIR / "sanitize.cfg")


def pytest_collect_file(file_path, parent):
    opt = parent.config.option
    if file_path.suffix == ".ipynb" and file_path.parent == NBVAL_DIR and not (opt.nbval or opt.nbval_lax):
        from nbval.plugin import IPyNbFile

        return IPyNbFile.from_parent(parent, path=file_path)


def pytest_collection_modifyitems(session, config, items):
    if any(getattr(item, "path", Path()).suffix == ".ipynb" for item in items):
        seed_outputs()


def pytest_unconfigure(config):
    if "out" in _session:
        shutil.rmtree(_session.pop("out"), ignore_errors=True)


@pytest.fixture(scope="session")
def batch(seed_out: Path, tmp_path_factory) -> dict:
    """The notebook batch over the seeds' tables, as ``make run`` runs it (a run folder inside an output
    folder): ``run_all`` executes every template (warm kernels, two workers) and writes the front page."""
    from lib.run.notebooks import run_all

    root = tmp_path_factory.mktemp("batch")
    shutil.copytree(seed_out / "data", root / "data")
    out = root / ".runs" / "first"
    failures = run_all(root / "data", out, jobs=2)
    return {"root": root, "out": out, "failures": failures}
