"""Figures against England and Wales, compared honestly.

- A rate or a count is compared as a ratio (force ÷ England and Wales); a percent, a share or a percent change
  as a difference in points ("7% vs 4%" is 3 points higher, never 1.75×).
- Which way is better is claimed only where the inspectorate says so (``DIRECTIONS``, with its words);
  otherwise no direction is claimed, and sentences say so.
- Each figure's source is its own document (title and date), never a generic label.
- Values that contradict each other in one document (the same indicator and period printed with different
  values) and implausible ones (a rate more than ``IMPLAUSIBLE`` times off England and Wales) are flagged.
- Outcome shares only from a complete set of outcome rows (shares summing to 100), in their own unit.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from .. import tables as T
from ..measures import better_for, label_for
from .selection import cycles, document_names

IMPLAUSIBLE = 10.0  # a force figure more than 10 times (or less than a tenth of) England and Wales is flagged

# Units compared in points (shares and changes): percent, proportion, "per 100 <things>" is a rate, not a share.
_POINTS = re.compile(r"%|percent|proportion", re.I)
# Units that make a force comparable with England and Wales; a count printed next to the national count
# ("4,405 outcomes" against "577,678") is not a comparator and is left out.
_NORMALISED = re.compile(r"\bper\b|percent|%|proportion|\brate\b", re.I)
_OUTCOME = re.compile(r"^outcomes?_", re.I)

# Which way is better, only where the inspectorate says it: (indicator pattern, direction, what it says).
DIRECTIONS: list[tuple[str, str, str]] = [
    (
        r"^victim_satisfaction",
        "higher is better",
        "HMIC reports victim satisfaction as the share of victims satisfied with the service they received.",
    ),
    (
        r"^(crime_rate_|recorded_crime|victim_based_crime|asb_incidents|calls_for_assistance)",
        "neither",
        "HMIC: recorded incidents and crimes are not the true level of victimisation, and the judgment of "
        "reducing crime is not an assessment of the overall effectiveness of policing.",
    ),
]
NO_DIRECTION = "none claimed"


def direction(indicator: object, measure: object = None) -> tuple[str, str]:
    """(direction, the inspectorate's words behind it) for an indicator key, or for its measure where the
    measure vocabulary (``lib.measures``) states one; ("none claimed", "") otherwise."""
    for key in (indicator, measure):
        for pattern, way, basis in DIRECTIONS:
            if key is not None and re.search(pattern, str(key or "")):
                return way, basis
    stated = better_for(measure)
    return (stated, "the measure vocabulary (lib/measures.py)") if stated else (NO_DIRECTION, "")


def comparison_kind(unit: object) -> str:
    """ "points" for a percent, share or percent change; "ratio" for a rate or a count."""
    return "points" if _POINTS.search(str(unit or "")) else "ratio"


def sources(df: pd.DataFrame, documents: pd.DataFrame) -> str:
    """The documents the rows come from, by title and date: the source line of a chart."""
    names = document_names(documents)
    return "; ".join(dict.fromkeys(names.get(str(d), str(d)) for d in df["doc_id"])) or "no document"


def flags(indicators: pd.DataFrame) -> pd.Series:
    """Per row: "" or why it must not be drawn silently (a contradiction in its document, an implausible
    value against England and Wales)."""
    out = pd.Series("", index=indicators.index, dtype=object)
    key = ["doc_id", "indicator", "period", "unit"]
    filled = indicators[key].astype(object).where(indicators[key].notna(), "")
    groups = indicators.groupby([filled[c] for c in key], sort=False)
    for col, what in (("value", "force figure"), ("england_wales", "England and Wales figure")):
        several = groups[col].transform("nunique") > 1  # only those groups are looked at one by one
        if not several.any():
            continue
        for _, part in indicators[several.to_numpy()].groupby([filled[c][several] for c in key], sort=False):
            values = sorted({float(v) for v in part[col].dropna()})
            if len(values) > 1:
                printed = " and ".join(f"{v:g}" for v in values)
                out[part.index] += f"contradiction: the document prints the {what} as {printed}; "
    v, e = indicators["value"].astype(float), indicators["england_wales"].astype(float)
    ratio_unit = indicators["unit"].map(comparison_kind) == "ratio"
    apart = pd.concat([v / e, e / v], axis=1).max(axis=1)
    far = (ratio_unit & (v > 0) & (e > 0) & (apart > IMPLAUSIBLE)).fillna(False).astype(bool)
    for i in indicators.index[far.to_numpy()]:
        out[i] += f"implausible: {v[i]:g} against {e[i]:g} for England and Wales ({apart[i]:.0f}× apart); "
    return out.str.rstrip("; ")


def compared_mask(indicators: pd.DataFrame) -> pd.Series:
    """The rows ``versus_england_wales`` compares: a value and an England and Wales figure, in a rate or share."""
    normalised = indicators["unit"].fillna("").str.contains(_NORMALISED)
    return (indicators["value"].notna() & indicators["england_wales"].notna() & normalised).astype(bool)


def uncompared(indicators: pd.DataFrame) -> pd.DataFrame:
    """The figures printed without an England and Wales figure in a comparable unit, with their evidence."""
    cols = ["doc_id", "label", "period", "unit", "value", "england_wales", "page", "evidence"]
    return indicators[~compared_mask(indicators)][cols].reset_index(drop=True)


def versus_england_wales(indicators: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rates, shares and changes printed with an England and Wales figure for the same period.

    ``comparison``: "ratio" (rates and counts) or "points"; ``ratio`` (force ÷ E&W, rates only, both
    positive); ``difference`` (force − E&W, in the unit, points for percents); ``compared``: higher than,
    lower than, the same as; ``measure_label``: the measure's label (``lib.measures``); ``cycle``: the
    document's inspection cycle (``documents`` given), else the year; ``direction`` and ``better``: which
    way is better where the inspectorate says so; ``flag``: a contradiction or an implausible value (flagged
    rows are not drawn).
    """
    provenance = ["page", "evidence"]
    computed = ["measure_label", "cycle", "comparison", "ratio", "difference", "compared", "direction", "better"]
    computed.append("flag")
    cols = [c for c in T.COLUMNS["indicators"] if c not in provenance] + computed + provenance
    df = indicators[compared_mask(indicators)].copy()
    if df.empty:
        return pd.DataFrame(columns=cols)
    if "measure" not in df.columns:  # tables written before the measure vocabulary
        df["measure"] = df["indicator"]
    df["flag"] = flags(indicators).loc[df.index]
    df["value"] = df["value"].astype(float)
    df["england_wales"] = df["england_wales"].astype(float)
    df["comparison"] = [comparison_kind(u) for u in df["unit"]]
    ok = (df["comparison"] == "ratio") & (df["value"] > 0) & (df["england_wales"] > 0)
    df["ratio"] = (df["value"] / df["england_wales"]).where(ok).round(3)
    df["difference"] = (df["value"] - df["england_wales"]).round(3)
    df["compared"] = ["the same as" if d == 0 else ("higher than" if d > 0 else "lower than") for d in df["difference"]]
    df["direction"] = [direction(i, m)[0] for i, m in zip(df["indicator"], df["measure"])]
    df["measure_label"] = [label_for(m, lab) for m, lab in zip(df["measure"], df["label"])]
    printed = dict(zip(documents["doc_id"], documents["cycle"])) if documents is not None else {}
    df["cycle"] = cycles(df.assign(cycle=df["doc_id"].map(printed))).to_numpy()
    df["better"] = [_better(w, d) for w, d in zip(df["direction"], df["difference"])]
    return df.sort_values(["year", "indicator", "force"], kind="stable")[cols].reset_index(drop=True)


def _better(way: str, difference: float) -> str:
    if way not in ("higher is better", "higher is worse") or difference == 0:
        return ""
    return "better" if (difference > 0) == (way == "higher is better") else "worse"


def pooled(versus: pd.DataFrame) -> pd.DataFrame:
    """The figures of the measures printed for more than one force, every wording and period of one measure
    on one chart row (``row``: the measure's label and unit; each figure's period stays in its table row and
    the chart's caption). Empty when no measure is shared."""
    if versus.empty:
        return versus.assign(row=pd.Series(dtype=object))
    shared = versus.groupby(["measure", "unit"], dropna=False)["force"].transform("nunique") > 1
    df = versus[shared.to_numpy()]
    return df.assign(row=[f"{m} ({u})" for m, u in zip(df["measure_label"], df["unit"])])


def short_label(label: object, period: object) -> str:
    """A figure's label without the period it repeats (the period is printed next to it)."""
    text = str(label if label is not None and pd.notna(label) else "")
    if period is not None and pd.notna(period) and str(period) and str(period) in text:
        text = text.replace(str(period), "").strip(" ,;")
    return text[:1].upper() + text[1:]


def gap(r: pd.Series | dict) -> str:
    """ "0.6× England and Wales" for a rate, "4 points higher" for a percent, "the same"."""
    if r["comparison"] == "ratio" and pd.notna(r["ratio"]):
        return f"{r['ratio']:.2f}× England and Wales"
    d = r["difference"]
    if d == 0:
        return "the same"
    unit = "points" if r["comparison"] == "points" else str(r["unit"])
    return f"{abs(d):g} {unit} {'higher' if d > 0 else 'lower'}"


def period_text(period: object) -> str:
    """ " (12 months to 30 June 2015)", or "" when no period was printed."""
    return f" ({period})" if period is not None and pd.notna(period) and str(period).strip() else ""


def gap_text(r: pd.Series | dict) -> str:
    """ "38.1 vs 63 per 1,000 population (0.6× England and Wales)" or "-9 vs -13 percent change (4 points
    higher)"."""
    return f"{r['value']:g} vs {r['england_wales']:g} {r['unit']} ({gap(r)})"


def distance(r: pd.Series | dict) -> float:
    """How far a figure is from England and Wales in its own kind: |log ratio| for a rate, the difference in
    points for a percent (the two kinds are ranked apart, never against each other)."""
    if r["comparison"] == "ratio" and pd.notna(r["ratio"]) and r["ratio"] > 0:
        return abs(math.log(r["ratio"]))
    return abs(r["difference"])


def furthest(versus: pd.DataFrame, n: int = 2) -> pd.DataFrame:
    """The ``n`` unflagged rates furthest from England and Wales (by ratio) and the ``n`` percents furthest
    (in points)."""
    df = versus[versus["flag"] == ""]
    if df.empty:
        return df.assign(distance=pd.Series(dtype=float))
    df = df.assign(distance=[distance(r) for r in df.to_dict("records")])
    parts = [df[df["comparison"] == kind].nlargest(n, "distance") for kind in ("ratio", "points")]
    return pd.concat(parts).reset_index(drop=True)


def figure_sentence(force: str, versus: pd.DataFrame) -> str:
    """ "Gwent Police: of 30 figures printed with an England and Wales comparator for the same period
    (2015, 2017), 17 are higher and 12 lower ...; which way is better is stated for 2 of them: ..."."""
    if versus.empty:
        return f"{force}: no figure was printed with an England and Wales comparator."
    counts = versus["compared"].value_counts()
    parts = [
        f"{counts.get(k, 0)} {k} England and Wales"
        for k in ("higher than", "lower than", "the same as")
        if counts.get(k, 0)
    ]
    years = ", ".join(str(int(y)) for y in sorted(versus["year"].dropna().unique()))
    stated = versus[versus["direction"].isin(["higher is better", "higher is worse"])]
    neither = int((versus["direction"] == "neither").sum())
    if stated.empty:
        way = "the inspectorate states for none of them which way is better, so none is claimed"
    else:
        better = int((stated["better"] == "better").sum())
        worse = int((stated["better"] == "worse").sum())
        way = (
            f"the inspectorate states which way is better for {len(stated)} of them ({better} better, {worse} worse "
            f"than England and Wales); for the others none is claimed"
        )
    if neither:
        way += f" ({neither} are crime or incident rates, which the inspectorate says measure neither way)"
    n_flag = int((versus["flag"] != "").sum())
    flagged = f"; {n_flag} flagged as contradictory or implausible" if n_flag else ""
    return (
        f"{force}: of {len(versus)} figure{'s' if len(versus) != 1 else ''} printed with an England and Wales "
        "comparator for the same period "
        f"({years}), {', '.join(parts)}; {way}{flagged}."
    )


def outcomes(indicators: pd.DataFrame) -> pd.DataFrame:
    """Crime outcome figures (``outcome_...``/``outcomes_...`` keys) printed as shares or rates, with
    ``set_total``: the sum of the shares of their set (document, period, unit) and ``complete``: whether the
    set is every outcome (shares summing to 100 ± 1.5). Rates per 100 offences are a rate, never a share."""
    cols = list(T.COLUMNS["indicators"])
    mask = indicators["indicator"].fillna("").str.contains(_OUTCOME) & indicators["value"].notna()
    mask &= indicators["unit"].fillna("").str.contains(r"%|percent|per 100\b", case=False)
    df = indicators[mask][cols].copy()
    if df.empty:
        return df.assign(complete=pd.Series(dtype=bool), set_total=pd.Series(dtype=float), share=pd.Series(dtype=bool))
    df["share"] = [comparison_kind(u) == "points" for u in df["unit"]]
    key = [df["doc_id"], df["period"].fillna(""), df["unit"].fillna("")]
    df["set_total"] = df.groupby(key)["value"].transform("sum").astype(float).round(1)
    df["complete"] = df["share"] & ((df["set_total"] - 100).abs() <= 1.5)
    return df.sort_values(["year", "force", "value"], ascending=[True, True, False], kind="stable").reset_index(
        drop=True
    )


def outcome_sentences(force: str, mix: pd.DataFrame) -> list[str]:
    """What the outcome figures may say: the largest share only from a complete set; otherwise how many
    outcome types are printed, in which unit, and why no share of all outcomes is given."""
    if mix.empty:
        return [f"{force}: no crime outcome figures were extracted."]
    out = []
    for (_doc, period, unit), part in mix.groupby(["doc_id", "period", "unit"], sort=False):
        year = int(part["year"].iloc[0])
        if part["complete"].all():
            top = part.iloc[0]
            out.append(
                f"{force}, {year} ({period}): the largest share of outcomes was {top['label']} "
                f"({top['value']:g} {unit})."
            )
        elif part["share"].all():
            out.append(
                f"{force}, {year} ({period}): {len(part)} outcome types printed as {unit}, summing to "
                f"{part['set_total'].iloc[0]:g}: not every outcome, so no share of all outcomes is claimed."
            )
        else:
            out.append(
                f"{force}, {year} ({period}): {len(part)} outcome types printed as {unit}: a rate, not a share "
                "of all outcomes; each is compared with England and Wales in the same unit."
            )
    return out


def ew_consistency(indicators: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """The same England and Wales figure (measure, period, unit) printed by two or more documents.

    Only figures that state their period are compared, and only with the same measure for the same period:
    two documents printing a figure for different (or unstated) periods do not disagree. One row per figure:
    the documents (by title and date when ``documents`` is given), the values, and ``verdict``: agrees (all
    equal), rounding (equal at the coarsest precision printed) or disagrees.
    """
    names = document_names(documents) if documents is not None else {}
    cols = ["measure", "label", "period", "unit", "documents", "document_names", "england_wales_values", "verdict"]
    period = indicators["period"].astype(object).where(indicators["period"].notna(), "").astype(str).str.strip()
    df = indicators[indicators["england_wales"].notna() & (period != "")].copy()
    df["measure"] = df["measure"].fillna(df["indicator"]) if "measure" in df.columns else df["indicator"]
    df["unit"] = df["unit"].astype(object).where(df["unit"].notna(), "")
    rows = []
    for (measure, period, unit), part in df.groupby(["measure", "period", "unit"], sort=True):
        part = part.drop_duplicates("doc_id")
        if len(part) < 2:
            continue
        values = [float(v) for v in part["england_wales"]]
        decimals = min(len(f"{v:g}".split(".")[1]) if "." in f"{v:g}" else 0 for v in values)
        if len(set(values)) == 1:
            verdict = "agrees"
        elif len({round(v, decimals) for v in values}) == 1:
            verdict = "rounding"
        else:
            verdict = "disagrees"
        docs = "; ".join(names.get(str(d), str(d)) for d in part["doc_id"])
        label = label_for(measure, part["label"].iloc[0])
        rows.append([measure, label, period, unit, len(part), docs, ", ".join(f"{v:g}" for v in values), verdict])
    return pd.DataFrame(rows, columns=cols)


def measure_table(versus: pd.DataFrame, cycle: str) -> pd.DataFrame:
    """Forces (rows) by measure (columns) for one cycle: each cell the force's figure against England and
    Wales ("62.3 vs 70.9 percent (between April 2021 and March 2022)"), figures of one measure pooled whatever
    their wording; "" where the force's reports print none."""
    df = versus[(versus["cycle"] == cycle) & (versus["flag"] == "")]
    if df.empty:
        return pd.DataFrame()
    cells = df.assign(cell=[gap_text(r) + period_text(r["period"]) for r in df.to_dict("records")])
    cells = cells.groupby(["force", "measure_label"], sort=True)["cell"].agg("; ".join)
    return cells.unstack("measure_label", fill_value="").rename_axis(columns=None).reset_index()


def versus_display(versus: pd.DataFrame) -> pd.DataFrame:
    """The comparison as a reader's table: figure, period, the two values and unit, how they compare (ratio or
    points), which way is better where stated, the flag, and the evidence (doc_id and page become the link)."""
    cols = ["doc_id", "measure_label", "label", "period", "value", "england_wales", "unit", "compared", "direction"]
    cols += ["flag", "page"]
    if versus.empty:
        return pd.DataFrame(columns=[*cols, "evidence"])
    df = versus.copy()
    df["label"] = [short_label(lab, p) for lab, p in zip(df["label"], df["period"])]
    df["compared"] = [gap(r) for r in df.to_dict("records")]
    df["direction"] = [f"{d}: {b}" if b else d for d, b in zip(df["direction"], df["better"])]
    return df[[*cols, "evidence"]]
