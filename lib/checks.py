"""The document checks itself: what must be there is there, what it says of itself holds, figures agree.

Each check is a row (check, passed, detail). A failed check does not stop the run: the run lists it under
the document, so a pattern that should have matched and did not is visible with the document and pattern.
- every question of the report's family (per pillar and year) is graded or explained (carried over, not
  inspected, ungraded);
- "We make graded judgments in nine of these ten areas": nine graded rows, said as "9 of 9 graded areas read";
- a summary table or grade graphic: each of its graded rows read ("12 of 13 graded areas read");
- a count of causes of concern printed in prose ("I have identified one cause of concern") agrees with the
  causes found;
- every "Areas for improvement" heading has items; every PCC response has actions.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .extract.grade_tables import stacked_names
from .extract.grammar import grade_cell, pillar_heading
from .model import Document
from .scan import Finder
from .text import Sentence, clean_line, sentence_folds, sentences
from .vocab import EXPECTED_AREAS, SECTION_HEADS, UNGRADED, area_key

AFI_HEAD = re.compile(rf"^{SECTION_HEADS['area_for_improvement']}\W*$", re.I)
PATTERNS = {
    "judgments": "a judgment table row '<area> | <grade> | [year]'; the grade graphic; a heading, 'Overall "
    "judgment' or 'Summary of findings' with a grade in it or after it; '<force> is <grade> at <area>', "
    "'The extent to which ... is <grade>'",
    "pcc_actions": "a table whose header names 'Recommendation' or 'Area for improvement' and 'actions' or 'response'",
    "findings": "'Areas for improvement' heading followed by list items or 'The force should ...' paragraphs",
}
NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
# Sentences' patterns, in lower case: searched in the folded text of all sentences (``sentence_hits``).
GRADED_IN = Finder(r"graded judg(?:e)?ments? (?:in|on|for) (\w+) of (?:these|the|our) (\w+)")
CAUSES = Finder(r"\b(?:identified|found|raised|issued|set out) (\w+) (?:accelerated )?causes? of concern")
EXPLAINED = Finder(r"not inspect|did not inspect|carried over|not graded|do not grade|don['’]t (?:make a )?grade")


def _number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _check(name: str, passed: bool, detail: str) -> dict:
    return {"check": name, "passed": bool(passed), "detail": detail}


def graded_keys(judgments: list[dict]) -> set[str]:
    """The areas a report's rows grade; a pillar's own grade also as 'overall:<pillar>'."""
    keys = {r["area"] for r in judgments}
    keys |= {f"overall:{r.get('pillar')}" for r in judgments if r["area"] == "overall"}
    return keys


def sentence_hits(doc: Document, pattern: Finder) -> list[tuple[Sentence, re.Match]]:
    """Each sentence's first match of ``pattern`` (written in lower case, never matching a line break), in
    reading order: one search of the document's sentences folded (``scan.fold``) and joined by line breaks,
    instead of one search a sentence."""
    sents, folds = sentences(doc), sentence_folds(doc)
    out: list[tuple[Sentence, re.Match]] = []
    last = -1
    for hit in pattern.finditer(folds.joined):
        k = bisect_right(folds.ends, hit.start())
        if k != last:
            out.append((sents[k], hit))
            last = k
    return out


def question_set(info: dict, judgments: list[dict], doc: Document) -> list[dict]:
    """Every question of the family graded, or explained in the report (carried over, not inspected)."""
    expected = EXPECTED_AREAS.get((info.get("pillar") or None, info.get("year")))
    if not expected:
        return []
    graded = graded_keys(judgments)
    if "armed_policing" in graded:  # 2016-17: the specialist capabilities question is the armed response's
        graded.add("specialist_capabilities")
    explained = {area_key(s.text) for s, _ in sentence_hits(doc, EXPLAINED)}
    stated = _stated_count(doc)
    read = {r["area"] for r in judgments if r["grade"] != UNGRADED and r["area"] != "victim_service"}
    out = []
    for area in expected:
        if area in graded:
            out.append(_check(f"judgment_present:{area}", True, "graded"))
        elif area in explained:
            out.append(_check(f"judgment_present:{area}", True, "not graded here: the report says why"))
        elif stated is not None and len(read) >= stated:
            # "graded judgments in eight of these nine": every area it grades read; this one is not among them
            out.append(_check(f"judgment_present:{area}", True, f"not in this report: it grades {stated} areas"))
        else:
            out.append(
                _check(f"judgment_present:{area}", False, f"no grade found for {area} ({PATTERNS['judgments']})")
            )
    return out


def _stated_count(doc: Document) -> int | None:
    """The number of areas a report says it grades ("graded judgments in eight of these nine"), if it says."""
    for _, hit in sentence_hits(doc, GRADED_IN):
        if (want := _number(hit.group(1))) is not None:
            return want
    return None


def graded_count(judgments: list[dict], doc: Document) -> list[dict]:
    """'We make graded judgments in nine of these ten areas': that many graded rows."""
    for sent, hit in sentence_hits(doc, GRADED_IN):
        if (want := _number(hit.group(1))) is None:
            continue
        rows = [r for r in judgments if r["grade"] != UNGRADED and r["area"] != "victim_service"]
        have = sorted({r["area"] for r in rows})
        detail = f"page {sent.page}: the report grades {want} areas; {len(have)} found ({', '.join(have) or 'none'})"
        if len(have) < want:
            detail += f"; missing {want - len(have)} ({PATTERNS['judgments']})"
        return [_check("graded_count", len(have) == want, f"{_read(min(len(have), want), want)} ({detail})")]
    return []


def _read(n: int, m: int) -> str:
    return f"{n} of {m} graded areas read"


def summary_entries(rows: list[list[str]]) -> list[tuple[str, str]]:
    """(label, grade) of each graded row of a summary table (area | grade | ...) or of each name under a grade
    in a grade graphic (grade words as its header); grades printed as "Ungraded" are left out."""
    cells = [[clean_line(c or "") for c in row] for row in rows]
    if not cells:
        return []
    grades = [grade_cell(c) for c in cells[0]]
    out: list[tuple[str, str]] = []
    if sum(1 for g in grades if g and g[0] != UNGRADED) >= 3:  # the graphic: a column a grade
        for row in rows[1:]:
            for col, cell in enumerate(row):
                if col < len(grades) and grades[col]:
                    out += [(name, grades[col][0]) for name in stacked_names(cell or "")]
        return out
    for row in cells:
        filled = [c for c in row if c]
        if len(filled) >= 2 and grade_cell(filled[0]) is None and (hit := grade_cell(filled[1])) is not None:
            if hit[0] != UNGRADED:
                out.append((filled[0], hit[0]))
    return out


def _entry_read(label: str, grade: str, judgments: list[dict]) -> bool:
    if pillar := pillar_heading(label):
        return any(r["area"] == "overall" and r.get("pillar") == pillar and r["grade"] == grade for r in judgments)
    key = area_key(label)
    return any(r["area"] == key and r["grade"] == grade for r in judgments)


def summary_read(judgments: list[dict], doc: Document) -> list[dict]:
    """Each graded row of the report's summary table or grade graphic (three or more) is a row read with its
    grade: "12 of 13 graded areas read", the ones not read named."""
    tables = [(b.page, b.rows) for b in doc.blocks if b.kind == "table" and b.rows] or list(doc.tables())
    for page, rows in tables:
        entries = summary_entries(rows)
        if len(entries) < 3:
            continue
        missed = [f"{label} ({grade})" for label, grade in entries if not _entry_read(label, grade, judgments)]
        detail = f"{_read(len(entries) - len(missed), len(entries))} from the summary on page {page}"
        if missed:
            detail += f"; not read: {'; '.join(missed)}"
        return [_check("summary_read", not missed, detail)]
    return []


def cause_count(findings: list[dict], doc: Document) -> list[dict]:
    """'I have identified one cause of concern': that many causes found."""
    for sent, hit in sentence_hits(doc, CAUSES):
        if (want := _number(hit.group(1))) is not None:
            have = sum(1 for r in findings if r["kind"] == "cause_of_concern")
            return [_check("cause_count", have == want, f"page {sent.page}: {want} printed, {have} found")]
    return []


def run_checks(doc: Document, info: dict, tables: dict[str, list[dict]]) -> list[dict]:
    checks: list[dict] = []
    dtype = info.get("doc_type")
    if dtype == "peel_report":
        areas = {r["area"] for r in tables["judgments"]}
        checks.append(
            _check(
                "judgments_found",
                bool(areas),
                f"{len(areas)} graded areas" if areas else f"no graded judgment matched ({PATTERNS['judgments']})",
            )
        )
        checks += question_set(info, tables["judgments"], doc)
        checks += graded_count(tables["judgments"], doc)
        checks += summary_read(tables["judgments"], doc)
        checks += cause_count(tables["findings"], doc)
        afi_headings = sum(1 for b in doc.blocks if AFI_HEAD.match(clean_line(b.text)))
        afis = sum(1 for r in tables["findings"] if r["kind"] == "area_for_improvement")
        if afi_headings:
            checks.append(
                _check(
                    "findings_found",
                    afis > 0,
                    f"{afis} areas for improvement under {afi_headings} headings"
                    if afis
                    else f"heading printed but no item matched ({PATTERNS['findings']})",
                )
            )
    if dtype == "pcc_response":
        n = len(tables["pcc_actions"])
        checks.append(
            _check(
                "pcc_actions_found",
                n > 0,
                f"{n} actions" if n else f"no recommendation-to-action table matched ({PATTERNS['pcc_actions']})",
            )
        )
    return checks
