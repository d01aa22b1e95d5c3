"""The tidy tables of ``OUT/data/``: the workbook's public interface. README's data dictionary mirrors this."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .measures import measure_for, unit_for

COLUMNS: dict[str, list[str]] = {
    "documents": [
        "doc_id",
        "source",
        "format",
        "doc_type",
        "force",
        "year",
        "cycle",
        "pillar",
        "inspectorate",
        "title",
        "published",
        "pages",
        "sha256",
        "status",
        "error",
    ],
    "judgments": [
        "doc_id",
        "force",
        "year",
        "cycle",
        "pillar",
        "area",
        "area_label",
        "grade",
        "grade_score",
        "last_inspected",
        "page",
        "page_label",
        "evidence",
        "scale",
    ],
    "indicators": [
        "doc_id",
        "force",
        "year",
        "indicator",
        "measure",
        "label",
        "period",
        "unit",
        "value",
        "england_wales",
        "page",
        "page_label",
        "evidence",
    ],
    "findings": ["doc_id", "force", "year", "area", "kind", "text", "page", "page_label", "evidence"],
    "pcc_actions": ["doc_id", "force", "year", "recommendation", "action", "status", "page", "page_label", "evidence"],
    # An earlier inspection's grades as a report prints them beside its own (never its judgments).
    "prior_grades": [
        "doc_id",
        "force",
        "year",
        "cycle",
        "area",
        "area_label",
        "grade",
        "grade_cycle",
        "page",
        "page_label",
        "evidence",
    ],
    # Not in the contract of the foundation issue: the documents' checks of themselves (lib.checks).
    "checks": ["doc_id", "check", "passed", "detail"],
    # Derived from the tables above once every document is read (lib.tracker, issue 17).
    "tracker": [
        "finding_id",
        "force",
        "cycle",
        "year",
        "kind",
        "number",
        "area",
        "text",
        "doc_id",
        "page",
        "published",
        "response_doc_id",
        "response_page",
        "response_text",
        "status_printed",
        "status",
        "response_date",
        "days_to_response",
        "within_56_days",
        "recurs_from",
        "recurs_how",
        "recurs_score",
        "match_score",
        "overridden",
    ],
}
# The tables made from the extracted ones by the run, not by reading a document; a data folder may lack them.
DERIVED = ("tracker",)
# Tables a data folder of an earlier version may lack: read as empty.
LATER = (*DERIVED, "prior_grades")
# Every extracted table of OUT/data/, defined here once: the pipeline, the run layer and the analysis helpers
# import it.
TABLES = tuple(name for name in COLUMNS if name not in DERIVED)
# The tables a document's extracted rows go to (documents.csv holds one row per document, not extracted rows).
ROW_TABLES = TABLES[1:]
INTEGER = {"year", "pages", "grade_score", "last_inspected", "page", "response_page", "days_to_response"}
FLOAT = {"value", "england_wales", "recurs_score", "match_score"}
BOOL = {"passed", "within_56_days"}


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows to a DataFrame with exactly the contract's columns, in order, with stable types."""
    cols = COLUMNS[name]
    if name == "indicators":
        rows = [_measured(r) for r in rows]
    df = pd.DataFrame(rows, columns=cols)
    for col in cols:
        if col in INTEGER:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("Int64")
        elif col in FLOAT:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("Float64")
        elif col in BOOL:
            df[col] = df[col].astype("boolean")
        else:
            df[col] = df[col].astype("string")
    return df


def _measured(row: dict) -> dict:
    """An indicators row with its ``measure`` (every wording of one figure shares it) and the measure's unit
    (``lib.measures``); a row that names its measure already keeps it."""
    indicator, label = row.get("indicator"), row.get("label")
    given = row.get("measure")
    given = "" if given is None or str(given) in ("", "nan", "<NA>") else str(given)
    measure = given or measure_for(indicator, label)
    unit = unit_for(indicator, label, None) or row.get("unit")  # the vocabulary's, else as printed
    return {**row, "measure": measure, "unit": unit}


def write(tables: dict[str, pd.DataFrame], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        df.to_csv(folder / f"{name}.csv", index=False)
        df.to_parquet(folder / f"{name}.parquet", index=False)


def read(folder: Path | str, name: str) -> pd.DataFrame:
    """Read one table back with the contract's types (Parquet when present, else CSV)."""
    folder = Path(folder)
    if name in LATER and not (folder / f"{name}.parquet").exists() and not (folder / f"{name}.csv").exists():
        return frame(name, [])  # a data folder written before the table existed
    if (folder / f"{name}.parquet").exists():
        return pd.read_parquet(folder / f"{name}.parquet")
    df = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
    return frame(name, df.replace({"": None}).to_dict("records"))
