"""The recommendation tracker (``data/tracker.csv``): every cause of concern, recommendation and area for
improvement of every inspectorate report, joined to the Commissioner's response (its action and status),
timed against the 56 days of section 55 of the Police Act 1996, and linked to the finding of the force's
earlier inspection that it repeats.

Built from the tidy tables alone (``findings``, ``pcc_actions``, ``documents``), after the extraction, so it
follows whatever the readers read. The steps, each a small function:

- ``finding_rows``: a report's findings with their number as printed and a stable ``finding_id``;
- ``response_items``: a response's actions grouped by the finding they answer, with that finding's label;
- ``match_responses``: a report's findings to a response's items, by kind and number, then by text;
- ``link_recurrences``: each finding to the earlier cycle's finding it repeats (stated, or similar wording);
- ``apply_overrides``: ``tracker_overrides.csv`` of the corpus folder (finding_id, field, value, note).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import tables as T
from .text import clean_line
from .tracker_match import (
    label_of,
    link_recurrences,
    match_responses,
    slug_of,
    status_in_text,
    status_of,
    text_of,
    timeliness,
)
from .vocab import NOT_RESPONDED, STATUSES

OVERRIDES = "tracker_overrides.csv"  # in the corpus folder; not a document (lib.run.listing skips it)
KIND_SHORT = {"cause_of_concern": "coc", "recommendation": "rec", "area_for_improvement": "afi"}


# ------------------------------------------------------------------------------------------------ steps


def report_key(doc: dict) -> tuple[str, str]:
    """What pairs a report with its response: the force and the cycle (the year where none is printed)."""
    cycle = text_of(doc.get("cycle")).replace("–", "-").replace("/", "-")
    return text_of(doc.get("force")), cycle or text_of(doc.get("year"))


def finding_rows(doc: dict, findings: pd.DataFrame) -> list[dict]:
    """One report's findings, in document order, each with its number as printed ("" when none), its
    position among its kind, and its ``finding_id`` (force, cycle or year, pillar, kind, number or position)."""
    rows, seen = [], {}
    for f in findings.to_dict("records"):
        kind = text_of(f.get("kind"))
        if kind not in KIND_SHORT:
            continue
        seen[kind] = seen.get(kind, 0) + 1
        first = text_of(f.get("evidence")).split(" / ")[0]
        label_kind, number, _ = label_of(first)
        if not number or label_kind not in (kind, None):
            label_kind, number, _ = label_of(f.get("text"))
            number = number if label_kind in (kind, None) else ""
        force, when = report_key(doc)
        key = "-".join(
            p
            for p in (
                slug_of(force.replace(" Police", "").replace(" Constabulary", "")) or "no-force",
                slug_of(when) or "undated",
                slug_of(text_of(doc.get("pillar"))) or "peel",
                KIND_SHORT[kind] + (f"-{number}" if number else f"-p{seen[kind]}"),
            )
        )
        rows.append({**f, "kind": kind, "number": number, "position": seen[kind], "finding_id": key})
    return rows


def response_items(actions: list[dict], response_findings: list[dict]) -> list[dict]:
    """A response's action rows grouped by the finding they answer (as printed), in order: its kind and
    number from its label (else from the response's own findings rows), every action and status."""
    kinds = {(text_of(r["doc_id"]), text_of(r["text"])): text_of(r["kind"]) for r in response_findings}
    items: dict[tuple[str, str], dict] = {}
    for a in actions:
        doc_id, rec = text_of(a.get("doc_id")), text_of(a.get("recommendation"))
        item = items.get((doc_id, rec))
        if item is None:
            kind, number, _ = label_of(rec)
            kind = kind or kinds.get((doc_id, rec)) or None
            item = items[(doc_id, rec)] = {
                "doc_id": doc_id,
                "recommendation": rec,
                "kind": kind,
                "number": number,
                "actions": [],
                "statuses": [],
                "page": a.get("page"),
            }
        if text_of(a.get("action")) and text_of(a.get("action")) not in item["actions"]:
            item["actions"].append(text_of(a.get("action")))
        status = clean_line(text_of(a.get("status"))) or status_in_text(a.get("action"))
        if status and status not in item["statuses"]:
            item["statuses"].append(status)
    return list(items.values())


def overall_status(printed: list[str]) -> str | None:
    """One status for a finding answered by several actions: the least advanced of theirs (all superseded
    is superseded); None when a wording is unknown, "" when nothing is printed."""
    found = [status_of(p) for p in printed]
    if not found or any(s is None for s in found):
        return None if found else ""
    known = [s for s in found if s]
    if not known:
        return ""
    if all(s == "superseded" for s in known):
        return "superseded"
    return min((s for s in known if s != "superseded"), key=STATUSES.index)


# ------------------------------------------------------------------------------------------------ build


def _responses(documents: pd.DataFrame) -> list[dict]:
    """The Commissioners' responses that were read, earliest published first."""
    docs = documents[(documents["doc_type"] == "pcc_response") & (documents["status"] == "ok")]
    return sorted(docs.to_dict("records"), key=lambda d: (text_of(d.get("published")) or "9999", text_of(d["doc_id"])))


def answers(response: dict, report: dict) -> bool:
    """Whether a response answers a report: the same force and year, and the same cycle where both print
    one (a response that gives only the year answers the report of that year)."""
    (force, when), (r_force, r_when) = report_key(response), report_key(report)
    if not force or force != r_force:
        return False
    if text_of(response.get("cycle")) and text_of(report.get("cycle")):
        return when == r_when
    return text_of(response.get("year")) == text_of(report.get("year")) != ""


def _answer(row: dict, item: dict | None, score: float | None) -> None:
    """A finding's response columns from the item that answers it (None: no row of the response does)."""
    if item is None:
        row.update(status=NOT_RESPONDED, response_text="", status_printed="")
        return
    row["response_doc_id"] = item["doc_id"]
    row["response_page"] = item["page"]
    row["response_text"] = " / ".join(item["actions"])
    row["status_printed"] = "; ".join(item["statuses"])
    row["status"] = overall_status(item["statuses"])
    row["match_score"] = score


def _causes_through_recommendations(rows: list[dict]) -> None:
    """A cause of concern no row answers is answered through its recommendations (the ones printed after it,
    up to the next cause): the least advanced of their statuses, when any of them was answered."""
    for i, r in enumerate(rows):
        if r["kind"] != "cause_of_concern" or r["status"] != NOT_RESPONDED:
            continue
        recs = []
        for nxt in rows[i + 1 :]:
            if nxt["doc_id"] != r["doc_id"] or nxt["kind"] == "cause_of_concern":
                break
            if nxt["kind"] == "recommendation":
                recs.append(nxt)
        answered = [n for n in recs if n["status"] not in (NOT_RESPONDED, None, "")]
        if answered:
            r["status"] = overall_status([s for n in answered for s in n["status_printed"].split("; ") if s])
            r["response_text"] = "answered through its recommendations: " + ", ".join(n["finding_id"] for n in recs)
            r["response_page"] = answered[0]["response_page"]


def _unique_ids(rows: list[dict]) -> None:
    """Ids unique in the corpus: a second copy of a report takes its document's id; anything else still
    doubled its position."""
    first_doc: dict[str, str] = {}
    for r in rows:
        owner = first_doc.setdefault(r["finding_id"], r["doc_id"])
        if owner != r["doc_id"]:
            r["finding_id"] = f"{r['finding_id']}-{slug_of(r['doc_id'])}"
    seen: dict[str, int] = {}
    for r in rows:
        seen[r["finding_id"]] = seen.get(r["finding_id"], 0) + 1
        if seen[r["finding_id"]] > 1:
            r["finding_id"] = f"{r['finding_id']}-p{r['position']}"


def build_tracker(tables: dict[str, pd.DataFrame], overrides: pd.DataFrame | None = None):
    """The tracker table and its checks (rows for ``checks.csv``: statuses no rule knows, overrides that
    could not be applied), from the tidy tables and the corpus's overrides."""
    documents, findings, actions = tables["documents"], tables["findings"], tables["pcc_actions"]
    reports = documents[(documents["doc_type"] == "peel_report") & (documents["status"] == "ok")]
    responses = _responses(documents)
    response_ids = {d["doc_id"] for d in responses}
    by_doc = dict(list(findings.groupby("doc_id", sort=False))) if len(findings) else {}
    by_force: dict[str, list[dict]] = {}  # a report looks only at its own force's responses
    for d in responses:
        by_force.setdefault(report_key(d)[0], []).append(d)
    action_rows, finding_records = _records_by_doc(actions), _records_by_doc(findings)
    rows: list[dict] = []
    checks: list[dict] = []
    for doc in reports.to_dict("records"):
        part = by_doc.get(doc["doc_id"])
        if part is None:
            continue
        found = finding_rows(doc, part)
        answering = [d for d in by_force.get(report_key(doc)[0], []) if answers(d, doc)]  # the statutory one first
        ids = {d["doc_id"] for d in answering}
        items = response_items(_rows_of(action_rows, ids), _rows_of(finding_records, ids & response_ids))
        latest_first = {d["doc_id"]: -i for i, d in enumerate(answering)}
        items.sort(key=lambda item: latest_first.get(item["doc_id"], 0))  # an update's row before the first's
        pairs = match_responses(found, items)
        year = pd.to_numeric(doc.get("year"), errors="coerce")
        for i, f in enumerate(found):
            row = {
                **{c: f.get(c) for c in ("finding_id", "kind", "number", "area", "text", "doc_id", "page", "position")},
                "force": doc.get("force"),
                "cycle": text_of(doc.get("cycle")) or text_of(doc.get("year")),
                "year": doc.get("year"),
                "published": doc.get("published"),
                "response_doc_id": answering[0]["doc_id"] if answering else "",
                "recurs_from": "",
                "recurs_how": "",
                "_year": None if pd.isna(year) else int(year),
                "_evidence": text_of(f.get("evidence")),
            }
            item = items[pairs[i][0]] if i in pairs else None
            _answer(row, item, pairs[i][1] if i in pairs else None)
            if answering:  # timed by the first response to the report, whichever response answers the finding
                row["response_date"] = answering[0].get("published")
                row["days_to_response"], row["within_56_days"] = timeliness(doc.get("published"), row["response_date"])
            rows.append(row)
    _unique_ids(rows)
    _causes_through_recommendations(rows)
    link_recurrences(rows)
    checks += apply_overrides(rows, overrides)
    for r in rows:  # a wording no rule knows, unless the user settled it
        if r["status"] is None:
            detail = f"{r['finding_id']}: status {r['status_printed']!r} is not in the status vocabulary"
            detail += " (lib/vocab/responses.py)"
            checks.append(_check(r["response_doc_id"], "tracker_status_known", False, detail))
        r["status"] = r["status"] or ""
    return T.frame("tracker", rows), checks


def _records_by_doc(table: pd.DataFrame) -> dict[str, list[tuple[int, dict]]]:
    """A table's rows as records by document, each with its place in the table: a report takes its
    responses' rows from here rather than filtering the whole table again (time in proportion to the corpus)."""
    out: dict[str, list[tuple[int, dict]]] = {}
    for place, r in enumerate(table.to_dict("records")):
        out.setdefault(r["doc_id"], []).append((place, r))
    return out


def _rows_of(by_doc: dict[str, list[tuple[int, dict]]], doc_ids: set[str]) -> list[dict]:
    """The rows of these documents, in the table's order."""
    return [r for _, r in sorted((p for d in doc_ids for p in by_doc.get(d, [])), key=lambda p: p[0])]


def _check(doc_id: str, check: str, passed: bool, detail: str) -> dict:
    return {"doc_id": doc_id, "check": check, "passed": passed, "detail": detail}


def read_overrides(folder: Path | str | None) -> pd.DataFrame | None:
    """``tracker_overrides.csv`` of the corpus folder (finding_id, field, value, note), None when absent."""
    path = Path(folder) / OVERRIDES if folder else None
    if path is None or not path.is_file():
        return None
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    df.columns = [c.strip().lower() for c in df.columns]
    for col in ("finding_id", "field", "value", "note"):
        if col not in df:
            df[col] = ""
    return df


OVERRIDABLE = {"status", "recurs_from", "response_doc_id", "response_text", "status_printed", "response_date"}


def apply_overrides(rows: list[dict], overrides: pd.DataFrame | None) -> list[dict]:
    """A user's corrections, applied to the rows (in place) and shown in ``overridden`` (field: note);
    returns the checks of the overrides that could not be applied (no such finding, field or status)."""
    checks: list[dict] = []
    if overrides is None:
        return checks
    by_id = {r["finding_id"]: r for r in rows}
    for o in overrides.to_dict("records"):
        fid, field = text_of(o.get("finding_id")).strip(), text_of(o.get("field")).strip().lower()
        value, note = text_of(o.get("value")).strip(), text_of(o.get("note")).strip()
        row = by_id.get(fid)
        problem = (
            f"no finding {fid!r} in the tracker"
            if row is None
            else f"{field!r} cannot be overridden (one of {', '.join(sorted(OVERRIDABLE))})"
            if field not in OVERRIDABLE
            else f"status {value!r} is not one of {', '.join(STATUSES)}"
            if field == "status" and value.lower() not in STATUSES
            else f"recurs_from {value!r} is no finding of the tracker"
            if field == "recurs_from" and value and value not in by_id
            else ""
        )
        if problem:
            checks.append(_check(row["doc_id"] if row else OVERRIDES, "tracker_override", False, problem))
            continue
        row[field] = value.lower() if field == "status" else value
        if field == "recurs_from":
            row["recurs_how"], row["recurs_score"] = ("override" if value else ""), None
        row["overridden"] = "; ".join(p for p in (text_of(row.get("overridden")), f"{field}: {note or value}") if p)
    return checks
