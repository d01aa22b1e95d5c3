"""Command line: ``python -m lib run --seeds seeds --out outputs [--jobs N] [--rebuild] [--forces ...]``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .paths import OUTPUTS, SEEDS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="extract every document of a folder, run the notebooks, render reports")
    run.add_argument("--seeds", type=Path, default=SEEDS, help="folder of documents (default: seeds/)")
    run.add_argument("--out", type=Path, default=OUTPUTS, help="output folder (default: outputs/)")
    run.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel workers (default: cores)")
    run.add_argument("--rebuild", action="store_true", help="ignore the per-document cache")
    run.add_argument("--forces", default=None, help='limit notebooks to these forces, e.g. "Gwent, Dyfed-Powys"')
    run.add_argument("--no-notebooks", action="store_true", help="tables only")
    rep = sub.add_parser("report", help="render the extract-one-report notebook (10-extract-report) for one document")
    rep.add_argument("document", type=Path, help="the document (PDF, text, Markdown or e-mail)")
    rep.add_argument(
        "--out", type=Path, default=OUTPUTS, help="output folder: OUT/notebooks and OUT/reports (default: outputs/)"
    )
    args = parser.parse_args(argv)
    if args.command == "report":
        from .notebooks import report

        return report(args.document, args.out)
    if args.command == "run":
        from .batch import run as run_batch

        return run_batch(
            args.seeds,
            args.out,
            jobs=max(1, args.jobs),
            rebuild=args.rebuild,
            forces=args.forces,
            notebooks=not args.no_notebooks,
        )
    return 2


if __name__ == "__main__":
    sys.exit(main())
