"""Figures a report prints for the force, with the England and Wales figure printed beside them.

Three places hold them, each with its own reader:
1. tables: crime rates per 1,000 population and crime outcomes (2015-16 reports); their cells may come one
   per line, a row per line, or with labels separated from their numbers, as PDF-to-text tools leave them;
2. "Force in numbers" panels (2017 on): a label, the force and its figure, England and Wales and theirs;
3. sentences: changes in recorded crime, victim satisfaction, organised crime groups, domestic abuse
   arrests, custody as a place of safety, protection orders, Clare's Law, MARAC referrals, serious crime
   prevention orders, anti-social behaviour incidents, ...; the comparator may sit in the next sentence.
Changes carry their sign: "fell by 9 percent" is -9.
"""

from __future__ import annotations

import re

from ..model import Document
from ..text import sentence_folds, sentences
from .citations import clean_citations
from .figures_panels import extract_panels, grid_panels, panels_in_prose
from .figures_sentences import extract_sentences, generic_comparisons
from .figures_tables import extract_tables

__all__ = ["extract_indicators", "generic_comparisons", "merge"]


# ---------------------------------------------------------------- all together
def merge(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """One row per indicator and period. A figure printed twice must agree (a check); a force figure and
    an England and Wales figure printed apart (a bulletin) are joined."""
    out: dict[tuple, dict] = {}
    checks = []
    for row in rows:
        key = (row["indicator"], row["period"])
        if key not in out:
            out[key] = dict(row)
            continue
        kept = out[key]
        if not any(kept[f] is not None and row[f] is not None for f in ("value", "england_wales")):
            for f in ("value", "england_wales"):
                kept[f] = row[f] if kept[f] is None else kept[f]
            kept["evidence"] = f"{kept['evidence']} {row['evidence']}"
            continue
        for field in ("value", "england_wales"):
            if kept[field] is None and row[field] is not None:
                kept[field] = row[field]
            elif kept[field] is not None and row[field] is not None and abs(kept[field] - row[field]) > 1e-9:
                checks.append(
                    {
                        "check": f"figure_agrees:{row['indicator']}:{field}",
                        "passed": False,
                        "detail": f"{kept[field]} (page {kept['page']}) but {row[field]} (page {row['page']})",
                    }
                )
                break
        else:
            checks.append(
                {
                    "check": f"figure_agrees:{row['indicator']}",
                    "passed": True,
                    "detail": f"printed twice (pages {kept['page']} and {row['page']})",
                }
            )
    return list(out.values()), checks


# ---------------------------------------------------------------- plausible or flagged
MAX_RATIO = 20  # a force's rate or share beyond 20 times England and Wales' (either way) is a misreading


def implausible(row: dict) -> str:
    """Why a figure cannot be what the report says (a percentage over 100, a rate or share beyond
    ``MAX_RATIO`` times England and Wales' either way), else "". Counts (a force's number of outcomes against
    the whole of England and Wales) and changes (-16 against -0.05 percent) have no such bound."""
    unit, value, ew = row.get("unit") or "", row.get("value"), row.get("england_wales")
    if "change" in unit or not re.match(r"percent|per\b|£", unit):
        return ""
    if unit.startswith("percent") and any(v is not None and abs(v) > 100 for v in (value, ew)):
        return "a percentage over 100"
    if value and ew and value * ew > 0 and not 1 / MAX_RATIO <= value / ew <= MAX_RATIO:
        return f"{value / ew:.3g} times the England and Wales figure"
    return ""


def flag_implausible(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """(the plausible rows, a failed check for each other one, with its page and sentence)."""
    kept, checks = [], []
    for row in rows:
        why = implausible(row)
        if not why:
            kept.append(row)
            continue
        checks.append(
            {
                "check": f"figure_plausible:{row['indicator']}",
                "passed": False,
                "detail": f"{row['value']} against England and Wales {row['england_wales']} ({row['unit']}): {why}; "
                f"not written as a figure. Page {row['page']}: {row['evidence']}",
            }
        )
    return kept, checks


class Quoted:
    """The sentences the sentence rules read, for the comparisons rule to leave: each row's evidence, and a
    sentence quoted in one (``in``: asked only of the few sentences that rule looks at; a search of all the
    evidence joined first, so that each evidence is searched only for a sentence the join holds)."""

    def __init__(self, evidences: set[str]) -> None:
        self.evidences, self.joined = evidences, "\n".join(evidences)

    def __contains__(self, text: str) -> bool:
        return text in self.evidences or (text in self.joined and any(text in e for e in self.evidences))


def extract_indicators(doc: Document, info: dict) -> tuple[list[dict], list[dict]]:
    """Returns (indicator rows, check rows)."""
    if info.get("doc_type") == "unknown":
        return [], []
    force = info.get("force")
    table_rows, checks = extract_tables(doc, force)
    sentence_rows = extract_sentences(doc, force)
    taken = Quoted({r["evidence"] for r in sentence_rows})
    panels = extract_panels(doc, force)
    taken_pairs = {(r["value"], r["england_wales"]) for r in panels}
    panels += grid_panels(doc, force, taken_pairs)
    panels += panels_in_prose(doc, force, taken_pairs)
    rows = table_rows + panels + sentence_rows + generic_comparisons(sentences(doc), taken, sentence_folds(doc))
    rows, merge_checks = merge(rows)
    rows, flagged = flag_implausible(rows)
    fields = [(row, field) for row in rows for field in ("label", "evidence")]
    cleaned = clean_citations([row[field] for row, field in fields])
    for (row, field), text in zip(fields, cleaned):
        row[field] = text
    return rows, checks + merge_checks + flagged
