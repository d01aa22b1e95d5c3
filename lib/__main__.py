"""peel-workbook: police inspection (PEEL) reports and Police and Crime Commissioners' documents read into
tidy tables with the page and sentence behind every value, then analysed in notebooks rendered to HTML."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .paths import OUTPUTS, SEEDS

PROG = "peel-workbook"

EPILOG = f"""\
examples:
  {PROG} run                                   the seeds into outputs/ (what `make run` does)
  {PROG} run --seeds ~/peel-pdfs --out ~/peel-out --jobs 4
  {PROG} run --forces "Gwent, Dyfed-Powys"     force profiles for these forces only
  {PROG} run --no-notebooks --rebuild          tables and evidence pages only, every document read again
  {PROG} report ~/peel-pdfs/kent-2022.pdf     what one document gives, as a rendered notebook
  python -m lib run ...                        the same, without the console script

where the results go (OUT, default outputs/):
  OUT/reports/index.html        start here: the corpus, failures, every report and evidence page, downloads
  OUT/reports/evidence/         one page per document: each value beside the sentence or row it came from
  OUT/data/                     the tidy tables (CSV and Parquet) and peel-workbook.xlsx
  OUT/notebooks/                the executed notebooks
  OUT/run.log                   every document's status, and tracebacks
  OUT/.cache/                   per document: its tables (by EXTRACTOR_VERSION) and its parsed Document
                                (documents/, by READER_VERSION); a changed extractor re-reads no file

exit status:
  0    every document was read and every notebook ran
  1    some document or notebook failed (everything else was written; each failure is listed with its reason)
  2    the run was refused or stopped (no such folder, output inside the documents folder, another run holds
       the output folder, an unreachable Dask scheduler): the previous outputs are untouched
  130  interrupted (Ctrl-C or SIGTERM): the previous outputs are untouched

environment:
  DASK_SCHEDULER=tcp://host:8786   run the extraction on that Dask cluster
  REBUILD=1                        read and extract every document again, both caches ignored (as --rebuild)
  PEEL_PDF_TABLES=pdfplumber       find ruled tables in PDFs with pdfplumber itself (same tables, slower)
  PEEL_FORK_KERNELS=0              start each notebook's kernel as a new interpreter instead of forking it
                                   from the batch's warm server (slower; where fork misbehaves)
  PEEL_OUT=folder                  the output folder the templates read when run by hand (JupyterLab)
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG, description=__doc__, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="{run,report}")
    run = sub.add_parser(
        "run",
        help="read every document of a folder, write the tables, evidence pages, notebooks, reports and index",
        description="Read every document of a folder into the tidy tables, write an evidence page per document, "
        "run the notebooks, render the reports and the front page; the outputs switch over whole at the end.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("--seeds", type=Path, default=SEEDS, help="folder of documents, sub-folders too (default: seeds/)")
    run.add_argument("--out", type=Path, default=OUTPUTS, help="output folder (default: outputs/)")
    run.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel workers (default: the cores)")
    run.add_argument(
        "--rebuild",
        action="store_true",
        help="ignore both per-document caches, the parsed documents and their tables: read and extract every "
        "document again (or REBUILD=1)",
    )
    run.add_argument("--forces", default=None, help='force profiles for these forces only, e.g. "Gwent, Dyfed-Powys"')
    run.add_argument("--no-notebooks", action="store_true", help="tables, evidence pages and the index only")
    rep = sub.add_parser(
        "report",
        help="render the extract-one-report notebook (10-extract-report) for one document",
        description="Render the extract-one-report notebook for one document into OUT/notebooks and OUT/reports.",
    )
    rep.add_argument("document", type=Path, help="the document (PDF, text, Markdown, e-mail, ...)")
    rep.add_argument("--out", type=Path, default=OUTPUTS, help="output folder (default: outputs/)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # Imported here, not at the top: the notebook workers are spawned processes that import this module
    # again (it is the main module of ``python -m lib``), and must not carry pandas and the tables' code.
    from .run.memory import use_system_allocator

    use_system_allocator()  # before pandas brings pyarrow in (lib.run.memory)
    from .run.batch import run as run_batch
    from .run.notebooks import report

    if args.command == "report":
        return report(args.document, args.out)
    return run_batch(
        args.seeds,
        args.out,
        jobs=max(1, args.jobs),
        rebuild=args.rebuild,
        forces=args.forces,
        notebooks=not args.no_notebooks,
    )


if __name__ == "__main__":
    sys.exit(main())
