"""The tidy tables as one Excel workbook (``data/peel-workbook.xlsx``): a sheet per table, then a data
dictionary sheet (``lib.run.dictionary``). Every sheet has a filter on its header row and the header frozen;
each row's evidence (``evidence``, and ``doc_id`` where a table has no evidence column) links to the document's
evidence page at the value's page. openpyxl in write-only mode (rows streamed, memory flat)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..analysis.evidence import evidence_href
from . import dictionary
from .dictionary import TABLE_DESCRIPTIONS, describe

WORKBOOK = "peel-workbook.xlsx"
EXCEL_CELL_MAX = 32767  # characters Excel holds in a cell; the CSV and Parquet copies hold any length
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
LAYOUT = 3  # the workbook's layout (filters, links): part of the cache key, so a new layout is written again
EVIDENCE_FROM_DATA = "../reports/"  # the evidence pages, relative to data/ where the workbook is
_WIDE = {"evidence", "text", "title", "action", "recommendation", "detail", "label", "area_label", "error", "period"}


def _cell(sheet, value, header: bool = False):
    """One cell's value; text from documents is always text (never a formula, whatever it starts with).
    A plain value where that is enough (the fast path of a write-only sheet), a cell object otherwise."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        value = None
    elif hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)[:EXCEL_CELL_MAX]  # control characters Excel refuses
    if not header and not (isinstance(value, str) and value.startswith("=")):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would make "=..." a formula
    if header:
        cell.font = _BOLD
    return cell


def _link(sheet, value, doc_id, page):
    """A cell that links to the evidence page of its document, at its page (text stays text)."""
    cell = _cell(sheet, value)
    if not hasattr(cell, "hyperlink"):  # a plain value (WriteOnlyCell is a factory, not a class)
        cell = WriteOnlyCell(sheet, value=cell)
    page = None if page is None or page is pd.NA or page != page else page
    cell.hyperlink = EVIDENCE_FROM_DATA + evidence_href(str(doc_id), page)
    cell.style = "Hyperlink"
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell


def write_workbook(tables: dict[str, pd.DataFrame], folder: Path, cache: Path | None = None) -> Path:
    """Write ``folder/peel-workbook.xlsx`` from the tables, in their order (the contract's, ``lib.tables``).

    ``cache``: a folder keeping the last workbook under a hash of the tables' CSV files (written in ``folder``
    already) and of the dictionary; an unchanged run copies it instead of writing it again (a few seconds).
    """
    target = Path(folder) / WORKBOOK
    entry = None
    if cache is not None:
        key = hashlib.sha256(repr((LAYOUT, dictionary.TABLE_DESCRIPTIONS, dictionary.COLUMNS, list(tables))).encode())
        for name in tables:
            csv = Path(folder) / f"{name}.csv"
            key.update(csv.read_bytes() if csv.is_file() else repr(tables[name].to_dict("list")).encode())
        entry = Path(cache) / f"{key.hexdigest()[:24]}.xlsx"
        if entry.is_file():
            shutil.copyfile(entry, target)
            return target
    _write(tables, target)
    if entry is not None:
        entry.parent.mkdir(parents=True, exist_ok=True)
        for old in entry.parent.glob("*.xlsx"):  # one entry: the previous run's goes
            old.unlink(missing_ok=True)
        tmp = entry.with_suffix(".tmp")
        shutil.copyfile(target, tmp)
        tmp.replace(entry)
    return target


def _write(tables: dict[str, pd.DataFrame], target: Path) -> None:
    wb = Workbook(write_only=True)
    names = list(tables)
    for name in names:
        df = tables[name]
        ws = wb.create_sheet(title=name[:31])
        for i, col in enumerate(df.columns):
            letter = get_column_letter(i + 1)
            ws.column_dimensions[letter].width = 60 if col in _WIDE else 16
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(max(1, len(df.columns)))}{len(df) + 1}"
        ws.append([_cell(ws, c, header=True) for c in df.columns])
        cols = list(df.columns)
        linked = cols.index("evidence") if "evidence" in cols else (cols.index("doc_id") if "doc_id" in cols else -1)
        doc_at, page_at = cols.index("doc_id") if "doc_id" in cols else -1, cols.index("page") if "page" in cols else -1
        # The tracker's second link: the response's document, at the page of the action that answers the finding.
        answer_at = cols.index("response_doc_id") if "response_doc_id" in cols else -1
        answer_page = cols.index("response_page") if "response_page" in cols else -1
        for row in df.itertuples(index=False, name=None):
            cells = [_cell(ws, v) for v in row]
            if linked >= 0 and doc_at >= 0 and row[doc_at] is not None and row[doc_at] is not pd.NA:
                cells[linked] = _link(ws, row[linked], row[doc_at], row[page_at] if page_at >= 0 else None)
            if answer_at >= 0 and isinstance(row[answer_at], str) and row[answer_at]:
                cells[answer_at] = _link(
                    ws, row[answer_at], row[answer_at], row[answer_page] if answer_page >= 0 else None
                )
            ws.append(cells)
    ws = wb.create_sheet(title="data dictionary")
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 18
    ws.column_dimensions["C"].width = 100
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:C{1 + sum(1 + len(tables[name].columns) for name in names)}"
    ws.append([_cell(ws, h, header=True) for h in ("table", "column", "meaning")])
    for name in names:
        ws.append([_cell(ws, name, header=True), None, _cell(ws, TABLE_DESCRIPTIONS.get(name, ""))])
        for col in tables[name].columns:
            meaning = WriteOnlyCell(ws, value=describe(name, col))
            meaning.alignment = _WRAP
            ws.append([_cell(ws, name), _cell(ws, col), meaning])
    wb.save(target)
