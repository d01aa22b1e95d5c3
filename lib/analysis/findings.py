"""Findings: areas for improvement and causes of concern (open ones, by area, recurring, by theme), and the
Commissioner's documents and their response status."""

from __future__ import annotations

import difflib
import re

import pandas as pd

from . import areas
from .selection import type_name

KINDS = {
    "area_for_improvement": "Area for improvement",
    "cause_of_concern": "Cause of concern",
    "recommendation": "Recommendation",
}


def is_improvement(kind: object) -> bool:
    return bool(re.search(r"improvement", str(kind or ""), re.I))


def kind_name(kind: object) -> str:
    return KINDS.get(str(kind), str(kind or "").replace("_", " ").capitalize())


def _area(labels: dict[str, str], area: object) -> str:
    if area is None or pd.isna(area) or not str(area):
        return "Area not stated"
    return labels.get(str(area), str(area).replace("_", " ").capitalize())


def from_reports(findings: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The findings of inspection reports only (a Commissioner's response restates the report's findings)."""
    reports = documents.loc[documents["doc_type"].fillna("") == "peel_report", "doc_id"]
    return findings[findings["doc_id"].isin(reports)].reset_index(drop=True)


def improvements(findings: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """The areas for improvement among the findings, with the area's short name (``area_label``)."""
    mask = pd.Series([is_improvement(k) for k in findings["kind"]], index=findings.index, dtype=bool)
    df = findings[mask].copy()  # a Series, not a list: an empty list would select no columns
    df["area_label"] = [_area(labels or {}, a) for a in df["area"]]
    return df.sort_values(["year", "area_label"], kind="stable").reset_index(drop=True)


def open_findings(
    findings: pd.DataFrame, documents: pd.DataFrame, labels: dict[str, str] | None = None
) -> pd.DataFrame:
    """Areas for improvement and causes of concern of each force's latest inspection report (per pillar):
    those an analyst follows up. A later report's findings replace an earlier one's."""
    peel = documents[documents["doc_type"].fillna("") == "peel_report"]
    if peel.empty or findings.empty:
        return findings.iloc[0:0].assign(area_label=pd.Series(dtype=str))
    pillar = peel["pillar"].astype(object).where(peel["pillar"].notna(), "")
    latest = peel.assign(pillar=pillar).sort_values("year", kind="stable").groupby(["force", "pillar"]).tail(1)
    df = findings[
        findings["doc_id"].isin(latest["doc_id"]) & findings["kind"].isin(["area_for_improvement", "cause_of_concern"])
    ]
    df = df.assign(area_label=[_area(labels or {}, a) for a in df["area"]])
    order = {"cause_of_concern": 0, "area_for_improvement": 1}
    return df.sort_values(
        ["kind", "area_label"], key=lambda s: s.map(order) if s.name == "kind" else s, kind="stable"
    ).reset_index(drop=True)


def findings_by_area(afis: pd.DataFrame) -> pd.DataFrame:
    """Counts of areas for improvement: area (rows) by report year (columns)."""
    if afis.empty:
        return pd.DataFrame()
    table = afis.groupby(["area_label", "year"]).size().unstack("year", fill_value=0)
    table.columns = [int(c) for c in table.columns]
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]


def recurrence(afis: pd.DataFrame, similar: float = 0.6, names: dict[str, str] | None = None) -> pd.DataFrame:
    """Areas with areas for improvement in more than one report year, and the most alike pair of texts, each
    with where it is printed (``earlier_source``, ``later_source``: the document's name and the page).

    ``similarity`` is difflib's ratio of the closest two texts from different years (1 = the same words).
    """
    cols = ["force", "area_label", "years", "count", "similarity", "same_wording"]
    cols += ["earlier", "earlier_source", "later", "later_source"]
    names = names or {}

    def where(r: dict) -> str:
        name = names.get(str(r["doc_id"]), str(r["doc_id"]))
        return f"{name}, p. {int(r['page'])}" if pd.notna(r["page"]) else name

    rows = []
    for (force, label), part in afis.groupby(["force", "area_label"], sort=True):
        years = sorted(int(y) for y in part["year"].dropna().unique())
        if len(years) < 2:
            continue
        best, pair = -1.0, None
        recs = part.assign(text=part["text"].fillna("")).to_dict("records")
        for i, one in enumerate(recs):
            for two in recs[i + 1 :]:
                if one["year"] != two["year"]:
                    r = difflib.SequenceMatcher(None, one["text"].lower(), two["text"].lower()).ratio()
                    if r > best:
                        best, pair = r, ((one, two) if one["year"] < two["year"] else (two, one))
        first, last = pair
        rows.append(
            [force, label, ", ".join(map(str, years)), len(part), round(best, 2), best >= similar]
            + [first["text"], where(first), last["text"], where(last)]
        )
    return pd.DataFrame(rows, columns=cols)


def improvement_sentence(force: str, afis: pd.DataFrame, recurring: pd.DataFrame) -> str:
    if afis.empty:
        return f"{force}: no areas for improvement were extracted."
    per_year = ", ".join(f"{n} in {y}" for y, n in afis.groupby("year").size().items())
    text = f"{force}: {len(afis)} areas for improvement ({per_year})"
    if recurring.empty:
        return text + "; none recurs in the same area in a later report."
    same = recurring[recurring["same_wording"]]
    text += (
        f"; {len(recurring)} {'area has' if len(recurring) == 1 else 'areas have'} them in more than one year: "
        + ", ".join(f"{a} ({y})" for a, y in zip(recurring["area_label"], recurring["years"]))
    )
    if not same.empty:
        text += f", {len(same)} with much the same wording"
    return text + "."


THEMES = {
    "Vulnerability and safeguarding": r"vulnerab|safeguard|missing|exploitation|at risk",
    "Domestic abuse": r"domestic (abuse|violence)",
    "Investigation standards": r"investigat|supervis|detective",
    "Calls and initial response": r"\bcall|call[- ]handl|initial response|attend|control room|contact",
    "Serious and organised crime": r"organised crime|\bocgs?\b",
    "Crime recording": r"crime recording|crime data|recording",
    "Partnership working": r"partner",
    "Mental health": r"mental health",
    "Offender management": r"offender|re-?offend",
    "Prevention and neighbourhoods": r"prevent|neighbourhood|anti-social|problem[- ]solving",
    "Workforce and training": r"train|workforce|skill|wellbeing|capacity|capabilit",
    "Victims": r"victim",
}


def themes(afis: pd.DataFrame) -> pd.DataFrame:
    """Areas for improvement by theme: the theme of the area the finding is printed under (the area vocabulary,
    ``areas.AREAS``) and the themes its words match (``THEMES``); one finding can have several, and "Other"
    is left for a finding with neither. Theme (rows) by force (columns)."""
    rows = []
    for force, year, text, area in zip(afis["force"], afis["year"], afis["text"], afis["area"]):
        hits = [areas.theme(area)] if areas.theme(area) else []
        hits += [name for name, pattern in THEMES.items() if re.search(pattern, str(text or ""), re.I)]
        hits = list(dict.fromkeys(hits)) or ["Other"]
        rows += [{"force": force, "year": year, "theme": t} for t in hits]
    df = pd.DataFrame(rows, columns=["force", "year", "theme"])
    if df.empty:
        return pd.DataFrame()
    table = df.groupby(["theme", "force"]).size().unstack("force", fill_value=0)
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]


def pcc_documents(documents: pd.DataFrame, actions: pd.DataFrame) -> pd.DataFrame:
    """The Commissioner's documents (responses, bulletins ...) with the number of actions read from each."""
    docs = documents[documents["doc_type"].fillna("").str.contains("pcc", case=False)].copy()
    n = actions.groupby("doc_id").size()
    docs["actions"] = [int(n.get(d, 0)) for d in docs["doc_id"]]
    docs["type"] = pd.Series([type_name(k) for k in docs["doc_type"]], index=docs.index, dtype=object)
    cols = ["doc_id", "type", "year", "published", "title", "actions"]
    return docs[cols].sort_values(["year", "doc_id"]).reset_index(drop=True)


def response_status(actions: pd.DataFrame) -> str:
    """ "10 actions in reply to 3 recommendations; status: 6 Complete, 4 In progress" ("status not printed"
    when the response has no status column or it is empty)."""
    if actions.empty:
        return "no actions read"
    recs = actions["recommendation"].nunique()
    text = f"{len(actions)} actions in reply to {recs} recommendation{'s' if recs != 1 else ''}"
    status = actions["status"].dropna().astype(str).str.strip() if "status" in actions.columns else pd.Series(dtype=str)
    status = status[status != ""]
    if status.empty:
        return text + "; the response prints no status for them"
    counts = status.value_counts()
    return (
        text
        + "; status: "
        + ", ".join(f"{n} {s}" for s, n in counts.items())
        + (f", {len(actions) - len(status)} without a status" if len(status) < len(actions) else "")
    )


def pcc_sentence(force: str, docs: pd.DataFrame, actions: pd.DataFrame | None = None) -> str:
    if docs.empty:
        return f"{force}: no documents of the Police and Crime Commissioner in the corpus."
    kinds = ", ".join(f"{n} {k}{'s' if n > 1 else ''}" for k, n in docs["type"].value_counts().sort_index().items())
    years = ", ".join(str(int(y)) for y in sorted(docs["year"].dropna().unique()))
    status = response_status(actions) if actions is not None else f"{int(docs['actions'].sum())} actions read"
    return f"{force}: the Police and Crime Commissioner's documents: {kinds} ({years}); {status}."
