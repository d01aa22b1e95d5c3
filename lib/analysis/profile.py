"""The force profile's opening: the summary box (latest grades, what changed, the figures furthest from
England and Wales, the open findings, the Commissioner's response) and the headline sentences. Every item
names its document and page and links to the evidence; the words printed show on hover and in the tables."""

from __future__ import annotations

import html

import pandas as pd

from ..vocab import GRADE_COLOURS, GRADE_INK
from . import figures, findings, grades
from .display import esc, link, quote
from .selection import document_names


def grade_chip(grade: str) -> str:
    """A grade word on its grade colour (the same colours as the charts)."""
    colour = GRADE_COLOURS.get(grade, "#ffffff")
    return (
        f"<span class='peel-grade' style='background:{colour};color:{GRADE_INK.get(grade, 'black')}'>"
        f"{html.escape(grade)}</span>"
    )


def source_link(names: dict[str, str], doc_id: object, page: object, evidence: object = None) -> str:
    """ "(Title (date), p. 3)" linked to the evidence page, and the printed words behind a "printed as"
    toggle (text, never an attribute: document words stay out of tags)."""
    name = names.get(str(doc_id), str(doc_id))
    where = f"{name}, p. {int(page)}" if page is not None and pd.notna(page) else name
    out = f"({link(doc_id, page, where)})"
    if evidence is not None and pd.notna(evidence) and str(evidence).strip():
        out += f" <details class='peel-ev'><summary>printed as</summary>{quote(evidence)}</details>"
    return out


def summary_sections(force: str, t: dict[str, pd.DataFrame]) -> list[tuple[str, list[str]]]:
    """The summary box of a force's profile, from the force's tables (``force_tables``)."""
    names = document_names(t["documents"])
    sections = []
    latest = grades.latest_grades(t["judgments"])
    items = []
    for _, r in latest.iterrows():
        carried = f", carried over from {int(r['last_inspected'])}" if r["carried"] else ""
        items.append(
            f"{grade_chip(r['grade'])} {esc(r['area_name'])} ({esc(r['cycle'])}{carried}) "
            + source_link(names, r["doc_id"], r["page"], r["evidence"])
        )
    sections.append(("Latest grades by area", items or ["No graded judgment was extracted for this force."]))
    changes = grades.grade_changes(t["judgments"])
    same = changes[changes["change"] == "the same"]
    changes = changes[changes["change"] != "the same"]
    items = [
        esc(grades.change_sentence(r)) + " " + source_link(names, r["doc_id"], r["page"])
        for r in changes.to_dict("records")
    ]
    if not items:
        items = ["No grade changed." if len(same) else "No area was graded in two inspections: nothing to compare."]
    if not same.empty:
        items.append(
            f"{len(same)} area{'s' if len(same) != 1 else ''} kept the grade: " + esc(", ".join(same["area_name"]))
        )
    sections.append(("What changed since the previous inspection", items))
    versus = figures.versus_england_wales(t["indicators"])
    far = figures.furthest(versus)
    items = []
    for r in far.to_dict("records"):
        way = {
            figures.NO_DIRECTION: "; which way is better: none claimed",
            "neither": "; which way is better: neither, says the inspectorate",
        }.get(r["direction"], f"; the inspectorate states {r['direction']}: {r['better']}")
        items.append(
            f"{esc(figures.short_label(r['label'], r['period']))}{esc(figures.period_text(r['period']))}: "
            f"{esc(figures.gap_text(r))}{esc(way)} " + source_link(names, r["doc_id"], r["page"], r["evidence"])
        )
    flagged = versus[versus["flag"] != ""]
    for r in flagged.to_dict("records"):
        items.append(
            "<span class='peel-flag'>Flagged, not compared:</span> "
            f"{esc(figures.short_label(r['label'], r['period']))} "
            f"{esc(figures.period_text(r['period']))}: {esc(r['flag'])} "
            + source_link(names, r["doc_id"], r["page"], r["evidence"])
        )
    sections.append(
        (
            "Figures furthest from England and Wales",
            items or ["No figure was printed with an England and Wales comparator."],
        )
    )
    labels = grades.area_labels(t["judgments"], t["findings"])
    open_ = findings.open_findings(t["findings"], t["documents"], labels)
    items = []
    for doc_id, part in open_.groupby("doc_id", sort=False):
        counts = part["kind"].value_counts()
        causes, afis = int(counts.get("cause_of_concern", 0)), int(counts.get("area_for_improvement", 0))
        items.append(
            f"{esc(names.get(str(doc_id), str(doc_id)))}: {causes} cause{'s' if causes != 1 else ''} of concern, "
            f"{afis} area{'s' if afis != 1 else ''} for improvement"
        )
        items += [
            f"{esc(findings.kind_name(r['kind']))} ({esc(r['area_label'])}): {esc(r['text'])} "
            + source_link(names, r["doc_id"], r["page"])
            for r in part.to_dict("records")
        ]
    sections.append(
        (
            "Open areas for improvement and causes of concern (latest inspection report)",
            items or ["No area for improvement or cause of concern was extracted from the latest inspection report."],
        )
    )
    pcc = findings.pcc_documents(t["documents"], t["pcc_actions"])
    responses = pcc[pcc["type"].astype(str).str.contains("response", case=False)]
    items = []
    for r in responses.to_dict("records"):
        acts = t["pcc_actions"][t["pcc_actions"]["doc_id"] == r["doc_id"]]
        items.append(f"{esc(findings.response_status(acts))} " + source_link(names, r["doc_id"], None))
    if not items:
        items = ["No response of the Police and Crime Commissioner is in the corpus."]
    sections.append(("The Commissioner's response", items))
    return sections


def headlines(force: str, t: dict[str, pd.DataFrame]) -> list[str]:
    """The profile's headline sentences, from the force's tables (``force_tables``)."""
    labels = grades.area_labels(t["judgments"], t["findings"])
    afis = findings.improvements(findings.from_reports(t["findings"], t["documents"]), labels)
    return grades.grade_sentences(force, t["judgments"]) + [
        figures.figure_sentence(force, figures.versus_england_wales(t["indicators"])),
        findings.improvement_sentence(force, afis, findings.recurrence(afis)),
        findings.pcc_sentence(force, findings.pcc_documents(t["documents"], t["pcc_actions"]), t["pcc_actions"]),
    ]


def headlines_frame(force: str, lines: list[str]) -> pd.DataFrame:
    """The headline sentences as a table (one row each) for ``reports/tables``."""
    return pd.DataFrame({"force": force, "headline": lines})
