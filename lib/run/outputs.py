"""Outputs that are never half-written: every run writes into its own folder, then one atomic switch.

Layout of an output folder ``OUT``::

    OUT/.runs/<run id>/{data,notebooks,reports,run.log}   each run's complete outputs (one kept)
    OUT/current  -> .runs/<run id>                        the last finished run (a symlink)
    OUT/data     -> current/data                          what readers open (symlinks, fixed)
    OUT/notebooks, OUT/reports, OUT/run.log               likewise
    OUT/.cache/                                           per-document cache, outside the switch
    OUT/.lock                                             one run at a time

A run writes only inside its own ``.runs/<id>/``. When everything is written, ``current`` is replaced with
``os.replace`` (an atomic rename on POSIX): readers see either the whole previous set or the whole new
one, never a mix. A run killed part way (Ctrl-C, ``kill -9``, power cut) leaves ``current`` on the previous
complete run; its unfinished folder is removed by the next run (which holds the lock, so no live run owns
it).
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path

SUBS = ("data", "notebooks", "reports", "run.log")
RUNS = ".runs"
CURRENT = "current"


def _symlink_replace(target: str, link: Path) -> None:
    """Point ``link`` at ``target`` atomically (a new link renamed over the old one)."""
    tmp = link.with_name(f".{link.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def current_run(out: Path | str) -> Path | None:
    """Folder of the last finished run, or None."""
    link = Path(out) / CURRENT
    if link.is_symlink() and link.resolve().is_dir():
        return link.resolve()
    return None


class Staging:
    """One run's private output folder. Call only while holding the output folder's lock."""

    def __init__(self, out: Path | str):
        self.out = Path(out)
        self.run_id = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.path = self.out / RUNS / self.run_id

    def begin(self) -> Path:
        self.out.mkdir(parents=True, exist_ok=True)
        self.clean_stale()
        self.path.mkdir(parents=True)
        for sub in ("data", "notebooks", "reports"):
            (self.path / sub).mkdir()
        return self.path

    def clean_stale(self) -> list[Path]:
        """Remove every run folder but the current one (unfinished folders of killed runs, superseded runs)
        and leftover temporary links. Safe only under the lock."""
        keep = current_run(self.out)
        removed = []
        runs = self.out / RUNS
        if runs.is_dir():
            for folder in runs.iterdir():
                if folder.resolve() != keep and folder != self.path:
                    shutil.rmtree(folder, ignore_errors=True) if folder.is_dir() else folder.unlink(missing_ok=True)
                    removed.append(folder)
        for tmp in self.out.glob(".*.tmp-*"):
            if tmp.is_symlink() or tmp.is_file():
                tmp.unlink(missing_ok=True)
        return removed

    def publish(self) -> Path:
        """Make this run's folder the current outputs, all of it at once."""
        _fsync_tree(self.path)
        self._ensure_links()
        _symlink_replace(f"{RUNS}/{self.run_id}", self.out / CURRENT)
        _fsync(self.out)
        self.clean_stale()
        return self.path

    def abort(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def _ensure_links(self) -> None:
        """``OUT/data`` and friends as fixed links into ``current``. Outputs of the earlier layout (real
        folders) are moved into a run folder first, once."""
        legacy = None
        for sub in SUBS:
            link = self.out / sub
            if link.is_symlink():
                if os.readlink(link) != f"{CURRENT}/{sub}":
                    _symlink_replace(f"{CURRENT}/{sub}", link)
                continue
            if link.exists():
                if legacy is None:
                    legacy = self.out / RUNS / f"legacy-{self.run_id}"
                    legacy.mkdir(parents=True, exist_ok=True)
                link.rename(legacy / sub)
            _symlink_replace(f"{CURRENT}/{sub}", link)


def _fsync(path: Path | str) -> None:
    """Flush one file or folder entry to disk; a file system that cannot is left as it is."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    """Flush the run's files to disk before they become current (a power cut must not publish empty files)."""
    for folder, _, files in os.walk(root):
        for name in files:
            _fsync(os.path.join(folder, name))
        _fsync(folder)
