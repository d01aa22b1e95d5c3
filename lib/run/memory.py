"""Giving memory back to the system between pieces of work: a process's resident size does not shrink by
itself when its objects are freed (glibc keeps freed blocks on its lists, Arrow keeps its buffer pool)."""

from __future__ import annotations

import ctypes
import gc
import os

# Arrow's own allocator (mimalloc) reserves about 30 MiB in a process that reads or writes the tables, which
# are a few MiB: the system's malloc instead. Arrow reads this when it loads, so it is set before pyarrow is
# imported: by ``python -m lib`` before it imports the run (``use_system_allocator``), and in the environment
# of the notebooks' fork server (``lib.run.zygote.SERVER_ENV``).
ARROW_ALLOCATOR = {"ARROW_DEFAULT_MEMORY_POOL": "system"}


def use_system_allocator() -> None:
    """Arrow allocates with the system's malloc in this process and its children (unless the user chose)."""
    for key, value in ARROW_ALLOCATOR.items():
        os.environ.setdefault(key, value)


def release_memory() -> None:
    """Hand freed memory back to the system: Python's objects, Arrow's buffer pool, glibc's free lists."""
    gc.collect()
    try:
        import pyarrow  # optional here: only when the process has it already (the Parquet writer's)

        pyarrow.default_memory_pool().release_unused()
    except Exception:  # noqa: BLE001  no pyarrow (a notebook worker marks it absent), or a pool that cannot release
        pass
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (macOS, musl): the allocator keeps its own counsel
        pass
