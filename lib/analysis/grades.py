"""Grades: the latest grade of each area, what changed since the previous inspection, the heatmap's data.

Grades come on two scales (``scale``: four_point to 2019, five_point from 2021/22); the inspectorate says they
cannot be compared directly, so a change across scales is said, never scored. A grade outside the six grade
words is listed by ``outside_grades`` and left out of everything else, never drawn silently.
"""

from __future__ import annotations

import re

import pandas as pd

from ..vocab import GRADES as SCALE_GRADES
from ..vocab import SCALE_NAMES, UNGRADED, grade_name
from . import areas
from .selection import cycle_key, cycles

GRADES = [*SCALE_GRADES, UNGRADED]  # best first; the order of every chart and table
JUDGMENT_COLUMNS = ["pillar", "area", "area_label", "grade", "scale", "last_inspected", "year"]


def area_name(label: object, area: object = None, pillar: object = None) -> str:
    """A graded area's short name: "How effective is the force at investigating crime ...?" becomes
    "Investigating crime ..."; the overall grade becomes "Overall <pillar>"."""
    if str(area or "") == "overall" or str(label if pd.notna(label) else "").lower().startswith("overall"):
        return f"Overall {pillar}" if pillar is not None and pd.notna(pillar) and str(pillar) else "Overall"
    text = label if label is not None and pd.notna(label) else (area if area is not None and pd.notna(area) else "")
    text = re.sub(r"\s+", " ", str(text)).strip()
    m = re.match(r"how (?:effective|efficient|legitimate|well) (?:is|does) the force (?:at |in )?(.*?)\??$", text, re.I)
    text = (m.group(1) if m else text).replace("_", " ")
    return text[:1].upper() + text[1:] if text else "Area not stated"


def area_labels(judgments: pd.DataFrame, findings: pd.DataFrame | None = None) -> dict[str, str]:
    """Area code to one short name (the area vocabulary's, ``areas.AREAS``; else the shortest of the names
    reports print for it), so that the same area under different wordings (2015 questions, 2017 table rows,
    2021/22 graphics) is one row everywhere."""
    names: dict[str, list[str]] = {}
    for area, label, pillar in zip(judgments["area"], judgments["area_label"], judgments["pillar"]):
        if pd.notna(area) and str(area) != "overall":
            names.setdefault(str(area), []).append(area_name(label, area, pillar))
    labels = {a: areas.row_name(a) if a in areas.AREAS else min(v, key=len) for a, v in names.items()}
    if findings is not None:
        for area in findings["area"].dropna().astype(str):
            labels.setdefault(area, areas.row_name(area) if area in areas.AREAS else area_name(None, area))
    return labels


def is_overall(area: object, label: object = None) -> bool:
    return str(area or "").lower() == "overall" or str(label if pd.notna(label) else "").lower().startswith("overall")


def prepared(judgments: pd.DataFrame) -> pd.DataFrame:
    """The judgments with the grade in its fixed spelling, the area's short name, the cycle, the year the
    grade was given (``given``: the year last inspected for a carried-over grade) and ``overall``."""
    df = judgments.copy()
    # A pillar's question printed as a summary row is that pillar's overall grade (areas.pillar_overall).
    placed = [areas.pillar_overall(a, lab, p) for a, lab, p in zip(df["area"], df["area_label"], df["pillar"])]
    df["area"] = pd.Series([a or None for a, _ in placed], index=df.index, dtype="string")
    df["pillar"] = pd.Series([p or None for _, p in placed], index=df.index, dtype="string")
    labels = area_labels(df)
    df["grade"] = [grade_name(g) for g in df["grade"]]
    df["area_name"] = [
        areas.row_name(a, p)
        if str(a) in areas.AREAS
        else (area_name(lab, a, p) if is_overall(a, lab) else labels.get(str(a), area_name(lab, a, p)))
        for a, lab, p in zip(df["area"], df["area_label"], df["pillar"])
    ]
    df["cycle"] = cycles(df)
    given = df["last_inspected"].astype("Float64").fillna(df["year"].astype("Float64"))
    df["given"] = [int(g) if pd.notna(g) else None for g in given]
    df["overall"] = [is_overall(a, lab) for a, lab in zip(df["area"], df["area_label"])]
    df["pillar"] = df["pillar"].astype(object).where(df["pillar"].notna(), "")
    return df


def outside_grades(judgments: pd.DataFrame) -> pd.DataFrame:
    """Rows whose grade is not one of the six grade words (shown to the reader, left out of the rest)."""
    df = prepared(judgments)
    return df[~df["grade"].isin(GRADES)].reset_index(drop=True)


def graded(judgments: pd.DataFrame) -> pd.DataFrame:
    """Prepared judgments with a grade word (``outside_grades`` are left out)."""
    df = prepared(judgments)
    return df[df["grade"].isin(GRADES)].reset_index(drop=True)


def _order(df: pd.DataFrame) -> pd.DataFrame:
    return (
        df.assign(_k=[cycle_key(c) for c in df["cycle"]]).sort_values(["_k", "year"], kind="stable").drop(columns="_k")
    )


def latest_grades(judgments: pd.DataFrame) -> pd.DataFrame:
    """The latest grade of each area: each pillar's overall grades first, with cycle, scale and provenance."""
    df = graded(judgments)
    if df.empty:
        return df.assign(carried=pd.Series(dtype=bool))
    # One latest grade per area (an area keeps its name across pillar reports and integrated reports); each
    # pillar's overall grade is its own area ("Overall effectiveness").
    last = _order(df).groupby(["force", "area_name"], sort=False).tail(1)
    last = last.assign(carried=[pd.notna(li) and li < y for li, y in zip(last["last_inspected"], last["year"])])
    # In the framework's order (each pillar's overall grade first), as every grade table of the reports.
    rank = [
        areas.sort_key(*areas.pillar_overall(a, lab, p), s)
        for a, lab, p, s in zip(last["area"], last["area_label"], last["pillar"], last["scale"])
    ]
    last = last.assign(_rank=rank).sort_values(["force", "_rank"], kind="stable").drop(columns="_rank")
    return last.reset_index(drop=True)


def grade_changes(judgments: pd.DataFrame) -> pd.DataFrame:
    """Each area graded in two inspections (by the year each grade was given): the previous and the latest
    grade and ``change``: better, worse, the same, or "scale changed: not compared"."""
    cols = [
        "force",
        "pillar",
        "area_name",
        "before",
        "before_cycle",
        "after",
        "after_cycle",
        "change",
        "doc_id",
        "page",
    ]
    df = graded(judgments)
    df = df[df["grade"] != UNGRADED]
    rows = []
    for (force, name), part in _order(df).groupby(["force", "area_name"], sort=True):
        pillar = part["pillar"].iloc[-1]
        part = part.drop_duplicates("given", keep="last").sort_values("given", kind="stable")
        if len(part) < 2:
            continue
        first, last = part.iloc[-2], part.iloc[-1]
        if first["scale"] != last["scale"]:
            change = "scale changed: not compared"
        elif pd.isna(first["grade_score"]) or pd.isna(last["grade_score"]) or first["grade"] == last["grade"]:
            change = "the same" if first["grade"] == last["grade"] else "not compared"
        else:
            change = "better" if last["grade_score"] > first["grade_score"] else "worse"
        rows.append(
            [force, pillar, name, first["grade"], _when(first), last["grade"], _when(last), change]
            + [last["doc_id"], last["page"]]
        )
    return pd.DataFrame(rows, columns=cols)


def _when(r: pd.Series) -> str:
    """When a grade was given: the year last inspected for a carried-over grade, else the inspection's cycle."""
    carried = pd.notna(r["last_inspected"]) and pd.notna(r["year"]) and r["last_inspected"] < r["year"]
    return str(int(r["last_inspected"])) if carried else str(r["cycle"])


def change_sentence(r: pd.Series) -> str:
    """ "Protecting vulnerable people from Good (2015) to Requires improvement (2017): worse"."""
    return (
        f"{r['area_name']} from {r['before']} ({r['before_cycle']}) to {r['after']} ({r['after_cycle']}): {r['change']}"
    )


def grade_sentences(force: str, judgments: pd.DataFrame) -> list[str]:
    """ "Gwent Police, effectiveness: Good in 2015, Requires improvement in 2017." per pillar, then the
    areas whose grade changed between inspections (a change of scale said, not scored)."""
    df = graded(judgments)
    if df.empty:
        return [f"{force}: no graded judgments were extracted."]
    out = []
    for pillar, part in df.groupby("pillar", sort=True):
        pillar = pillar or "pillar not stated"
        overall = _order(part[part["overall"]])
        if not overall.empty:
            grades = ", ".join(f"{g} in {c}" for g, c in zip(overall["grade"], overall["cycle"]))
            out.append(f"{force}, {pillar}: {grades}.")
        else:
            seen = ", ".join(dict.fromkeys(_order(part)["cycle"]))
            out.append(f"{force}, {pillar}: no overall grade; {len(part)} area grades in {seen}.")
    changes = grade_changes(judgments)
    moved = changes[changes["change"] != "the same"]
    if not moved.empty:
        out.append("Changed grades: " + "; ".join(map(change_sentence, moved.to_dict("records"))) + ".")
    return out


def grade_table(judgments: pd.DataFrame) -> pd.DataFrame:
    """Judgments for display: inspection, area, grade (fixed order), scale, the year last inspected, the
    document's id and page (shown as the evidence link) and the words printed."""
    df = prepared(judgments)
    df["scale"] = [SCALE_NAMES.get(str(s), s) for s in df["scale"]]
    df = _order(df).sort_values(["overall"], ascending=False, kind="stable")
    df = df.assign(_k=[cycle_key(c) for c in df["cycle"]]).sort_values(["_k", "pillar"], kind="stable")
    cols = ["cycle", "pillar", "area_name", "grade", "scale", "last_inspected", "doc_id", "page", "evidence"]
    return df[cols].reset_index(drop=True)


def grade_counts(judgments: pd.DataFrame) -> pd.Series:
    """How many grades of each grade word, in the fixed order (zeros left out)."""
    df = graded(judgments)
    return df["grade"].value_counts().reindex(GRADES).dropna().astype(int)


def timeline_title(force: str, judgments: pd.DataFrame) -> str:
    """The grade chart's finding: the overall grades over time of a single pillar, else what is drawn."""
    df = graded(judgments)
    sentences = grade_sentences(force, judgments)
    if df["pillar"].nunique() <= 1:
        return sentences[0].rstrip(".")
    overall = latest_grades(judgments)
    overall = overall[overall["overall"]]
    latest = ", ".join(f"{r['area_name']} {r['grade']} ({r['cycle']})" for _, r in overall.iterrows())
    return f"{force}: {df['area_name'].nunique()} areas graded" + (f"; latest {latest}" if latest else "")
