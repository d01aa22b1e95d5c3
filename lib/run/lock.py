"""One run at a time per output folder (a file lock), and SIGTERM handled as Ctrl-C so that a stopped run
cleans up the same way."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = ".lock"


class Busy(RuntimeError):
    """Another run holds the output folder."""


@contextmanager
def exclusive(out: Path):
    """Hold ``OUT/.lock`` for the block; raises ``Busy`` at once when another run holds it."""
    lock = FileLock(str(Path(out) / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise Busy(f"another run is writing to {out} (lock {Path(out) / LOCK_NAME}); wait for it to finish") from None
    try:
        yield lock
    finally:
        lock.release()


def _terminate(signum, frame):
    raise KeyboardInterrupt


@contextmanager
def sigterm_as_interrupt():
    """SIGTERM raises KeyboardInterrupt in the main thread for the block (elsewhere: nothing changes)."""
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
