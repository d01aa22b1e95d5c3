"""Which files a run reads, and the ids their rows carry."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..tracker import OVERRIDES

# Not documents: the corpus's manifests, and the user's corrections to the tracker (read by lib.run.tracking).
SKIP_NAMES = {"manifest.csv", "manifest.json", ".gitkeep", OVERRIDES}


def list_documents(seeds: Path) -> list[Path]:
    """Every document under ``seeds`` (sub-folders too), sorted; hidden files and manifests are skipped."""
    seeds = Path(seeds)
    files = [
        p
        for p in sorted(seeds.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(seeds).parts)
    ]
    return [p for p in files if p.name.lower() not in SKIP_NAMES]


def doc_ids(paths: list[Path]) -> list[str]:
    """Readable, stable ids: the file stem, with the suffix added when two files share a stem
    (and a counter when two files in different folders share stem and suffix)."""
    stems = Counter(p.stem for p in paths)
    ids = [p.stem if stems[p.stem] == 1 else f"{p.stem}-{p.suffix.lstrip('.').lower() or 'noext'}" for p in paths]
    seen: Counter = Counter()
    counts = Counter(ids)
    out = []
    for i in ids:
        seen[i] += 1
        out.append(i if counts[i] == 1 or seen[i] == 1 else f"{i}-{seen[i]}")
    return out
