"""The recommendation tracker in the run: built from the tidy tables once every document is read, with the
corpus folder's ``tracker_overrides.csv``; its checks join ``checks.csv`` (``lib.tracker``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import tables as T
from ..tracker import build_tracker, read_overrides


def add_tracker(tables: dict[str, pd.DataFrame], seeds: Path | str | None) -> dict[str, pd.DataFrame]:
    """``tables`` with ``tracker`` added and the tracker's failed checks appended to ``checks`` (in place)."""
    tracker, checks = build_tracker(tables, read_overrides(seeds))
    if checks:
        tables["checks"] = pd.concat([tables["checks"], T.frame("checks", checks)], ignore_index=True)
    tables["tracker"] = tracker
    return tables
