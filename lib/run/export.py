"""The tidy tables as one Excel workbook (``data/peel-workbook.xlsx``): a sheet per table, then a data
dictionary sheet (``lib.run.dictionary``). openpyxl in write-only mode (rows streamed, memory flat)."""

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

from . import dictionary
from .dictionary import TABLE_DESCRIPTIONS, describe

WORKBOOK = "peel-workbook.xlsx"
EXCEL_CELL_MAX = 32767  # characters Excel holds in a cell; the CSV and Parquet copies hold any length
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
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


def write_workbook(tables: dict[str, pd.DataFrame], folder: Path, cache: Path | None = None) -> Path:
    """Write ``folder/peel-workbook.xlsx`` from the tables, in their order (the contract's, ``lib.tables``).

    ``cache``: a folder keeping the last workbook under a hash of the tables' CSV files (written in ``folder``
    already) and of the dictionary; an unchanged run copies it instead of writing it again (a few seconds).
    """
    target = Path(folder) / WORKBOOK
    entry = None
    if cache is not None:
        key = hashlib.sha256(repr((dictionary.TABLE_DESCRIPTIONS, dictionary.COLUMNS, list(tables))).encode())
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
        ws.append([_cell(ws, c, header=True) for c in df.columns])
        for row in df.itertuples(index=False, name=None):
            ws.append([_cell(ws, v) for v in row])
    ws = wb.create_sheet(title="data dictionary")
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 18
    ws.column_dimensions["C"].width = 100
    ws.append([_cell(ws, h, header=True) for h in ("table", "column", "meaning")])
    for name in names:
        ws.append([_cell(ws, name, header=True), None, _cell(ws, TABLE_DESCRIPTIONS.get(name, ""))])
        for col in tables[name].columns:
            meaning = WriteOnlyCell(ws, value=describe(name, col))
            meaning.alignment = _WRAP
            ws.append([_cell(ws, name), _cell(ws, col), meaning])
    wb.save(target)
