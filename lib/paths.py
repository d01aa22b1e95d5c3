"""The one module that knows where the project lives. Notebooks and scripts import from here."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
OUTPUTS = ROOT / "outputs"
NOTEBOOKS = ROOT / "notebooks"
DATA = Path(__file__).resolve().parent / "data"


def data_dir(out: Path | str = OUTPUTS) -> Path:
    """Folder of the tidy tables inside an output folder."""
    return Path(out) / "data"
