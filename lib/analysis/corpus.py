"""The corpus as the templates see it: the folders of an output folder, the tidy tables, one force's rows,
the forces asked for."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from .. import paths
from .. import tables as T
from ..forces import canonical
from ..tables import TABLES

ENV_OUT = "PEEL_OUT"  # overrides the default output folder (outputs/) of the templates' parameters


def output_folder() -> Path:
    """The default output folder: ``$PEEL_OUT`` when set, else ``outputs/``."""
    return Path(os.environ.get(ENV_OUT) or paths.OUTPUTS)


def data_folder(data_dir: str = "") -> Path:
    """The folder of tidy tables a template reads ("" = ``<output folder>/data``); fails plainly if empty."""
    folder = Path(data_dir) if data_dir else paths.data_dir(output_folder())
    if not (folder / "documents.csv").exists() and not (folder / "documents.parquet").exists():
        raise FileNotFoundError(f"no tidy tables in {folder}: run `make run` first (or pass data_dir)")
    return folder


def tables_folder(out_dir: str = "") -> Path:
    """The folder a template writes its tables to ("" = ``<output folder>/reports/tables``)."""
    folder = Path(out_dir) if out_dir else output_folder() / "reports" / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def load(data: Path | str) -> dict[str, pd.DataFrame]:
    """Every tidy table of a data folder, with the contract's types."""
    return {name: T.read(data, name) for name in TABLES}


def force_tables(data: Path | str, force: str) -> dict[str, pd.DataFrame]:
    """The rows of every table about one force (checks through the force's documents).

    The force profile reads exactly these rows, and its cache key is their content.
    """
    return force_rows(load(data), force)


def force_rows(t: dict[str, pd.DataFrame], force: str) -> dict[str, pd.DataFrame]:
    """``force_tables`` from tables already loaded (the batch's plan loads them once for every force)."""
    docs = t["documents"][t["documents"]["force"] == force].reset_index(drop=True)
    out = {"documents": docs}
    for name in TABLES[1:]:
        df = t[name]
        mask = df["doc_id"].isin(docs["doc_id"]) if name == "checks" else (df["force"] == force)
        out[name] = df[mask.fillna(False)].reset_index(drop=True)
    return out


def split_list(spec: str | list | None) -> list[str]:
    if not spec:
        return []
    items = spec if isinstance(spec, list) else re.split(r"[,;\n]", spec)
    return [s.strip() for s in items if s and s.strip()]


def select_forces(spec: str | list | None, documents: pd.DataFrame) -> list[str]:
    """Canonical names of the forces asked for ("" = every force with a document), in a stable order.

    Raises ``ValueError`` naming any name that is not a force.
    """
    known = sorted(set(documents["force"].dropna().astype(str)))
    asked = split_list(spec)
    if not asked:
        return known
    unknown = [a for a in asked if canonical(a) is None]
    if unknown:
        raise ValueError(f"not a police force of England and Wales: {', '.join(unknown)}")
    return list(dict.fromkeys(canonical(a) for a in asked))


def write_tables(t: dict[str, pd.DataFrame], folder: Path) -> None:
    """A document's tables, as ``make run`` writes them (CSV and Parquet, the contract's columns)."""
    T.write(t, folder)
