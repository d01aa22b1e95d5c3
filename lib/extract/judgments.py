"""Graded judgments: one row per graded area per report, with the block it was printed in.

Reports print a grade in several places; each rule reads one of them (the grammar: lib/extract/grammar.py,
grade_tables.py, grade_headings.py), most explicit first:
1. judgment tables and the grade graphic (2017 on): an area and its grade side by side, or under its grade;
2. a heading with its grade in it or after it, "Summary of findings", "Overall judgment" (the structure);
3. sentences: "Gwent Police is good at ...", "The extent to which ... is good" (for areas nothing above graded).
When two places disagree, the first wins and a failed check records both. In an integrated report each row
carries the pillar of its area; each pillar's own grade is an ``overall`` row of that pillar.
"""

from __future__ import annotations

import re

from ..model import Document
from ..structure import document_outline
from ..text import sentence_folds, sentences
from ..vocab import AREA_PILLAR, GRADES, PILLAR_SUMMARY_ROWS, SCALES, pillar_of, scale_for
from .grade_headings import heading_grades
from .grade_tables import (
    footnote_year,
    grade_boxes,
    grade_column_table,
    grade_first_lines,
    table_grades,
)
from .grammar import (
    BULLET,
    GRADE_ENDS,
    grade_word_bounds,
    item_sentence,
    lead_grade,
    lead_subject,
    sentence_grades,
)
from .rule_rows import Grade

RANK = {"table": 0, "graphic": 0, "heading": 1, "summary": 1, "panel": 2, "sentence": 3}


def _footnotes(doc: Document) -> str:
    """The notes that may say where a starred grade comes from, one a line, kept on the document object: blocks
    that start with an asterisk or a dagger, and a list item's text printed after an asterisk (a text export's
    "* Grade carried over from ...": its reader takes the asterisk for the item's bullet)."""
    if "_footnotes" not in doc.__dict__:
        marked, items = [], []  # the notes printed with their mark first: a bullet's text is a note only maybe
        for block in doc.blocks:
            text = block.text.lstrip("\\•")
            if block.kind != "table" and text[:1] in "*†":
                marked.append(text)
            elif block.kind == "list_item" and not block.number:
                items.append(f"* {text}")
        doc.__dict__["_footnotes"] = "\n".join(marked + items)
    return doc.__dict__["_footnotes"]


def structured_grades(doc: Document, pillar: str | None) -> tuple[list[Grade], list[dict]]:
    """Grades from the tables, the graphic and the headings of a document's blocks (and its pages' tables
    when no block is a table), and the failed checks of the headings."""
    found: list[Grade] = []
    tables = [(b.page, b.rows) for b in doc.blocks if b.kind == "table" and b.rows] or list(doc.tables())
    notes = _footnotes(doc) if tables else ""
    for page, rows in tables:
        found += grade_column_table(rows, page) or table_grades(rows, page, notes)
    found += grade_boxes(doc.blocks)
    found += grade_first_lines([(b.page, b.text) for b in doc.blocks if b.kind != "table"])  # on one line
    rows, checks = heading_grades(document_outline(doc), pillar)
    return found + rows, checks


def stated_sentences(doc: Document) -> list[tuple[int, str]]:
    """The sentences that may state a grade, as (page, text): each that prints one of the words every grade
    word holds (``GRADE_ENDS``, found by one search of the sentences folded, ``text.sentence_folds``); a list
    item that starts with its grade read with the subject of the line that introduces its list ("HMIC judged
    that Kent Police:" then "• is good at ...")."""
    sents = sentences(doc)
    graded = sentence_folds(doc).holding_words(GRADE_ENDS)
    out: list[tuple[int, str]] = []
    subject = None
    for k, sent in enumerate(sents):
        text = sent.text
        if BULLET.match(text):
            said = item_sentence(subject, text) if subject else None  # may take its grade from the lead
            if said:
                if grade_word_bounds([said])[0]:
                    out.append((sent.page, said))
            elif k in graded:
                out.append((sent.page, text))
            continue
        # Only a line that ends with its colon (or a dash) introduces a list.
        subject = (lead_grade(text) or lead_subject(text)) if text.rstrip().endswith((":", "–")) else None
        if k in graded:
            out.append((sent.page, text))
    return out


def sentence_rows(doc: Document, force: str | None, scale: str | None = None) -> list[Grade]:
    """Grades stated in sentences; a grade word not on the report's scale ("adequate arrangements" in a
    four-point year) is none."""
    on_scale = SCALES.get(scale or "", GRADES)
    out = []
    for page, text in stated_sentences(doc):
        for hit in sentence_grades(text, force):
            if hit["grade"] not in on_scale:
                continue
            other = hit["force"] if hit["force"] and hit["force"] != force else None
            out.append(
                Grade(hit["area"], hit["area_label"], hit["grade"], page, text, None, "sentence", hit["pillar"], other)
            )
    return out


def _summary_pillar(label: str) -> str | None:
    """The pillar a 2018/19 summary names by its question ("... keep people safe and reduce crime")."""
    return next((p for p, words in _SUMMARY_ROWS if words.search(label)), None)


_SUMMARY_ROWS = [(pillar, re.compile(words, re.I)) for pillar, words in PILLAR_SUMMARY_ROWS]


def _row_pillar(row: Grade, info: dict) -> str | None:
    pillar = info.get("pillar")
    if row.area == "overall":
        found = row.pillar or pillar_of(row.area_label)
        if pillar == "integrated":  # its overall grades are its pillars' own: never an "integrated" overall
            return found or _summary_pillar(row.area_label)
        return found or pillar
    if pillar == "integrated" and (info.get("year") or 0) < 2021:
        return row.pillar or AREA_PILLAR.get(row.area) or pillar
    return pillar


def extract_judgments(doc: Document, info: dict) -> tuple[list[dict], list[dict]]:
    """Returns (judgment rows, check rows)."""
    if info.get("doc_type") != "peel_report":
        return [], []
    found, checks = structured_grades(doc, info.get("pillar"))
    # A sentence's overall grade that names no pillar ("... is good at keeping people safe and reducing crime")
    # is the report's: where the structure gave an overall grade, the sentence adds nothing to place.
    placed = any(r.area == "overall" for r in found)
    found += [
        r
        for r in sentence_rows(doc, info.get("force"), scale_for(info.get("year")))
        if not (placed and r.area == "overall" and not r.pillar)
    ]
    for row in found:
        row.pillar = _row_pillar(row, info)
        if row.starred and not row.last_inspected:  # "Good*": carried over, the footnote's year
            row.last_inspected = footnote_year(_footnotes(doc))
    # One row per area (per pillar for the overall grades, per force for a release about several).
    best: dict[tuple, Grade] = {}
    # The most explicit kind of place first: a table before a heading before a panel before a sentence.
    for row in sorted(found, key=lambda r: (r.source == "sentence", RANK[r.source])):
        key = (row.area, row.pillar if row.area == "overall" else None, row.force)
        first = best.get(key)
        if first is None:
            best[key] = row
            continue
        if row.grade != first.grade:
            checks.append(
                {
                    "check": f"judgment_agrees:{row.area}",
                    "passed": False,
                    "detail": f"{first.grade} (page {first.page}: {first.evidence[:80]}) but {row.grade} (page {row.page}: {row.evidence[:80]})",
                }
            )
        elif row.last_inspected and not first.last_inspected:
            first.last_inspected = row.last_inspected
        first.agree += row.grade == first.grade
    scale = scale_for(info.get("year"))
    rows = []
    for row in best.values():
        if row.area == "victim_service" and row.grade == "Ungraded":
            continue  # the victim service assessment is inspected, never graded: not a judgment
        if row.agree > 1 and not any(c["check"] == f"judgment_agrees:{row.area}" for c in checks):
            checks.append(
                {
                    "check": f"judgment_agrees:{row.area}",
                    "passed": True,
                    "detail": f"{row.grade} printed {row.agree} times",
                }
            )
        rows.append(row.row(scale))
    return rows, checks
