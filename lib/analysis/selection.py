"""Which forces, years and inspection cycles a report covers, and the names people read instead of ids."""

from __future__ import annotations

import re

import pandas as pd

from .corpus import TABLES, split_list

DOC_TYPES = {
    "peel_report": "PEEL inspection report",
    "pcc_response": "PCC response",
    "pcc_statement": "PCC statement",
    "force_statement": "Force statement",
    "pcc_bulletin": "PCC bulletin",
    "unknown": "not a PEEL or PCC document",
}
MONTHS = "January February March April May June July August September October November December".split()


def parse_years(spec: str | None) -> list[int] | None:
    """ "2015-2017" or "2015, 2017" to a list of years; "" = every year (None)."""
    if not spec or not str(spec).strip():
        return None
    years: list[int] = []
    for part in split_list(str(spec)):
        m = re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", part)
        if m:
            years += list(range(int(m.group(1)), int(m.group(2)) + 1))
        elif re.fullmatch(r"\d{4}", part):
            years.append(int(part))
        else:
            raise ValueError(f"not a year or a range of years: {part!r}")
    return sorted(set(years))


def slug(text: str) -> str:
    """A file-name-safe form of a name or a document's stem ("Gwent Police" -> "gwent-police")."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "x"


def cycle_of(cycle: object, year: object) -> str:
    """The inspection cycle as printed ("2021/22", "2023–25") when the tables have one, else the year."""
    if cycle is not None and pd.notna(cycle) and str(cycle).strip():
        return str(cycle).strip()
    return str(int(year)) if year is not None and pd.notna(year) else ""


def cycles(df: pd.DataFrame) -> pd.Series:
    """The ``cycle`` of every row (the column when present and filled, else the year), as text."""
    column = df["cycle"] if "cycle" in df.columns else pd.Series([None] * len(df), index=df.index)
    return pd.Series([cycle_of(c, y) for c, y in zip(column, df["year"])], index=df.index, dtype=object)


def cycle_key(cycle: str) -> tuple[int, str]:
    """Sort key of a cycle: its first year, then the text ("2018/19" after "2017")."""
    m = re.search(r"\d{4}", str(cycle))
    return (int(m.group()) if m else 0, str(cycle))


def filter_tables(
    t: dict[str, pd.DataFrame], forces: list[str] | None = None, years: list[int] | None = None
) -> dict[str, pd.DataFrame]:
    """The rows of every table about the forces and years asked for (checks follow their documents)."""
    out: dict[str, pd.DataFrame] = {}
    for name in TABLES:
        df = t[name]
        if name == "checks":
            continue
        keep = pd.Series(True, index=df.index)
        if forces:
            keep &= df["force"].isin(forces).fillna(False)
        if years:
            keep &= df["year"].isin(years).fillna(False)
        out[name] = df[keep.astype(bool)].reset_index(drop=True)
    checks = t["checks"]
    out["checks"] = checks[checks["doc_id"].isin(out["documents"]["doc_id"])].reset_index(drop=True)
    return out


def date_text(published: object, year: object = None) -> str:
    """ "2021-07-02" -> "2 July 2021", "2018-03" -> "March 2018"; the year when no date was printed."""
    value = "" if published is None or pd.isna(published) else str(published)
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if m and 1 <= int(m.group(2)) <= 12:
        month = MONTHS[int(m.group(2)) - 1]
        return f"{int(m.group(3))} {month} {m.group(1)}" if m.group(3) else f"{month} {m.group(1)}"
    if value:
        return value
    return str(int(year)) if year is not None and pd.notna(year) else "undated"


def document_names(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> "<title> (<date>)", the name a reader sees for a document (the id only when untitled)."""
    names = {}
    for _, r in documents.iterrows():
        title = r["title"] if pd.notna(r.get("title")) and str(r.get("title")).strip() else r.get("source")
        title = str(title) if title is not None and pd.notna(title) else str(r["doc_id"])
        names[str(r["doc_id"])] = f"{' '.join(title.split())} ({date_text(r.get('published'), r.get('year'))})"
    return names


def type_name(doc_type: object) -> str:
    """A document type as a reader says it ("peel_report" -> "PEEL inspection report")."""
    key = "" if doc_type is None or pd.isna(doc_type) else str(doc_type)
    return DOC_TYPES.get(key, key.replace("_", " "))


def name_documents(df: pd.DataFrame, documents: pd.DataFrame, column: str = "document") -> pd.DataFrame:
    """``df`` with a ``document`` column naming each row's document by title and date (kept beside doc_id,
    which the displays turn into the evidence link)."""
    names = document_names(documents)
    out = df.copy()
    if "doc_type" in out.columns:
        out["doc_type"] = [type_name(k) for k in out["doc_type"]]
    out.insert(0, column, [names.get(str(d), str(d)) for d in df["doc_id"]] if "doc_id" in df.columns else [])
    return out
