"""Grades printed as tables and graphics: one function per way the inspectorate lays them out.

- ``table_grades``: rows "area | grade | year last inspected" (2017 on); "Good*" with an asterisk and a
  footnote is a grade carried over (grade Good, the year from the footnote or the last-inspected column);
  the header row is skipped. The 2018/19 summary is the same table with pillar rows ("Effectiveness | Good")
  and their question rows beneath: each question gets the pillar above it, each pillar's grade is an
  ``overall`` row of that pillar.
- ``grade_column_table``: the 2021/22 grade graphic as an HTML table whose headers are the grades, each
  area's name in the cell under its grade.
- ``grade_boxes``: the same graphic in a PDF: the grade words side by side, each area's box under its grade.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import Block
from ..text import clean_line
from ..vocab import GRADE_FIRST_WORDS, NAME_WITH_GRADE_WORD, G, area_key, grade_name
from .grammar import grade_cell, pillar_heading
from .rule_rows import Grade

HEADER_WORDS = re.compile(
    r"^(?:grade|judg(?:e)?ment|area(?: of policing)?|pillar(?: / question)?|question|last inspected|year|rating)\W*$",
    re.I,
)
_GRADE = re.compile(rf"(?:{G})", re.I)  # fullmatch: a cell that is a grade word
FOOTNOTE_YEAR = re.compile(r"^\W*(?:\*+|†)\s*.*?\b((?:19|20)\d\d)\b")


def footnote_year(text: str) -> str | None:
    """The year of the footnote an asterisk points to ("* Grade carried over from the 2017 inspection")."""
    for line in text.splitlines():
        hit = FOOTNOTE_YEAR.match(line)
        if hit and re.search(r"carried|last inspected|inspected in|previous", line, re.I):
            return hit.group(1)
    return None


def _is_header(cells: list[str]) -> bool:
    return bool(cells) and all(HEADER_WORDS.match(c) for c in cells if c)


def table_grades(rows: list[list[str]], page: int, footnotes: str = "") -> list[Grade]:
    """Grades in a judgments table (area | grade | [year last inspected]), pillar rows included."""
    out: list[Grade] = []
    pillar = None
    year_col = None
    for raw in rows:
        cells = [clean_line(c or "") for c in raw]
        if _is_header(cells):
            year_col = next((i for i, c in enumerate(cells) if re.match(r"last inspected|year", c, re.I)), None)
            continue
        filled = [c for c in cells if c]
        if len(filled) < 2 or len(set(filled)) == 1:  # a merged group row is no grade
            continue
        label, rest = filled[0], filled[1:]
        hit = grade_cell(rest[0])
        if hit is None and (first := grade_cell(label)) is not None:
            # The graphic laid out as rows: a grade, then the areas that have it.
            for cell in raw[1:]:
                for name in re.split(r"\n|;|•", cell or ""):
                    if (name := clean_line(name)) and (key := area_key(name)):
                        out.append(Grade(key, name, first[0], page, f"{label} | {name}", source="graphic"))
            continue
        if hit is None:
            continue
        grade, starred, year = hit
        if year is None:
            year = next((c for c in rest[1:] if re.fullmatch(r"(?:19|20)\d\d", c)), None)
        if year is None and year_col is not None and year_col < len(cells) and re.fullmatch(r"20\d\d", cells[year_col]):
            year = cells[year_col]
        if starred and year is None:
            year = footnote_year(footnotes)
        evidence = " | ".join(filled)
        if name := pillar_heading(label):
            pillar = name
            out.append(Grade("overall", label, grade, page, evidence, year, "table", pillar))
            continue
        key = area_key(label)
        if key:
            out.append(Grade(key, label, grade, page, evidence, year, "table", pillar))
    return out


# A name's start inside a cell whose lines were run together: a capital after a word in lower case.
_NAME_START = re.compile(r"(?<=[a-z,)]) (?=[A-Z][a-z])")


def stacked_names(cell: str) -> list[str]:
    """The area names stacked in one cell of the grade graphic. A name wrapped over lines goes on in lower
    case ("Building, supporting and" / "protecting the workforce"); a new name starts with a capital, also
    where a reader ran the lines together ("... with fairness and respect Disrupting serious organised
    crime"), whether or not the vocabulary knows it (the check of the summary names the ones not read)."""
    text = re.sub(r"\s*\n\s*(?=[a-z(])", " ", cell)
    out: list[str] = []
    for piece in re.split(r"\n|;|•", text):
        piece = clean_line(piece)
        words = piece.split()
        if not words:
            continue
        if sum(w[:1].isupper() for w in words) * 2 > len(words):  # Title Case: capitals start no names
            out.append(piece)
            continue
        out += [part.strip() for part in _NAME_START.split(piece) if part.strip()]
    return out


def grade_column_table(rows: list[list[str]], page: int) -> list[Grade]:
    """The grade graphic as a table whose header cells are the grades: each cell below names areas."""
    if not rows:
        return []
    header = [clean_line(c or "") for c in rows[0]]
    grades = [grade_name(c) if _GRADE.fullmatch(c) else None for c in header]
    if sum(1 for g in grades if g) < 3:
        return []
    out = []
    for raw in rows[1:]:
        for col, cell in enumerate(raw):
            if col >= len(grades) or not grades[col]:
                continue
            for name in stacked_names(cell or ""):
                if key := area_key(name):
                    out.append(Grade(key, name, grades[col], page, f"{header[col]} | {name}", source="graphic"))
    return out


# "Requires" alone: the graphic's header wraps "Requires improvement" over two lines.
_GRADE_WORDS = re.compile(rf"\b(?:{G}|{'|'.join(GRADE_FIRST_WORDS)})\b", re.I)


_GRADE_RUN = re.compile(rf"{G}", re.I)  # no word boundary: a PDF may run "GoodAdequate" together


def header_grades(text: str) -> list[str] | None:
    """The grades a block of the graphic's header names, when it names nothing else."""
    if len(text) > 80:  # longer than the five grade words together: it names more
        return None
    found = [grade_name(m.group(0)) for m in _GRADE_RUN.finditer(text)]
    return found if found and not _GRADE_RUN.sub("", text).strip(" ,|") else None


def _graphic_boxes(after: list[Block], page: int) -> list[Block]:
    """The area boxes under the header: short blocks with a box, down to the first sentence or heading; a
    name broken over two boxes of one column ("Good use of" / "resources") joined."""
    boxes: list[Block] = []
    for b in after:
        text = clean_line(b.text)
        if b.page != page or b.kind == "heading" or text.endswith(".") or len(text) > 80:
            break
        if b.bbox is None:
            continue
        prev = next((x for x in reversed(boxes) if abs(x.bbox[0] - b.bbox[0]) < 8), None)
        if prev and 0 <= b.bbox[1] - prev.bbox[3] < 8 and (not area_key(prev.text) or text[:1].islower()):
            box = (prev.bbox[0], prev.bbox[1], max(prev.bbox[2], b.bbox[2]), b.bbox[3])
            boxes[boxes.index(prev)] = Block(prev.kind, f"{clean_line(prev.text)} {text}", page, bbox=box)
            continue
        boxes.append(b)
    return boxes


def grade_boxes(blocks: list[Block]) -> list[Grade]:
    """The grade graphic in a PDF: the grade words side by side (one block each, or run together), each
    area's box under its grade. A column's position comes from a header block's box; the distance between
    columns from the header blocks or from the columns the area boxes stand in."""
    out: list[Grade] = []
    if all(b.bbox is None for b in blocks):  # the columns come from the blocks' boxes: none, no graphic
        return out
    heads = [k for k, b in enumerate(blocks) if header_grades(clean_line(b.text))]  # where a header may start
    i = 0
    while (at := bisect_left(heads, i)) < len(heads):
        i = heads[at]
        j, grades = i, []
        while j < len(blocks) and (found := header_grades(clean_line(blocks[j].text))):
            grades += found
            j += 1
        if len(set(grades)) < 3:
            i = max(j, i + 1)
            continue
        header = [(b, header_grades(clean_line(b.text))) for b in blocks[i:j]]
        anchors, k = [], 0  # (column index, x0 of the column's first word)
        for b, found in header:
            if b.bbox is not None:
                anchors.append((k, b.bbox[0], b.bbox[2], len(found)))
            k += len(found)
        boxes = _graphic_boxes(blocks[j:], blocks[i].page)
        if not anchors or not boxes:
            i = j
            continue
        lefts = sorted({round(b.bbox[0]) for b in boxes})
        gaps = [b - a for a, b in zip(lefts, lefts[1:], strict=False) if b - a > 20]
        if not gaps and len(anchors) < 2:  # the names in one column: a list, not the graphic's columns
            i = j
            continue
        if len(anchors) >= 2 and anchors[-1][0] != anchors[0][0]:
            pitch = (anchors[-1][1] - anchors[0][1]) / (anchors[-1][0] - anchors[0][0])
        elif gaps:
            pitch = min(gaps)
        elif anchors[0][3] > 1:
            pitch = (anchors[0][2] - anchors[0][1]) / anchors[0][3]
        else:
            i = j
            continue
        col, x0 = anchors[0][0], anchors[0][1]
        lefts_of = {g: x0 + (n - col) * pitch for n, g in enumerate(grades)}
        for box in boxes:
            grade, left = min(lefts_of.items(), key=lambda item: abs(item[1] - box.bbox[0]))
            name = clean_line(box.text)
            if _GRADE_WORDS.search(name) and not NAME_WITH_GRADE_WORD.match(name):
                continue  # a grade word run into a name: the reader joined the header and a box
            if abs(left - box.bbox[0]) < pitch / 2 and (key := area_key(name)):
                out.append(Grade(key, name, grade, box.page, f"{grade} | {name}", source="graphic"))
        i = j
    return out


# ---------------------------------------------------------------- the grade graphic as "Grade: area" lines
GRADE_FIRST = re.compile(rf"^\W*(?P<grade>{G})\s*[:–-]\s+(?P<label>[A-Z][^.?!]{{2,100}})$", re.I)
_VERB = re.compile(r"\b(?:is|are|was|were|be|been|has|have|should|will|its|their)\b", re.I)


def grade_first_lines(lines: list[tuple[int, str]]) -> list[Grade]:
    """The grade graphic printed a line per area, the grade first ("Good: Preventing crime and anti-social
    behaviour", "Requires improvement – Investigating crime"): at least two such lines, each naming an area in
    a short label (no verb: "Good: the force is ..." is prose). ``lines``: (page, clean text) of the document's
    blocks, each such line a paragraph or a list item of its own."""
    out = []
    for page, line in lines:
        hit = GRADE_FIRST.match(line) if len(line) < 130 else None
        if not hit or len(hit.group("label").split()) > 12 or _VERB.search(hit.group("label")):
            continue
        label = hit.group("label").strip()
        if (key := area_key(label)) and key != "overall":
            out.append(Grade(key, label, grade_name(hit.group("grade")), page, line, None, "graphic"))
    return out if len(out) >= 2 else []
