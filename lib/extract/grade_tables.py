"""Grades printed as tables and graphics: one function per way the inspectorate lays them out.

- ``table_grades``: rows "area | grade | year last inspected" (2017 on); "Good*" with an asterisk and a
  footnote is a grade carried over (grade Good, the year from the footnote or the last-inspected column);
  the header row is skipped. The 2018/19 summary is the same table with pillar rows ("Effectiveness | Good")
  and their question rows beneath: each question gets the pillar above it, each pillar's grade is an
  ``overall`` row of that pillar.
- ``grade_column_table``: the 2021/22 grade graphic as an HTML table whose headers are the grades, each
  area's name in the cell under its grade.
- ``grade_columns_text``: the same graphic as a text export: the grade words on one line, the area names
  below them in columns (names may wrap over two lines).
- ``grade_boxes``: the same graphic in a PDF: the grade words side by side, each area's box under its grade.
"""

from __future__ import annotations

import re

from ..model import Block
from ..text import clean_line
from .areas import GRADES, area_key, grade_name
from .grammar import G, grade_cell, pillar_heading

HEADER_WORDS = re.compile(
    r"^(?:grade|judg(?:e)?ment|area(?: of policing)?|pillar(?: / question)?|question|last inspected|year|rating)\W*$",
    re.I,
)
FOOTNOTE_YEAR = re.compile(r"^\W*(?:\*+|†)\s*.*?\b((?:19|20)\d\d)\b")


def judgment(area, label, grade, page, evidence, last_inspected=None, source="table", pillar=None) -> dict:
    return {
        "area": area,
        "area_label": label,
        "grade": grade,
        "last_inspected": last_inspected,
        "page": page,
        "evidence": evidence,
        "pillar": pillar,
        "_source": source,
    }


def footnote_year(text: str) -> str | None:
    """The year of the footnote an asterisk points to ("* Grade carried over from the 2017 inspection")."""
    for line in text.splitlines():
        hit = FOOTNOTE_YEAR.match(line)
        if hit and re.search(r"carried|last inspected|inspected in|previous", line, re.I):
            return hit.group(1)
    return None


def _is_header(cells: list[str]) -> bool:
    return bool(cells) and all(HEADER_WORDS.match(c) for c in cells if c)


def table_grades(rows: list[list[str]], page: int, footnotes: str = "") -> list[dict]:
    """Grades in a judgments table (area | grade | [year last inspected]), pillar rows included."""
    out: list[dict] = []
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
            out.append(judgment("overall", label, grade, page, evidence, year, "table", pillar))
            continue
        key = area_key(label)
        if key:
            out.append(judgment(key, label, grade, page, evidence, year, "table", pillar))
    return out


def grade_column_table(rows: list[list[str]], page: int) -> list[dict]:
    """The grade graphic as a table whose header cells are the grades: each cell below names areas."""
    if not rows:
        return []
    header = [clean_line(c or "") for c in rows[0]]
    grades = [grade_name(c) if re.fullmatch(rf"(?:{G})", c, re.I) else None for c in header]
    if sum(1 for g in grades if g) < 3:
        return []
    out = []
    for raw in rows[1:]:
        for col, cell in enumerate(raw):
            if col >= len(grades) or not grades[col]:
                continue
            for name in re.split(r"\n|;|•", cell or ""):
                name = clean_line(name)
                if name and (key := area_key(name)):
                    out.append(judgment(key, name, grades[col], page, f"{header[col]} | {name}", source="graphic"))
    return out


# "Requires" alone: the graphic's header wraps "Requires improvement" over two lines.
_GRADE_WORDS = re.compile(rf"\b(?:{G}|requires)\b", re.I)


def _columns(line: str) -> list[tuple[int, str]] | None:
    """(start, grade) of each grade word when a line is the graphic's header: three grade words or more,
    nothing else, set apart in columns (two spaces or more between them)."""
    found = [
        (m.start(), grade_name(m.group(0).replace("equires", "equires improvement")), m.end())
        for m in _GRADE_WORDS.finditer(line)
    ]
    rest = _GRADE_WORDS.sub("", line).strip()
    if len(found) < 3 or rest or any(b[0] - a[2] < 2 for a, b in zip(found, found[1:], strict=False)):
        return None
    return [(start, grade) for start, grade, _ in found]


def grade_columns_text(lines: list[tuple[int, str]]) -> list[dict]:
    """The grade graphic as text: grade words on one line, area names below at their columns' positions.
    ``lines`` are (page, raw line) with their spacing kept."""
    out: list[dict] = []
    i = 0
    while i < len(lines):
        page, raw = lines[i]
        cols = _columns(raw.replace("\t", "    ")) if ("  " in raw or "\t" in raw) else None
        if not cols:
            i += 1
            continue
        starts = [s for s, _ in cols]
        pending: dict[int, list[str]] = {}
        j = i + 1
        while j < len(lines):
            text = lines[j][1].replace("\t", "    ")
            if not text.strip():
                if pending and any(pending.values()):
                    j += 1
                    continue
                j += 1
                continue
            if text.strip().lower() == "improvement":  # the rest of the wrapped "Requires improvement"
                j += 1
                continue
            if len(text.strip()) > 60 and "  " not in text.strip() or re.search(r"[.:]$", text.strip()):
                break  # prose: the graphic has ended
            # Each word goes to the column it starts in (a name may sit one space from its neighbour's).
            words: dict[int, list[str]] = {}
            for m in re.finditer(r"\S+", text):
                col = max((k for k, s in enumerate(starts) if s <= m.start() + 1), default=0)
                words.setdefault(col, []).append(m.group(0))
            for col, chunk_words in sorted(words.items()):
                chunk = " ".join(chunk_words)
                parts = pending.setdefault(col, [])
                if parts and not chunk[:1].islower() and area_key(" ".join(parts)):
                    _emit(out, parts, cols[col][1], page, cols[col][1])
                    parts.clear()
                parts.append(chunk)
            j += 1
        for col, parts in pending.items():
            if parts:
                _emit(out, parts, cols[col][1], page, cols[col][1])
        i = j
    return out


def _emit(out: list[dict], parts: list[str], grade: str, page: int, header: str) -> None:
    name = " ".join(parts)
    if key := area_key(name):
        out.append(judgment(key, name, grade, page, f"{header} | {name}", source="graphic"))


def grade_boxes(blocks: list[Block]) -> list[dict]:
    """The grade graphic in a PDF: grade words side by side on one row, each area's box under its grade
    (nearest column by the centre of its box), down to the first block wider than a column."""
    out: list[dict] = []
    placed = [b for b in blocks if b.bbox is not None]
    for b in placed:
        if grade_cell(b.text) is None:
            continue
        row = [
            h
            for h in placed
            if h.page == b.page and h.bbox and abs(h.bbox[1] - b.bbox[1]) < 6 and grade_cell(h.text) is not None
        ]
        if len(row) < 3 or row[0] is not b:
            continue
        row.sort(key=lambda h: h.bbox[0])
        centres = [((h.bbox[0] + h.bbox[2]) / 2, grade_cell(h.text)[0]) for h in row]
        width = (row[-1].bbox[2] - row[0].bbox[0]) / len(row)
        top = max(h.bbox[3] for h in row)
        below = sorted(
            (x for x in placed if x.page == b.page and x.bbox[1] >= top - 1 and x not in row),
            key=lambda x: (x.bbox[1], x.bbox[0]),
        )
        for box in below:
            if box.bbox[2] - box.bbox[0] > 1.5 * width:
                break
            centre = (box.bbox[0] + box.bbox[2]) / 2
            _, grade = min(centres, key=lambda c: abs(c[0] - centre))
            name = clean_line(box.text)
            if grade in GRADES and (key := area_key(name)):
                out.append(judgment(key, name, grade, box.page, f"{grade} | {name}", source="graphic"))
    return out
