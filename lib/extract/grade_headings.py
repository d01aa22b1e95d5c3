"""Grades stated by the structure: a heading with its grade in it or followed by one.

- "Investigating crime: Good", or the heading "Investigating crime" then a block "Good" (and perhaps "last
  inspected 2017" after it): the heading's area;
- "Summary of findings" then "Good" (a box at the END of a question's section, 2015-16): the grade of the
  section's question, the outermost enclosing heading that names an area;
- "Overall judgment" then "Good": the report's (or the enclosing pillar's) overall grade;
- a pillar's name alone ("Effectiveness") then "Good" (2018/19): that pillar's overall grade.
Headings under "Contents" are left out (a contents page repeats the questions, not their grades). A grade
after a heading that names no area we know is a failed check naming the document's block and the rule.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..model import Block
from ..structure import Node, enclosing
from ..text import clean_line
from ..vocab import (
    ANY_QUESTION,
    CONTENTS_HEAD,
    FINDING_HEAD,
    GRADE_LEAD,
    GRADES,
    OVERALL_HEAD,
    PILLAR_QUESTION,
    SUMMARY_HEAD,
    TOP_QUESTION,
    UPDATED_LINE,
    area_key,
)
from .grade_panels import pillar_panels
from .grade_tables import header_grades
from .grammar import CONTENTS_LINE, LAST_INSPECTED, grade_cell, label_grade, pillar_heading, pillar_of
from .rule_rows import Grade

RULE = "a heading (or 'Summary of findings', 'Overall judgment') with a grade in it or in the block after it"


def _blank(node: Node) -> Node:
    """A block with no text in the place of one a rule has read."""
    return Node(node.index, Block("paragraph", "", node.block.page), node.path)


def _in_contents(node: Node) -> bool:
    """The contents heading, the blocks that stand under it before the next heading (its entries), and a
    heading under it that ends in a page number (an entry a reader set as a heading). A heading further on
    is the report's own, whatever level a reader gave "Contents"."""
    if CONTENTS_HEAD.match(node.text.strip()):
        return True
    if node.kind != "heading":
        return bool(node.path and CONTENTS_HEAD.match(node.path[-1].text.strip()))
    return bool(CONTENTS_LINE.search(node.text.strip())) and any(CONTENTS_HEAD.match(h.text.strip()) for h in node.path)


def _section_area(nodes: list[Node], i: int) -> tuple[str, str] | None:
    """The question a "Summary of findings" box belongs to: the nearest question heading before it (at its
    level or above) that names an area, else the outermost enclosing heading that names one. Reading back
    rather than up the path also serves documents whose headings all come at one level."""
    level = nodes[i].block.level if nodes[i].kind == "heading" else 99
    found: list[tuple[str, str]] = []
    for node in reversed(nodes[:i]):
        b, text = node.block, clean_line(node.text)
        if found and (SUMMARY_HEAD.match(text) or FINDING_HEAD.match(text)):  # the end of the previous question
            break
        if b.kind == "heading" and (b.level or 1) <= (level or 99) and not found and not TOP_QUESTION.match(text):
            # A question asked in other words ("How sustainable is the force's financial position ...?"): the
            # nearest one is the box's, never an outer one.
            if ANY_QUESTION.match(text) and (key := area_key(text)) and key != "overall":
                return key, text
        if b.kind == "heading" and (b.level or 1) <= (level or 99) and TOP_QUESTION.match(text):
            if key := area_key(text):
                if key == "overall" and found:  # the report's overview: the question is the one after it
                    break
                if PILLAR_QUESTION.match(text) and key != "overall":
                    return key, text
                found.append((key, text))
    if found:
        return found[-1]
    hit = enclosing(nodes[i], area_key, outermost=True)
    return (hit[0], clean_line(hit[1].text)) if hit else None


def _grade_after(nodes: list[Node], i: int) -> tuple[str, bool, str | None, int] | None:
    """(grade, starred, year, index of the last block read) when the block after ``i`` is a grade. A web
    page's "Last updated 22/03/2018" between the question and its grade is passed over."""
    if i + 2 < len(nodes) and nodes[i + 1].kind != "table" and UPDATED_LINE.match(clean_line(nodes[i + 1].text)):
        i += 1
    if i + 1 >= len(nodes) or nodes[i + 1].kind == "table":
        return None
    hit = grade_cell(nodes[i + 1].text)
    if hit is None:
        return None
    if i + 2 < len(nodes) and nodes[i + 2].kind != "table" and grade_cell(nodes[i + 2].text) is not None:
        return None  # grades side by side (a panel whose questions did not come out as a run): not this heading's
    grade, starred, year = hit
    last = i + 1
    if year is None and i + 2 < len(nodes) and (more := LAST_INSPECTED.search(clean_line(nodes[i + 2].text))):
        year, last = more.group(1) or more.group(2), i + 2
    return grade, starred, year, last


def _year_after(nodes: list[Node], i: int) -> str | None:
    """The year a grade printed with its heading was carried over from, when the block after says so
    ("How effective is the force at ...? Good" then "last inspected 2017", as a plain text export joins them)."""
    if i + 1 >= len(nodes) or nodes[i + 1].kind == "table":
        return None
    more = LAST_INSPECTED.search(clean_line(nodes[i + 1].text)[:300])
    return (more.group(1) or more.group(2)) if more else None


def _question(node: Node) -> str | None:
    """The area of a heading, or of a short paragraph that is a question, else None."""
    if node.kind == "heading" or _question_block(node):
        return area_key(clean_line(node.text))
    return None


def _words_at_most(text: str, n: int) -> bool:
    """Whether a cleaned text (``clean_line``: one space between words) has at most ``n`` words, counted
    without splitting it."""
    return text.count(" ") < n


def _question_block(node: Node) -> bool:
    """A paragraph or list item that is a report's question ("1 How effective is the force at ...?")."""
    if not node.text.rstrip().endswith("?"):
        return False
    text = clean_line(node.text)
    return (
        node.kind in ("paragraph", "list_item")
        and text.endswith("?")
        and _words_at_most(text, 30)
        and TOP_QUESTION.match(re.sub(r"^\d{1,2}[.)]?\s+", "", text)) is not None
    )


_CLAUSE_END = re.compile(r"[.!:;]$")
_VERBS = re.compile(r"\b(?:is|are|was|were|has|have|had|should|will)\b", re.I)


def _label_block(nodes: list[Node], i: int) -> bool:
    """A paragraph that stands as a label: a short name of an area, no sentence, right before a block that
    is only a grade (a graphic's label in a text export, a heading set like the body)."""
    if nodes[i].kind != "paragraph" or i + 1 >= len(nodes) or nodes[i + 1].kind == "table":
        return False
    text = clean_line(nodes[i].text)
    return (
        grade_cell(nodes[i + 1].text) is not None
        and _words_at_most(text, 20)
        and not _CLAUSE_END.search(text)
        and not _VERBS.search(text)
        and area_key(text) not in (None, "overall")
    )


def panel_grades(nodes: list[Node]) -> tuple[list[Grade], set[int]]:
    """Overview panels (2015-16): questions printed side by side come out as a run of questions, then their
    grades in the same order. Returns the rows and the indices of the blocks they used."""
    rows: list[Grade] = []
    used: set[int] = set()
    asks = [k for k, node in enumerate(nodes) if _asks(node)]  # where a run may start
    i = 0
    while (at := bisect_left(asks, i)) < len(asks):
        i = j = asks[at]
        while j < len(nodes) and _asks(nodes[j]):
            j += 1
        n = j - i
        if n >= 2 and _grade_run(nodes, j) >= n:
            for q, g in zip(nodes[i:j], nodes[j : j + n], strict=True):
                label = clean_line(q.text)
                evidence = f"{label} | {clean_line(g.text)}"
                rows.append(Grade(_question(q), label, grade_cell(g.text)[0], g.block.page, evidence, None, "panel"))
            used.update(range(i, j + n))
            i = j + n
            continue
        i = max(j, i + 1)
    return rows, used


def _asks(node: Node) -> bool:
    """A question of a panel: a heading or a question that names an area, and no grade."""
    return bool(_question(node)) and grade_cell(node.text) is None


def _grade_run(nodes: list[Node], j: int) -> int:
    """How many blocks from ``j`` on are each only a grade (a table ends the run)."""
    k = j
    while k < len(nodes) and nodes[k].kind != "table" and grade_cell(nodes[k].text) is not None:
        k += 1
    return k - j


def graphic_run(nodes: list[Node]) -> tuple[list[Grade], set[int]]:
    """The 2021/22 grade graphic read column by column into blocks (a text export re-set as a PDF): the grade
    words alone, in the scale's order, each followed by the short area labels under it. Areas between two grade
    words are that column's ("panel" rank: a section's own heading outranks them); labels after the last grade
    word may be a later row of any column and give no grade. Returns the rows and every block of the run, which
    no heading rule reads again ("Disrupting serious organised crime" then "Adequate" is not a heading's grade)."""
    rows: list[Grade] = []
    used: set[int] = set()
    starts = [k for k, node in enumerate(nodes) if _may_head(node.text)]
    i = 0
    while (at := bisect_left(starts, i)) < len(starts):
        i = starts[at]
        if _after_label(nodes, i):
            i += 1
            continue
        run, grades, j = [], [], i
        while j < len(nodes) and len(run) < 40 and nodes[j].kind != "table":
            text = clean_line(nodes[j].text)
            # A grade word run into the first name under it ("Requires improvement Responding to the public").
            heads = _heads(text)
            lead = GRADE_LEAD.match(text) if len(heads) < 2 else None
            cell = grade_cell(lead.group(1) if lead else text)
            label = lead.group(2) if lead else ("" if cell else text)
            if len(heads) > 1:  # columns' heads run together ("Outstanding Good": the first column empty)
                if grades and GRADES.index(heads[0]) <= GRADES.index(grades[-1]):
                    break
                grades += heads
                run += [(j, g, None) for g in heads]
                label = ""
            if cell is not None and cell[0] in GRADES:
                if grades and GRADES.index(cell[0]) <= GRADES.index(grades[-1]):
                    break  # not the scale's order: not a graphic
                grades.append(cell[0])
                run.append((j, cell[0], None))
            if label:
                # A label wrapped over lines goes on in lower case ("Building, supporting and" / "protecting
                # the" / "workforce"): its lines are one label.
                wrapped = j
                while wrapped + 1 < len(nodes) and wrapped - j < 3 and _goes_on(nodes[wrapped + 1]):
                    wrapped += 1
                    label = f"{label} {clean_line(nodes[wrapped].text)}"
                short = len(label.split()) <= 12 and not label.endswith(".")
                if not (short and (key := area_key(label)) and key != "overall"):
                    break
                run.append((j, None, key))
                run += [(k, None, None) for k in range(j + 1, wrapped + 1)]
                j = wrapped
            j += 1
        if len(grades) < 3:
            i += 1
            continue
        used.update(k for k, _, _ in run)
        current = None
        last_grade_at = max(n for n, (_, g, _) in enumerate(run) if g)
        for n, (k, grade, key) in enumerate(run):
            if grade:
                current = grade
            elif current and key and n < last_grade_at:
                label = _first_label(run, n, nodes)
                label = (lead.group(2) if (lead := GRADE_LEAD.match(label)) else label).strip()
                rows.append(Grade(key, label, current, nodes[k].block.page, f"{current} | {label}", None, "panel"))
        i = j
    return rows, used


def _may_head(text: str) -> bool:
    """A block that may open the graphic: a grade of the scale alone, or grades run together."""
    cell = grade_cell(text)
    return cell[0] in GRADES if cell else len(_heads(text)) >= 2


@lru_cache(maxsize=65536)
def _heads(text: str) -> tuple[str, ...]:
    """The grades of a graphic's heads run together in one block ("Outstanding Good"), else ()."""
    return tuple(header_grades(clean_line(text)) or ()) if len(text) < 80 else ()


def _after_label(nodes: list[Node], i: int) -> bool:
    """A grade right after an area's name: a list of names each followed by its grade (a judgments list, this
    year's or a previous year's), never the start of a graphic, whose grade words come before their names."""
    if i == 0 or nodes[i - 1].kind == "table":
        return False
    text = clean_line(nodes[i - 1].text)
    return len(text.split()) <= 12 and grade_cell(text) is None and area_key(text) not in (None, "overall")


def _goes_on(node: Node) -> bool:
    """A block that carries on the label before it: short, in lower case, no grade."""
    text = clean_line(node.text)
    return (
        node.kind != "table"
        and bool(text)
        and text[:1].islower()
        and len(text.split()) <= 6
        and grade_cell(text) is None
        and not re.search(r"[.!?:;]$", text)
    )


def _first_label(run: list[tuple[int, str | None, str | None]], n: int, nodes: list[Node]) -> str:
    """The label that starts at ``run[n]`` with the lines that carry it on (entries with neither grade nor key)."""
    parts = [clean_line(nodes[run[n][0]].text)]
    for k, grade, key in run[n + 1 :]:
        if grade or key:
            break
        parts.append(clean_line(nodes[k].text))
    return " ".join(parts)


def heading_grades(nodes: list[Node], pillar: str | None) -> tuple[list[Grade], list[dict]]:
    """(judgment rows, failed checks) from headings and the blocks after them. ``pillar``: the report's."""
    rows, used = pillar_panels(nodes)
    # The blocks a rule has read are blank to the next (at the same positions), so no block gives two grades.
    for rule in (panel_grades, graphic_run):
        more, taken = rule([_blank(n) if i in used else n for i, n in enumerate(nodes)])
        rows, used = rows + more, used | taken
    checks: list[dict] = []
    for i, node in enumerate(nodes):
        b = node.block
        if i in used or b.kind == "table":
            continue
        text = b.text  # on one line (lib.readers.one_line)
        # The tail of a heading wrapped over two lines is not a heading of its own.
        if not text or text[:1].islower() or (b.kind != "heading" and not _stands_as_heading(nodes, i, text)):
            continue
        # A web page's date line: the heading before it reads past it.
        if _in_contents(node) or grade_cell(text) is not None or UPDATED_LINE.match(text):
            continue
        own = label_grade(text)
        if own:
            label, grade, starred = own
            year, evidence = None, text
            if dated := re.match(r"^(.*?)\s+((?:19|20)\d\d)$", label):  # "Overall effectiveness 2017  Good"
                label, year = dated.group(1), dated.group(2)
            year = year or _year_after(nodes, i)
        else:
            after = _grade_after(nodes, i)
            if after is None:
                continue
            grade, starred, year, last = after
            # A footnote number, or a year split over a column's lines, run into the heading.
            label = re.sub(r"^\d{1,2}[.)]?\s+(?=[A-Z])", "", re.sub(r"\s*\d{1,4}$", "", text))
            evidence = " | ".join(clean_line(n.text) for n in nodes[i : last + 1])
        page = b.page
        area_pillar = pillar_heading(label)
        if OVERALL_HEAD.match(label):
            key, label_out, row_pillar = "overall", label, pillar_of(label) or _enclosing_pillar(node) or pillar
        elif SUMMARY_HEAD.match(label):
            found = _section_area(nodes, i)
            if found is None:
                if b.kind == "heading":  # blocks without headings: the line reader places the grade
                    checks.append(_failed(label, page, evidence))
                continue
            key, label_out = found
            row_pillar = pillar_of(label_out) if key == "overall" else None
        elif area_pillar:
            key, label_out, row_pillar = "overall", label, area_pillar
        else:
            key, label_out = area_key(label), label
            row_pillar = (pillar_of(label) or pillar) if key == "overall" else None
            if key is None:
                if b.kind == "heading":
                    checks.append(_failed(label, page, evidence))
                continue
        rows.append(Grade(key, label_out, grade, page, evidence, year, "heading", row_pillar, starred=starred))
    return rows, checks


def _stands_as_heading(nodes: list[Node], i: int, text: str) -> bool:
    """A block that is no heading but reads as one: a short "Summary of findings", "Overall judgment" or a
    label with its grade, a report's question, or an area's name right before its grade: at most 30 words."""
    if not _words_at_most(text, 30):
        return False
    if _words_at_most(text, 16) and (SUMMARY_HEAD.match(text) or OVERALL_HEAD.match(text) or label_grade(text)):
        return True
    return _question_block(nodes[i]) or _label_block(nodes, i)


def _enclosing_pillar(node: Node) -> str | None:
    for heading in reversed(node.path):
        if name := pillar_heading(heading.text):
            return name
    return None


def _failed(label: str, page: int, evidence: str) -> dict:
    return {
        "check": f"judgment_area_known:{label[:60]}",
        "passed": False,
        "detail": f"page {page}: a grade follows the heading {label!r} but no area matched ({RULE}): {evidence[:120]}",
    }
