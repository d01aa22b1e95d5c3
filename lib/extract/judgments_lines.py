"""Grades read line by line, for text whose blocks carry no headings (PDF-to-text output, plain text, a PDF
whose headings are set like its body). To go: each form here is to become a rule over the blocks, once the
readers recover the structure these lines hold (see the README's *Method*).

1. judgment tables ("Protecting vulnerable people  Requires improvement  2017", 2017-19 and 2021+ reports);
2. a grade on the line after "Overall judgment", "Summary of findings" or an area's heading (2015-16
   sections, 2017 chapter heads, 2021+ area pages);
3. overview panels: questions printed side by side, then their grades in the same order (2015-16).
The structure's rules (lib/extract/judgments.py) come first; these fill the areas they did not find.
"""

from __future__ import annotations

import re

from ..model import Document
from ..text import clean_lines
from ..vocab import (
    G_OR_NONE,
    GRADE_FIRST_WORDS,
    GRADE_LINE,
    GRADE_RE,
    GRADE_REST_WORDS,
    GRADES,
    PILLAR_WORDS,
    QUESTION,
    TOP_QUESTION,
    area_key,
    grade_name,
)
from .grade_tables import judgment as _row
from .grammar import LAST_INSPECTED

OVERALL = re.compile(rf"^overall (?:judg(?:e)?ment|{PILLAR_WORDS}|grade)\s*\d*\W*$", re.I)
SUMMARY = re.compile(r"^summary of (?:findings|judg(?:e)?ments?)\W*$", re.I)
SUMMARY_WITH_GRADE = re.compile(rf"^summary of (?:findings|judg(?:e)?ments?)\W*({G_OR_NONE})\W*$", re.I)
ROW = re.compile(
    rf"^(?P<label>[A-Z][^.?!]{{3,120}}?)[\s:|–-]+(?P<grade>{G_OR_NONE})(?P<star>\*+)?\s*(?:(?P<year>20\d\d)\s*)?$",
    re.I,
)


def _lines(doc: Document) -> list[tuple[int, str]]:
    out = []
    for page, _, line in clean_lines(doc):
        line = line.lstrip("#").strip()
        if line and not re.fullmatch(r"\d{1,3}", line):
            out.append((page, line))
    return out


def _question_at(lines: list[tuple[int, str]], i: int) -> tuple[str, int]:
    """A question heading that may run over several lines; returns (text, index of its last line)."""
    text, j = lines[i][1], i
    while "?" not in text and j + 1 < len(lines) and j - i < 5 and not GRADE_LINE.match(lines[j + 1][1]):
        j += 1
        text = f"{text} {lines[j][1]}"
    return re.sub(r"^\d+\.\s*", "", text[: text.index("?") + 1] if "?" in text else text), j


def graphic_lines(lines: list[tuple[int, str]]) -> set[int]:
    """The lines of a 2021/22 grade graphic printed column by column (a plain export): grade words alone in the
    scale's order ("Requires" / "improvement" too), short area names between and after them. No heading rule
    reads them: "Disrupting serious organised crime" then "Adequate" is the next column, not that area's grade."""
    skip: set[int] = set()
    i = 0
    while i < len(lines):
        if not GRADE_LINE.match(lines[i][1]):
            i += 1
            continue
        grades: list[str] = []
        j = i
        while j < len(lines) and j - i < 60:
            text, step = lines[j][1], 1
            if text.lower() in GRADE_FIRST_WORDS and j + 1 < len(lines) and lines[j + 1][1].lower() in GRADE_REST_WORDS:
                name, step = GRADE_FIRST_WORDS[text.lower()], 2
            else:
                name = grade_name(hit.group(1)) if (hit := GRADE_LINE.match(text)) else None
            if name:
                if name not in GRADES or (grades and GRADES.index(name) <= GRADES.index(grades[-1])):
                    break
                grades.append(name)
            elif len(text.split()) > 5 or text.endswith("."):
                break
            j += step
        if len(grades) >= 3:
            skip.update(range(i, j))
            i = j
        else:
            i += 1
    return skip


def line_grades(doc: Document) -> list[dict]:
    """Grades found line by line (judgment tables, a grade after a heading line, "Summary of findings",
    overview panels), for text whose blocks carry no structure. Rows carry ``_source``."""
    lines = _lines(doc)
    found: list[dict] = []

    # 1. Judgment tables printed as lines: a label naming an area, then a grade, then perhaps the year.
    for page, line in lines:
        hit = ROW.match(line) if len(line) < 160 and GRADE_RE.search(line) else None
        if not hit or re.search(r"\b(?:is|are|was|were|be|been)\b", hit.group("label"), re.I):
            continue
        label = hit.group("label").strip()
        if (key := area_key(label)) and len(label.split()) <= 16:
            year = hit.group("year") or (
                re.search(r"\b(20\d\d)\s*$", label).group(1) if re.search(r"\b20\d\d\s*$", label) else None
            )
            label = re.sub(r"\s*\b20\d\d\s*$", "", label)
            found.append(_row(key, label, grade_name(hit.group("grade")), page, line, year, "table"))
            found[-1]["_starred"] = bool(hit.group("star"))

    # 2 and 3. Walk the lines: headings and "Summary of findings" followed by a grade; panels of questions.
    current: tuple[str, str] | None = None
    pending: list[tuple[str, str, str]] = []  # panel questions waiting for their grades
    in_graphic = graphic_lines(lines)
    i = 0
    while i < len(lines):
        if i in in_graphic:
            i += 1
            continue
        page, line = lines[i]
        nxt = lines[i + 1][1] if i + 1 < len(lines) else ""
        if OVERALL.match(line) and GRADE_LINE.match(nxt):
            found.append(
                _row(
                    "overall",
                    line.rstrip(" 0123456789"),
                    grade_name(nxt),
                    lines[i + 1][0],
                    f"{line} | {nxt}",
                    source="heading",
                )
            )
            i += 2
            continue
        if QUESTION.match(line):
            question, j = _question_at(lines, i)
            key = area_key(question)
            if TOP_QUESTION.match(question) and key and not re.match(r"^\d+\.", line):
                # "How well does the force ..." also heads sub-sections: it takes over only for another area.
                if (
                    re.match(r"how (?:effective|efficient|legitimate) is the force at", question, re.I)
                    or current is None
                    or current[0] != key
                ):
                    current = (key, question)
                after = lines[j + 1][1] if j + 1 < len(lines) else ""
                if GRADE_LINE.match(after) and not pending:
                    then = lines[j + 2][1] if j + 2 < len(lines) else ""
                    year = (more.group(1) or more.group(2)) if (more := LAST_INSPECTED.search(then[:300])) else None
                    found.append(
                        _row(
                            key,
                            question,
                            grade_name(after),
                            lines[j + 1][0],
                            f"{question} | {after}" + (f" | {then}" if year else ""),
                            year,
                            source="heading",
                        )
                    )
                    pending.clear()
                    i = j + 2
                    continue
                pending.append((key, question, line))
            i = j + 1
            continue
        if (same := SUMMARY_WITH_GRADE.match(line)) and current:
            found.append(
                _row(
                    current[0], current[1], grade_name(same.group(1)), page, f"{current[1]} | {line}", source="summary"
                )
            )
            pending.clear()
            i += 1
            continue
        if SUMMARY.match(line) and GRADE_LINE.match(nxt) and current:
            found.append(
                _row(
                    current[0],
                    current[1],
                    grade_name(nxt),
                    lines[i + 1][0],
                    f"{current[1]} | {line} | {nxt}",
                    source="summary",
                )
            )
            pending.clear()
            i += 2
            continue
        if GRADE_LINE.match(line) and pending:
            key, question, _ = pending.pop(0)
            found.append(_row(key, question, grade_name(line), page, f"{question} | {line}", source="panel"))
            i += 1
            continue
        # A heading wrapped over two lines ("Preventing ... behaviour, and" / "reducing vulnerability"): the
        # line before, when it does not end a sentence, is the start of the heading.
        if line[:1].islower() and GRADE_LINE.match(nxt):
            joined = i and not re.search(r"[.!?:]$", lines[i - 1][1])
            line = f"{lines[i - 1][1]} {line}" if joined and not lines[i - 1][1][:1].islower() else ""
        if line and (
            len(line) < 150
            and len(line.split()) <= 20
            and not line.endswith(".")
            and (key := area_key(line))
            and GRADE_LINE.match(nxt)
            and not QUESTION.match(line)
            and key != "overall"
            and not re.search(r"\b(?:is|are|was|were|has|have|had|should|will)\b", line, re.I)
        ):
            found.append(_row(key, line, grade_name(nxt), lines[i + 1][0], f"{line} | {nxt}", source="heading"))
            current = (key, line)
            i += 2
            continue
        if len(line.split()) >= 6:  # prose: questions still waiting were section headings, not a panel
            pending.clear()
        i += 1
    return found
