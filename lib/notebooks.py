"""Papermill runs of the notebook templates and their HTML reports. (First version: no notebooks yet.)"""
from __future__ import annotations

from pathlib import Path


def run_all(data: Path, out: Path, jobs: int = 1, forces: str | None = None) -> int:
    """Execute every notebook of the batch into ``out/notebooks`` and render ``out/reports``; returns failures."""
    return 0
