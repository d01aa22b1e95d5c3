"""The recommendation tracker as the reports show it (``40-track-recommendations``): each finding with its
response and status, the open items and their age, what recurs and the grades around it, and the league
table of the Commissioners' responses. Reads ``tracker.csv`` (``lib.tracker`` builds it in the run)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from .. import tables as T
from ..tracker import build_tracker
from ..tracker_match import RESPONSE_DAYS, date_bounds
from ..vocab import NOT_RESPONDED, OPEN_STATUSES, STATUSES
from .areas import row_name
from .display import text
from .findings import kind_name
from .selection import document_names

ANSWERABLE = ("recommendation", "cause_of_concern")  # what a Commissioner must answer, by the count


def load(data: Path | str, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """``tracker.csv`` of a data folder; built from ``tables`` when the folder predates it (no overrides)."""
    tracker = T.read(data, "tracker")
    if tracker.empty and not tables["findings"].empty:
        tracker = build_tracker(tables)[0]
    return tracker


def for_force(tracker: pd.DataFrame, force: str) -> pd.DataFrame:
    """One force's rows ("" = every force)."""
    return tracker if not force else tracker[tracker["force"] == force].reset_index(drop=True)


def as_of_date(as_of: str) -> date:
    """The day ages are counted to: ``as_of`` (ISO) or today."""
    return date.fromisoformat(as_of) if as_of else date.today()


def findings_table(tracker: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Every finding with its response, for ``display.table``: the report and its page link to the finding's
    evidence, the response and its page to the action's."""
    names = document_names(documents)
    return pd.DataFrame(
        {
            "force": tracker["force"],
            "cycle": tracker["cycle"],
            "kind": [kind_name(k) for k in tracker["kind"]],
            "number": tracker["number"],
            "area": [row_name(a) for a in tracker["area"]],
            "text": tracker["text"],
            "document": [names.get(text(d), text(d)) for d in tracker["doc_id"]],
            "doc_id": tracker["doc_id"],
            "page": tracker["page"],
            "status": tracker["status"],
            "status_printed": tracker["status_printed"],
            "response_text": tracker["response_text"],
            "response_document": [names.get(text(d), text(d)) if text(d) else "" for d in tracker["response_doc_id"]],
            "response_doc_id": tracker["response_doc_id"],
            "response_page": tracker["response_page"],
            "finding_id": tracker["finding_id"],
            "overridden": tracker["overridden"],
        }
    ).reset_index(drop=True)


def is_open(status: pd.Series) -> pd.Series:
    """Findings not complete or superseded: not responded, not started, in progress, or a status not read."""
    return ~status.isin([s for s in STATUSES if s not in OPEN_STATUSES])


def open_items(tracker: pd.DataFrame, documents: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """The open findings (``is_open``), oldest first, each with its age in days since its report was
    published."""
    rows = tracker[is_open(tracker["status"])]
    table = findings_table(rows, documents)
    ages = []
    for published in rows["published"]:
        bounds = date_bounds(published)
        ages.append((as_of - bounds[0]).days if bounds else None)
    table.insert(2, "age_days", pd.array(ages, dtype="Int64"))
    return table.sort_values("age_days", ascending=False, na_position="last").reset_index(drop=True)


def _grade(judgments: pd.DataFrame, doc_id: str, area: str) -> str:
    rows = judgments[(judgments["doc_id"] == doc_id) & (judgments["area"] == area)]
    return text(rows["grade"].iloc[0]) if len(rows) else ""


def recurrences(tracker: pd.DataFrame, judgments: pd.DataFrame) -> pd.DataFrame:
    """Each finding that repeats an earlier one: the earlier and the later finding, how the link was made,
    and the area's grade in the inspection before and after ("did anything change?")."""
    by_id = tracker.set_index("finding_id", drop=False)
    rows = []
    for _, r in tracker[tracker["recurs_from"].fillna("") != ""].iterrows():
        if r["recurs_from"] not in by_id.index:
            continue
        e = by_id.loc[r["recurs_from"]]
        before, after = _grade(judgments, e["doc_id"], e["area"]), _grade(judgments, r["doc_id"], r["area"])
        change = (
            "no grade"
            if not (before or after)
            else "same grade"
            if before == after
            else f"{before or '—'} → {after or '—'}"
        )
        rows.append(
            {
                "force": r["force"],
                "area": row_name(r["area"]),
                "earlier": f"{e['cycle']}: {e['text']}",
                "later": f"{r['cycle']}: {r['text']}",
                "how": r["recurs_how"],
                "score": r["recurs_score"],
                "grade_before": before,
                "grade_after": after,
                "did_the_grade_change": change,
                "earlier_status": e["status"],
                "finding_id": r["finding_id"],
                "recurs_from": r["recurs_from"],
            }
        )
    return pd.DataFrame(rows, columns=[
        "force", "area", "earlier", "later", "how", "score", "grade_before", "grade_after",
        "did_the_grade_change", "earlier_status", "finding_id", "recurs_from",
    ])  # fmt: skip


def recurring_by_area(tracker: pd.DataFrame) -> pd.DataFrame:
    """Recurring areas for improvement: how many, by area (rows) and the inspection they recur in (columns)."""
    afis = tracker[(tracker["kind"] == "area_for_improvement") & (tracker["recurs_from"].fillna("") != "")]
    if afis.empty:
        return pd.DataFrame()
    grid = pd.crosstab(afis["area"].map(row_name), afis["cycle"])
    grid.index.name, grid.columns.name = "area", None
    return grid.reset_index()


def league(tracker: pd.DataFrame) -> pd.DataFrame:
    """The Commissioners' responses compared, a row per report: coverage (the share of recommendations and
    causes of concern answered, and of areas for improvement), timeliness (days to the response, within 56
    days) and open items; the best covered and quickest first."""
    rows = []
    for (force, cycle, doc_id), part in tracker.groupby(["force", "cycle", "doc_id"], sort=False, dropna=False):
        must = part[part["kind"].isin(ANSWERABLE)]
        afis = part[part["kind"] == "area_for_improvement"]
        answered = must["status"] != NOT_RESPONDED
        afi_answered = afis["status"] != NOT_RESPONDED
        responded = text(part["response_doc_id"].iloc[0])
        in_time = part["within_56_days"].dropna()
        days = part["days_to_response"].dropna()
        timely = (
            ("yes" if bool(in_time.iloc[0]) else "no")
            if len(in_time)
            else ("not settled by the dates" if responded else "no response")
        )
        rows.append(
            {
                "force": force,
                "inspection": cycle,
                "response": "yes" if responded else "none in the corpus",
                "recommendations_and_causes": len(must),
                "answered": int(answered.sum()),
                "coverage_pct": round(100 * answered.mean(), 0) if len(must) else None,
                "areas_for_improvement": len(afis),
                "afi_coverage_pct": round(100 * afi_answered.mean(), 0) if len(afis) else None,
                "days_to_response": days.iloc[0] if len(days) else None,
                "within_56_days": timely,
                "open_items": int(is_open(part["status"]).sum()),
                "complete": int((part["status"] == "complete").sum()),
                "doc_id": doc_id,
            }
        )
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    out["days_to_response"] = pd.array(out["days_to_response"], dtype="Int64")
    return out.sort_values(["coverage_pct", "days_to_response"], ascending=[False, True], na_position="last")


def sentences(tracker: pd.DataFrame, force: str, as_of: date) -> list[str]:
    """The headline: findings, how many answered and how, what is open, what recurs, on time or not."""
    who = force or "Every force"
    if tracker.empty:
        return [f"{who}: no cause of concern, recommendation or area for improvement was read from a report."]
    counts = tracker["status"].replace("", "status not read").value_counts()
    status_text = ", ".join(f"{n} {s}" for s, n in counts.items())
    must = tracker[tracker["kind"].isin(ANSWERABLE)]
    answered = int((must["status"] != NOT_RESPONDED).sum())
    reports = tracker["doc_id"].nunique()
    with_response = tracker.loc[tracker["response_doc_id"].fillna("") != "", "doc_id"].nunique()
    lines = [
        f"{who}: {_n(len(tracker), 'finding')} in {_n(reports, 'report')} ({status_text}).",
        (
            f"{who}: {answered} of {len(must)} recommendations and causes of concern answered by a Commissioner's "
            "response in the corpus"
            if len(must)
            else f"{who}: no recommendation or cause of concern in the reports"
        )
        + f"; {with_response} of {_n(reports, 'report')} with a response.",
    ]
    timed = tracker.drop_duplicates("doc_id")
    late = timed[timed["within_56_days"] == False]  # noqa: E712  nullable boolean
    in_time = timed[timed["within_56_days"] == True]  # noqa: E712
    if len(late) or len(in_time):
        lines.append(
            f"{who}: {_n(len(in_time), 'response')} within {RESPONSE_DAYS} days of the report's publication, "
            f"{len(late)} later."
        )
    lines.append(f"{who}: {_n(int(is_open(tracker['status']).sum()), 'finding')} open on {as_of.isoformat()}.")
    recurs = tracker[tracker["recurs_from"].fillna("") != ""]
    stated = int((recurs["recurs_how"] == "stated").sum())
    lines.append(
        f"{who}: {_n(len(recurs), 'finding')} {'repeats' if len(recurs) == 1 else 'repeat'} one of an earlier "
        f"inspection ({stated} as the report says, "
        f"{len(recurs) - stated} by their wording)."
        if len(recurs)
        else f"{who}: no finding repeats one of an earlier inspection in the corpus."
    )
    return lines


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
