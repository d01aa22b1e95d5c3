"""The notebook templates: the analysis helpers they share, their papermill runs and their HTML reports.

Two halves:

- Helpers the templates call (``data_folder``, ``force_tables``, ``headlines``, ``versus_england_wales``,
  ``recurrence``, ``ew_consistency``, ``inventory`` ...): plain functions of the tidy tables, so the
  notebooks hold only narrative, displays and judgement calls.
- The batch (``run_all``) and one-document (``report``) runs: papermill in-process, one kernel and one
  temporary working folder per notebook, a process pool of ``jobs`` workers, a cache keyed by the
  template, its parameters, the rows of the tables it reads and the library's code, HTML reports with the
  code hidden and an index page.

A notebook executed by a run reads ``../data`` and writes ``../reports/tables`` relative to its own folder,
so the executed copies under ``OUT/notebooks`` re-run as they are in JupyterLab.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pandas as pd

from . import paths
from .analysis.corpus import (  # noqa: F401  (the templates and the run import them from here until the split)
    ENV_OUT,
    TABLES,
    data_folder,
    force_tables,
    load,
    output_folder,
    select_forces,
    split_list,
    tables_folder,
    write_tables,
)
from .extract.areas import grade_name


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
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def source_line(documents: pd.DataFrame) -> str:
    """ "HMIC/HMICFRS PEEL reports 2015, 2017" style attribution of the documents behind a chart."""
    docs = documents[documents["doc_type"].fillna("").str.contains("peel|inspection", case=False)]
    docs = docs if not docs.empty else documents
    who = "/".join(sorted(set(docs["inspectorate"].dropna().astype(str)))) or "HMIC/HMICFRS"
    years = ", ".join(str(y) for y in sorted(set(docs["year"].dropna().astype(int))))
    return f"{who} PEEL inspection reports {years}".strip()


# ----------------------------------------------------------------------------------------------------------
# Judgments
# ----------------------------------------------------------------------------------------------------------


def _is_overall(area: object, label: object) -> bool:
    return str(area or "").lower().startswith("overall") or str(label or "").lower().startswith("overall")


def area_name(label: object, area: object = None, pillar: object = None) -> str:
    """A graded area's short name: "How effective is the force at investigating crime ...?" becomes
    "Investigating crime ..."; the overall grade becomes "Overall <pillar>"."""
    if str(area or "") == "overall" or str(label or "").lower().startswith("overall"):
        return f"Overall {pillar}" if pillar and pd.notna(pillar) else "Overall"
    text = re.sub(r"\s+", " ", str(label if label is not None and pd.notna(label) else area or "")).strip()
    m = re.match(r"how (?:effective|efficient|legitimate|well) (?:is|does) the force (?:at |in )?(.*?)\??$", text, re.I)
    text = m.group(1) if m else text
    text = text.replace("_", " ")
    return text[:1].upper() + text[1:]


def area_labels(judgments: pd.DataFrame, findings: pd.DataFrame | None = None) -> dict[str, str]:
    """Area code to one short name (the shortest of the names reports print for it), so that the same area
    under different wordings (2015 questions, 2017 table rows) is one row everywhere."""
    names: dict[str, list[str]] = {}
    for area, label, pillar in zip(judgments["area"], judgments["area_label"], judgments["pillar"]):
        if pd.notna(area):
            names.setdefault(str(area), []).append(area_name(label, area, pillar))
    labels = {a: min(v, key=len) for a, v in names.items()}
    if findings is not None:
        for area in findings["area"].dropna().astype(str):
            labels.setdefault(area, area_name(None, area))
    return labels


def with_area_names(judgments: pd.DataFrame) -> pd.DataFrame:
    """The judgments with ``area_label`` replaced by the area's short name (for charts and matrices)."""
    labels = area_labels(judgments)
    return judgments.assign(
        area_label=[labels.get(str(a), area_name(b, a)) for a, b in zip(judgments["area"], judgments["area_label"])]
    )


def grade_sentences(force: str, judgments: pd.DataFrame) -> list[str]:
    """ "Gwent Police, effectiveness: Good in 2015, Requires improvement in 2017." per pillar, then the
    areas whose grade changed between inspections (scale changes said)."""
    if judgments.empty:
        return [f"{force}: no graded judgments were extracted."]
    out = []
    df = with_area_names(judgments).assign(grade=[grade_name(g) for g in judgments["grade"]])
    for pillar, part in df.groupby(df["pillar"].fillna("unstated pillar"), sort=True):
        overall = part[[_is_overall(a, b) for a, b in zip(part["area"], part["area_label"])]].sort_values("year")
        if not overall.empty:
            grades = ", ".join(f"{g} in {int(y)}" for g, y in zip(overall["grade"], overall["year"]))
            out.append(f"{force}, {pillar}: {grades}.")
        else:
            years = ", ".join(str(int(y)) for y in sorted(part["year"].dropna().unique()))
            out.append(f"{force}, {pillar}: no overall grade; {len(part)} area grades in {years}.")
        changes = []
        for _code, area in part.groupby(part["area"].fillna(part["area_label"]), sort=False):
            label = area["area_label"].iloc[0]
            if any(_is_overall(a, b) for a, b in zip(area["area"], area["area_label"])):
                continue
            # The year a grade was given: the inspection it was last assessed in.
            when = area["last_inspected"].fillna(area["year"]).astype(int)
            graded = area.assign(when=when)[area["grade"] != "Ungraded"].drop_duplicates("when").sort_values("when")
            if len(graded) >= 2 and graded["grade"].iloc[0] != graded["grade"].iloc[-1]:
                first, last = graded.iloc[0], graded.iloc[-1]
                scales = "" if first["scale"] == last["scale"] else " (different grading scales)"
                changes.append(
                    f"{label} from {first['grade']} ({first['when']}) to {last['grade']} ({last['when']}){scales}"
                )
        if changes:
            out.append(f"Changed grades ({pillar}): " + "; ".join(changes) + ".")
    return out


def grade_matrix(judgments: pd.DataFrame) -> pd.DataFrame:
    """Forces (rows) by (report year, area label) columns, cells the grade; overall areas first."""
    if judgments.empty:
        return pd.DataFrame()
    named = with_area_names(judgments)
    df = judgments.assign(
        grade=[grade_name(g) for g in judgments["grade"]],
        label=named["area_label"].astype(str),
        year=judgments["year"].astype(int),
    )
    df["overall"] = [not _is_overall(a, b) for a, b in zip(df["area"], df["area_label"])]
    order = df.sort_values(["year", "overall"], kind="stable")[["year", "label"]].drop_duplicates()
    matrix = df.drop_duplicates(["force", "year", "label"]).pivot(
        index="force", columns=["year", "label"], values="grade"
    )
    cols = [c for c in zip(order["year"], order["label"]) if c in matrix.columns]
    return matrix[cols].sort_index().fillna("")


def grade_table(judgments: pd.DataFrame) -> pd.DataFrame:
    """Judgments for display: year, area, grade (fixed order), the year last inspected, page and evidence."""
    df = judgments.assign(grade=[grade_name(g) for g in judgments["grade"]])
    cols = ["doc_id", "year", "pillar", "area_label", "grade", "last_inspected", "scale", "page", "evidence"]
    return df.sort_values(["year", "pillar", "area"], kind="stable")[cols].reset_index(drop=True)


# ----------------------------------------------------------------------------------------------------------
# Figures against England and Wales, and crime outcomes
# ----------------------------------------------------------------------------------------------------------

_OUTCOME = re.compile(
    r"outcome|charge|summons|caution|community resolution|penalty notice|no suspect|"
    r"evidential difficult|public interest|taken into consideration|no further action",
    re.I,
)
# Units that make a force comparable with England and Wales (rates, shares, changes); a count printed next
# to the national count ("4,405 outcomes" against "577,678") is not a comparator and is left out.
_NORMALISED = re.compile(r"\bper\b|percent|%|proportion|\brate\b", re.I)
_PERCENT = re.compile(r"%|percent|proportion|per 100\b|rate per 100 crimes", re.I)


def versus_england_wales(indicators: pd.DataFrame) -> pd.DataFrame:
    """Rates, shares and changes printed with an England and Wales figure for the same period, with ratio
    and difference (counts printed next to the national count are left out: not a comparator).

    ``ratio`` = force ÷ E&W (only when both are positive: changes like "-16% vs -0.05%" get a difference
    only); ``compared`` says higher, lower or the same.
    """
    normalised = indicators["unit"].fillna("").str.contains(_NORMALISED)
    df = indicators[indicators["value"].notna() & indicators["england_wales"].notna() & normalised].copy()
    if df.empty:
        return df.assign(ratio=pd.Series(dtype=float), difference=pd.Series(dtype=float), compared=pd.Series(dtype=str))
    df["value"] = df["value"].astype(float)
    df["england_wales"] = df["england_wales"].astype(float)
    ok = (df["value"] > 0) & (df["england_wales"] > 0)
    df["ratio"] = (df["value"] / df["england_wales"]).where(ok).round(3)
    df["difference"] = (df["value"] - df["england_wales"]).round(3)
    df["compared"] = ["the same as" if d == 0 else ("higher than" if d > 0 else "lower than") for d in df["difference"]]
    cols = [
        "doc_id",
        "force",
        "year",
        "indicator",
        "label",
        "period",
        "unit",
        "value",
        "england_wales",
        "ratio",
        "difference",
        "compared",
        "page",
    ]
    return df.sort_values(["year", "indicator", "force"], kind="stable")[cols].reset_index(drop=True)


def outcomes(indicators: pd.DataFrame) -> pd.DataFrame:
    """Crime outcome shares (charged/summonsed, no suspect identified ...), as percentages."""
    if indicators.empty:
        return indicators.copy()
    text = indicators["indicator"].fillna("") + " " + indicators["label"].fillna("")
    mask = (
        text.str.contains(_OUTCOME) & indicators["unit"].fillna("").str.contains(_PERCENT) & indicators["value"].notna()
    )
    cols = ["doc_id", "force", "year", "indicator", "label", "period", "unit", "value", "england_wales", "page"]
    return (
        indicators[mask]
        .sort_values(["year", "force", "value"], ascending=[True, True, False], kind="stable")[cols]
        .reset_index(drop=True)
    )


def figure_sentence(force: str, table: pd.DataFrame) -> str:
    """ "Gwent Police: of 7 figures printed with an England and Wales comparator, 4 are higher ..."."""
    if table.empty:
        return f"{force}: no figure was printed with an England and Wales comparator."
    counts = table["compared"].value_counts()
    parts = [
        f"{counts.get(k, 0)} {k} England and Wales"
        for k in ("higher than", "lower than", "the same as")
        if counts.get(k, 0)
    ]
    years = ", ".join(str(int(y)) for y in sorted(table["year"].dropna().unique()))
    return (
        f"{force}: of {len(table)} figures printed with an England and Wales comparator for the same period ({years}), "
        + ", ".join(parts)
        + "."
    )


def ew_consistency(indicators: pd.DataFrame) -> pd.DataFrame:
    """The same England and Wales figure (indicator, period, unit) printed by two or more documents.

    One row per figure: the documents, the values, and ``agrees`` (all equal), ``rounding`` (equal at
    the coarsest precision printed) or ``disagrees``.
    """
    df = indicators[indicators["england_wales"].notna()].copy()
    rows = []
    for (ind, period, unit), part in df.groupby(["indicator", "period", "unit"], sort=True, dropna=False):
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
        rows.append(
            {
                "indicator": ind,
                "period": period,
                "unit": unit,
                "documents": len(part),
                "doc_ids": ", ".join(part["doc_id"].astype(str)),
                "england_wales_values": ", ".join(f"{v:g}" for v in values),
                "verdict": verdict,
            }
        )
    return pd.DataFrame(
        rows, columns=["indicator", "period", "unit", "documents", "doc_ids", "england_wales_values", "verdict"]
    )


# ----------------------------------------------------------------------------------------------------------
# Areas for improvement
# ----------------------------------------------------------------------------------------------------------


def is_improvement(kind: object) -> bool:
    return bool(re.search(r"improvement", str(kind or ""), re.I))


def improvements(findings: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """The areas for improvement among the findings, with the area's printed label."""
    df = findings[[is_improvement(k) for k in findings["kind"]]].copy()
    labels = labels or {}
    df["area_label"] = [
        labels.get(str(a), str(a).replace("_", " ").capitalize()) if pd.notna(a) else "Area not stated"
        for a in df["area"]
    ]
    return df.sort_values(["year", "area_label"], kind="stable").reset_index(drop=True)


def findings_by_area(afis: pd.DataFrame) -> pd.DataFrame:
    """Counts of areas for improvement: area label (rows) by report year (columns)."""
    if afis.empty:
        return pd.DataFrame()
    table = afis.groupby(["area_label", "year"]).size().unstack("year", fill_value=0)
    table.columns = [int(c) for c in table.columns]
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]


def recurrence(afis: pd.DataFrame, similar: float = 0.6) -> pd.DataFrame:
    """Areas with areas for improvement in more than one report year, and the most alike pair of texts.

    ``similarity`` is difflib's ratio of the closest two texts from different years (1 = the same words).
    """
    rows = []
    for (force, label), part in afis.groupby(["force", "area_label"], sort=True):
        years = sorted(int(y) for y in part["year"].dropna().unique())
        if len(years) < 2:
            continue
        best, pair = 0.0, ("", "")
        recs = list(zip(part["year"], part["text"].fillna("")))
        for i, (y1, t1) in enumerate(recs):
            for y2, t2 in recs[i + 1 :]:
                if y1 != y2:
                    r = difflib.SequenceMatcher(None, t1.lower(), t2.lower()).ratio()
                    if r > best:
                        best, pair = r, ((t1, t2) if y1 < y2 else (t2, t1))
        rows.append(
            {
                "force": force,
                "area_label": label,
                "years": ", ".join(map(str, years)),
                "count": len(part),
                "similarity": round(best, 2),
                "same_wording": best >= similar,
                "earlier": pair[0],
                "later": pair[1],
            }
        )
    return pd.DataFrame(
        rows, columns=["force", "area_label", "years", "count", "similarity", "same_wording", "earlier", "later"]
    )


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
    """Areas for improvement by theme (keyword matches; one finding can have several themes)."""
    rows = []
    for _, r in afis.iterrows():
        hits = [name for name, pattern in THEMES.items() if re.search(pattern, str(r["text"] or ""), re.I)] or ["Other"]
        rows += [{"force": r["force"], "year": r["year"], "theme": t} for t in hits]
    df = pd.DataFrame(rows, columns=["force", "year", "theme"])
    if df.empty:
        return pd.DataFrame()
    return (
        df.groupby(["theme", "force"])
        .size()
        .unstack("force", fill_value=0)
        .pipe(lambda t: t.loc[t.sum(axis=1).sort_values(ascending=False, kind="stable").index])
    )


# ----------------------------------------------------------------------------------------------------------
# PCC documents, headlines, inventory
# ----------------------------------------------------------------------------------------------------------


def pcc_documents(documents: pd.DataFrame, actions: pd.DataFrame) -> pd.DataFrame:
    """The force's PCC documents (responses, bulletins ...) with the number of actions read from each."""
    docs = documents[documents["doc_type"].fillna("").str.contains("pcc", case=False)].copy()
    n = actions.groupby("doc_id").size()
    docs["actions"] = [int(n.get(d, 0)) for d in docs["doc_id"]]
    return (
        docs[["doc_id", "doc_type", "year", "published", "title", "actions"]]
        .sort_values(["year", "doc_id"])
        .reset_index(drop=True)
    )


def pcc_sentence(force: str, docs: pd.DataFrame) -> str:
    if docs.empty:
        return f"{force}: no documents of the Police and Crime Commissioner in the corpus."
    kinds = ", ".join(
        f"{n} {k.replace('pcc_', '').replace('_', ' ')}{'s' if n > 1 else ''}"
        for k, n in docs["doc_type"].value_counts().sort_index().items()
    )
    years = ", ".join(str(int(y)) for y in sorted(docs["year"].dropna().unique()))
    acts = int(docs["actions"].sum())
    return (
        f"{force}: the Police and Crime Commissioner's documents: {kinds} ({years}); "
        f"{acts} recommendation-action pairs read."
    )


def headlines(force: str, t: dict[str, pd.DataFrame]) -> list[str]:
    """The profile's headline sentences, from the force's tables (``force_tables``)."""
    labels = area_labels(t["judgments"], t["findings"])
    afis = improvements(t["findings"], labels)
    return grade_sentences(force, t["judgments"]) + [
        figure_sentence(force, versus_england_wales(t["indicators"])),
        improvement_sentence(force, afis, recurrence(afis)),
        pcc_sentence(force, pcc_documents(t["documents"], t["pcc_actions"])),
    ]


def inventory(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per document: what it is and how much was extracted from it, and its failed checks."""
    docs = t["documents"].copy()
    for name in ("judgments", "indicators", "findings", "pcc_actions"):
        n = t[name].groupby("doc_id").size()
        docs[name] = [int(n.get(d, 0)) for d in docs["doc_id"]]
    checks = t["checks"]
    failed = checks[checks["passed"].fillna(False) == False]  # noqa: E712  (nullable booleans)
    docs["checks"] = [int((checks["doc_id"] == d).sum()) for d in docs["doc_id"]]
    docs["checks_failed"] = [int((failed["doc_id"] == d).sum()) for d in docs["doc_id"]]
    cols = [
        "doc_id",
        "doc_type",
        "force",
        "year",
        "format",
        "pages",
        "status",
        "judgments",
        "indicators",
        "findings",
        "pcc_actions",
        "checks",
        "checks_failed",
        "error",
    ]
    return docs[cols].sort_values(["doc_type", "force", "year", "doc_id"], kind="stable").reset_index(drop=True)


def failed_checks(checks: pd.DataFrame) -> pd.DataFrame:
    return checks[checks["passed"].fillna(False) == False].reset_index(drop=True)  # noqa: E712


def check_sentences(checks: pd.DataFrame) -> list[str]:
    """Plain sentences for the checks of documents: how many passed, and each failure with its detail."""
    if checks.empty:
        return ["No checks were run on this document."]
    bad = failed_checks(checks)
    out = [f"{len(checks) - len(bad)} of {len(checks)} checks passed."]
    out += [f"FAILED {r['check']} ({r['doc_id']}): {r['detail']}" for _, r in bad.iterrows()]
    return out


# ----------------------------------------------------------------------------------------------------------
# One document (10-extract-report)
# ----------------------------------------------------------------------------------------------------------


def document_path(document: str = "") -> Path:
    """The document a template reads ("" = the first document of ``seeds/``)."""
    if document:
        path = Path(document)
        if not path.is_file():
            raise FileNotFoundError(f"no such document: {document}")
        return path
    from .batch import list_documents

    docs = list_documents(paths.SEEDS)
    if not docs:
        raise FileNotFoundError(f"no documents in {paths.SEEDS}")
    return docs[0]


def read_quietly(path: Path):
    """The document through the workbook's reader (redacted), or None when it cannot be read."""
    from .model import ReadError
    from .readers import read_document

    try:
        return read_document(path)
    except ReadError:
        return None


def extracted_sentences(t: dict[str, pd.DataFrame]) -> list[str]:
    counts = {name: len(t[name]) for name in ("judgments", "indicators", "findings", "pcc_actions")}
    afis = sum(is_improvement(k) for k in t["findings"]["kind"])
    out = [
        f"Extracted {counts['judgments']} judgments, {counts['indicators']} figures, {counts['findings']} findings "
        f"({afis} areas for improvement) and {counts['pcc_actions']} PCC actions."
    ]
    ew = int(t["indicators"]["england_wales"].notna().sum())
    if counts["indicators"]:
        out.append(f"{ew} of the {counts['indicators']} figures are printed with an England and Wales figure.")
    return out


_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?%?")


def printed_number(value: float, evidence: str) -> str | None:
    """The token of ``evidence`` that prints ``value`` ("17,130", "11%"), or None."""
    for token in _NUMBER.findall(evidence or ""):
        try:
            if abs(float(token.replace(",", "").rstrip("%")) - float(value)) < 1e-9:
                return token
        except ValueError:
            continue
    return None


def pdf_needles(t: dict[str, pd.DataFrame]) -> dict[int, dict[str, list[str]]]:
    """Per page, the printed strings to box: grades, figures (as printed), the first words of findings."""
    pages: dict[int, dict[str, list[str]]] = {}

    def add(page, kind, text):
        if pd.notna(page) and text:
            pages.setdefault(int(page), {}).setdefault(kind, []).append(str(text))

    for _, r in t["judgments"].iterrows():
        add(r["page"], "judgment", r["grade"])
    for _, r in t["indicators"].iterrows():
        add(r["page"], "figure", printed_number(r["value"], r["evidence"]) if pd.notna(r["value"]) else None)
        if pd.notna(r["england_wales"]):
            add(r["page"], "figure", printed_number(r["england_wales"], r["evidence"]))
    for _, r in t["findings"].iterrows():
        add(r["page"], "finding", " ".join(str(r["evidence"] or r["text"] or "").split()[:5]))
    return pages


def _locate(doc, page: int | None, evidence: str) -> tuple[int | None, int | None, list[str]]:
    """(page, line number, printed lines) where the evidence starts in the document, matching the longest
    prefix of the evidence first (so a table row wins over the contents line that names the same area).
    The lines are the reader's (redacted) text."""
    squeeze = lambda s: re.sub(r"\W+", "", s.lower())  # noqa: E731
    target = squeeze(str(evidence or ""))
    if not target:
        return page, None, []
    candidates = [p for p in doc.pages if page is None or p.number == page] or doc.pages
    sizes = list(dict.fromkeys((min(len(target), 80), min(len(target), 40), min(len(target), 20))))
    # A line that starts with the evidence; a line the evidence starts with (wrapped text); a line holding it.
    tests = (
        [lambda sq, n=n: sq.startswith(target[:n]) for n in sizes]
        + [lambda sq: len(sq) >= 12 and target.startswith(sq)]
        + [lambda sq, n=n: target[:n] in sq for n in sizes]
    )
    for test in tests:
        for p in candidates:
            for i, line in enumerate(p.lines):
                sq = squeeze(line)
                if sq and test(sq):
                    lines, covered = [], 0
                    for more in p.lines[i : i + 6]:
                        if more.strip():
                            lines.append(more.strip())
                            covered += len(squeeze(more))
                        if covered >= min(len(target), 400):
                            break
                    return p.number, i + 1, lines
    return page, None, []


def evidence_markdown(doc, t: dict[str, pd.DataFrame], limit: int = 60) -> str:
    """For a text document: each extracted value with its page, line and the quoted printed words."""
    blocks = []
    specs = [
        ("judgments", lambda r: f"**{r['area_label'] or r['area']}: {r['grade']}**"),
        (
            "indicators",
            lambda r: (
                f"**{r['label'] or r['indicator']}: {r['value']:g} {r['unit'] or ''}**"
                + (f" (England and Wales {r['england_wales']:g})" if pd.notna(r["england_wales"]) else "")
            ),
        ),
        ("findings", lambda r: f"**{str(r['kind']).replace('_', ' ')}** ({r['area'] or 'area not stated'})"),
        ("pcc_actions", lambda r: "**PCC action**"),
    ]
    for name, head in specs:
        df = t[name]
        if df.empty:
            continue
        blocks.append(f"### {name.replace('_', ' ').capitalize()}: {len(df)}")
        for _, r in df.head(limit).iterrows():
            page = int(r["page"]) if pd.notna(r["page"]) else None
            evidence = str(r["evidence"] or "")
            p, line_no, lines = _locate(doc, page, evidence)
            if line_no:
                quote = "\n  > ".join(line.replace("\t", " | ")[:300] for line in lines)
                blocks.append(f"- {head(r)}, page {p}, line {line_no}:\n\n  > {quote}")
            else:
                quote = " ".join(evidence.split())[:400]
                blocks.append(f"- {head(r)}, page {p} (the words as extracted):\n\n  > {quote}")
        if len(df) > limit:
            blocks.append(f"- … and {len(df) - limit} more (see the table below).")
    return "\n".join(blocks) or "Nothing was extracted from this document."
