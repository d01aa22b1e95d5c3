"""Pillar panels: the 2018/19 summary printed as a panel per pillar, each its name and grade, then its
questions' short names, each followed by its grade (and "Last inspected 2017" where the grade was carried over).

However a reader set the panels out (one block a line, a grade run into the name under it, or the panels'
names first and their grades after them, as a text tool that reads across prints them), the run is a stream
of names and grades: each name takes the next grade not yet taken. A pillar's name gives that pillar's
``overall`` row and the pillar of the questions after it.
"""

from __future__ import annotations

import re

from ..structure import Node
from ..text import clean_line
from ..vocab import G_OR_NONE, NAME_WITH_GRADE_WORD, PILLAR_NAME, area_key, grade_name
from .rule_rows import Grade

TOKEN = re.compile(
    rf"\b(?P<grade>{G_OR_NONE})\b(?:\s*(?:\(?\s*last inspected|carried over from)\s*:?\s*(?:in\s+)?(?P<year>20\d\d)\)?)?",
    re.I,
)
MAX_NAME_WORDS = 10


def tokens(text: str) -> list[tuple[str, str, str | None]]:
    """A block's text as ("name", text, None) and ("grade", grade, year last inspected) in order."""
    out: list[tuple[str, str, str | None]] = []
    at = 0
    for hit in TOKEN.finditer(text):
        if NAME_WITH_GRADE_WORD.match(text[hit.start() :]):
            continue  # "Good use of resources" is a name
        if name := text[at : hit.start()].strip(" ,;:–-"):
            out.append(("name", name, None))
        out.append(("grade", grade_name(hit.group("grade")), hit.group("year")))
        at = hit.end()
    if name := text[at:].strip(" ,;:–-"):
        out.append(("name", name, None))
    return out


def _stream(nodes: list[Node], i: int) -> tuple[list[tuple[int, tuple]], int]:
    """The tokens of the panel run that starts at block ``i`` (a pillar's name in a box), with the index of
    the block each came from; and the index after the run. The block after the last box gives only a grade
    it starts with (the last panel's last grade, where a reader ran it into the text below)."""
    page, out, j = nodes[i].block.page, [], i
    while j < len(nodes) and nodes[j].block.box and nodes[j].block.page == page and nodes[j].kind != "table":
        words = tokens(clean_line(nodes[j].text))
        if any(kind == "name" and len(text.split()) > MAX_NAME_WORDS for kind, text, _ in words):
            break  # prose: the panels have ended
        out += [(j, t) for t in words]
        j += 1
    if j < len(nodes) and nodes[j].block.page == page and (lead := tokens(clean_line(nodes[j].text))):
        if lead[0][0] == "grade":
            out.append((j, lead[0]))
    return out, j


def pillar_panels(nodes: list[Node]) -> tuple[list[Grade], set[int]]:
    """Judgment rows from every run of pillar panels, and the blocks the runs hold (no other rule reads them)."""
    rows: list[Grade] = []
    used: set[int] = set()
    i = 0
    while i < len(nodes):
        b = nodes[i].block
        if not (b.box and PILLAR_NAME.match(tokens(clean_line(b.text))[0][1] if b.text.strip() else "")):
            i += 1
            continue
        stream, end = _stream(nodes, i)
        names: list[tuple[int, str]] = []  # names waiting for their grades, in order
        pillar, found = None, []
        for j, (kind, text, year) in stream:
            if kind == "name":
                names.append((j, text))
                continue
            if not names:
                continue
            _, name = names.pop(0)
            if hit := PILLAR_NAME.match(name):
                pillar = hit.group(1).lower()
                found.append(
                    Grade("overall", name, text, nodes[j].block.page, f"{name} | {text}", year, "graphic", pillar)
                )
            elif (key := area_key(name)) and key != "overall":
                evidence = f"{name} | {text}" + (f" | last inspected {year}" if year else "")
                found.append(Grade(key, name, text, nodes[j].block.page, evidence, year, "graphic", pillar))
        if sum(1 for r in found if r.area == "overall") and len(found) >= 3:
            rows += found
            used.update(range(i, end))
            i = end
        else:
            i += 1
    return rows, used
