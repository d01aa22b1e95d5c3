"""Figures in tables whose head names the force and England and Wales: table blocks, tables a reader gave as
paragraphs a row a block, and (``figures_scattered``) the 2015-16 tables whose cells a text export scattered."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import forces as F
from ..model import Block, Document
from ..scan import fold
from ..text import block_folds, clean_line
from .figures_common import EW_GATE, SIGNED, figure, num, period_of, slug
from .figures_scattered import scattered_tables

# ---------------------------------------------------------------- tables as blocks
# A table block (ruled in a PDF, <table> in HTML, a Word table, columns of spaces in a text export) whose head
# names the force and England and Wales: each row a label, then the force's figure and theirs. Crime rates
# (per 1,000 population) and outcomes (number and rate, force then England and Wales) are two such tables.
CELL_NUMBER = re.compile(rf"^[£]?(?P<v>{SIGNED})\s*(?P<pct>%)?$")
EW_CELL = re.compile(r"^england and wales$", re.I)
CAPTION = re.compile(r"(?:figure|table) \d+", re.I)


def _cells(row: list[str]) -> list[str]:
    """A row's cells, cleaned; a cell a reader left holding two columns ("Burglary  3.1") is two cells."""
    out = []
    for cell in row:
        out += [c for c in (clean_line(part) for part in re.split(r"\s{2,}|\t", cell)) if c]
    return out


def _columns(head: list[str], force: str | None) -> tuple[list[str], str] | None:
    """What each figure column of a table's head holds ("force", "ew" or "other": a most similar group, a
    year), and the force's name as printed; None unless the head names the force (or "Force") and England
    and Wales once each, or when it names a force other than the report's."""
    names = []
    printed = ""
    for cell in head[1:]:
        if EW_CELL.match(cell):
            names.append("ew")
        elif re.fullmatch(r"(?:the )?force", cell, re.I) or (
            (name := F.canonical(cell)) and (not force or name == force)
        ):
            names.append("force")
            printed = cell
        else:
            names.append("other")
    if names.count("ew") != 1 or names.count("force") != 1:
        return None
    return names, printed


def _head(rows: list[list[str]], force: str | None) -> tuple[list[str], int] | None:
    """A table's head and the index of its last row: a row naming the force and England and Wales, or such a
    head wrapped over the rows under it ("Cumbria" / "Constabulary", "England and" / "Wales"; the wrapped
    lines stand under the last columns, so they are set from the right). None when no head names both."""
    for start in range(min(3, len(rows))):
        head = _cells(rows[start])
        for k in range(start, min(start + 3, len(rows))):
            if k > start:
                more = _cells(rows[k])
                if not more or any(CELL_NUMBER.match(c) for c in more) or len(more) > len(head):
                    break
                offset = len(head) - len(more)
                head = head[:offset] + [f"{a} {b}" for a, b in zip(head[offset:], more)]
            if _columns(head, force):
                return head, k
    return None


def _row_figures(cells: list[str]) -> tuple[str, list[str]] | None:
    """A body row: (label, the figures after it as printed), when it ends in figures and starts in words."""
    k = len(cells)
    while k and CELL_NUMBER.match(cells[k - 1]):
        k -= 1
    label = " ".join(cells[:k]).strip()
    if not label or k == len(cells) or not re.search(r"[A-Za-z]", label):
        return None
    return label, cells[k:]


def _table_kind(head: list[str], caption: str) -> str:
    words = f"{head[0] if head else ''} {caption}"
    if re.search(r"outcome type", words, re.I):
        return "outcomes"
    if re.search(r"rates? per 1,000 population|crime rates?", words, re.I):
        return "crime_rate"
    return "figures"


def _pair(figs: list[str], names: list[str]) -> tuple[str, str] | None:
    """(the force's figure, England and Wales') of a row: by column where the row fills every column, else
    in the head's order of the two where the row prints two figures."""
    if len(figs) == len(names):
        return figs[names.index("force")], figs[names.index("ew")]
    if len(figs) == 2:
        return tuple(figs) if names.index("force") < names.index("ew") else (figs[1], figs[0])
    return None


def _block_rows(kind: str, label: str, figs: list[str], names: list[str], period: str, page: int, ev: str):
    """The figure rows of one body row: the force's figure and England and Wales', or, in an outcomes table,
    four figures (number and rate, each for the force then England and Wales)."""
    clean = re.sub(r"[*†‡]+$", "", label).strip()
    if kind == "outcomes" and len(figs) == 4 and len(names) == 2:
        values = [num(f.lstrip("£")) for f in figs]
        f_num, f_rate, e_num, e_rate = values if names[0] == "force" else values[2:] + values[:2]
        return [
            figure(
                f"outcomes_number_{slug(clean)}",
                f"{clean} (number of outcomes)",
                period,
                "outcomes",
                f_num,
                e_num,
                page,
                ev,
            ),
            figure(
                f"outcomes_rate_{slug(clean)}",
                f"{clean} (rate)",
                period,
                "outcomes per 100 offences",
                f_rate,
                e_rate,
                page,
                ev,
            ),
        ]
    pair = _pair(figs, names)
    if pair is None:
        return []
    value, ew = (num(f.lstrip("£")) for f in pair)
    if kind == "crime_rate":
        unit = "per 1,000 households" if re.search(r"households", clean, re.I) else "per 1,000 population"
        return [figure(f"crime_rate_{slug(clean)}", clean, period, unit, value, ew, page, ev)]
    per = re.search(r"per (?:1,000|100,000|one million|1 million|head)(?: of)? \w+", clean)
    per_text = per.group(0) if per else ""
    if pair[0].endswith("%"):
        unit = "percent change" if re.match(r"change\b", clean, re.I) else "percent"
    elif pair[0].startswith("£"):
        unit = f"£ {per_text}".strip()
    else:
        unit = per_text
    return [figure(slug(period_free(clean)) or "figure", clean, period, unit, value, ew, page, ev)]


def period_free(label: str) -> str:
    return re.sub(r"\b(?:19|20)\d\d(?:/\d\d)?\b(?: to \b(?:19|20)\d\d(?:/\d\d)?\b)?", "", label).strip()


def _evidence(head: list[str], label: str, figs: list[str]) -> str:
    """A row as a reader quotes it: the table's first head cell, the row's label, each figure after the head
    of its column (a head over two figures, number and rate, stands before both)."""
    cols = head[1:]
    per = max(1, len(figs) // max(1, len(cols)))
    heads = [c for c in cols for _ in range(per)] if len(figs) != len(cols) else cols
    return f"{head[0]} | {label} | " + " | ".join(f"{h} {f}" for h, f in zip(heads, figs))


def block_tables(blocks: list[Block], force: str | None) -> list[dict]:
    """Figures of every table block whose head names the force and England and Wales."""
    rows: list[dict] = []
    caption = ""
    for block in blocks:
        if block.kind != "table":
            if block.kind in ("paragraph", "heading") and CAPTION.match(block.text):
                caption = block.text
            continue
        found = _head(block.rows, force)
        if found is None:
            continue
        head, head_at = found
        names = _columns(head, force)[0]
        kind = _table_kind(head, caption)
        period = period_of(head[0], caption)
        for row in block.rows[head_at + 1 :]:
            hit = _row_figures(_cells(row))
            if not hit:
                continue
            label, figs = hit
            evidence = _evidence(head, label, figs)
            rows += _block_rows(kind, label, figs, names, period, block.page, evidence)
        caption = ""
    return rows


ROW_OF_TWO = re.compile(rf"\s*(?P<label>[A-Za-z(].*?)\s+(?P<a>£?{SIGNED}%?)\s+(?P<b>£?{SIGNED}%?)(?=\s+[A-Z(]|\s*$)")


def _rows_of_two(text: str) -> list[list[str]]:
    """The rows of a paragraph made of table rows ("label figure figure", one or several run together),
    else [] (a paragraph that is anything else)."""
    rows, at = [], 0
    for hit in ROW_OF_TWO.finditer(text):
        if hit.start() != at:
            return []
        rows.append([hit.group("label"), hit.group("a"), hit.group("b")])
        at = hit.end()
    return rows if text[at:].strip() == "" else []


@lru_cache(maxsize=1)
def _head_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A head in words, and its end when the force's name is last (a search of which costs far less than
    the head's own, which tries each force's name at each character)."""
    names = F.any_name_pattern()
    head = rf"^(?P<first>.*?)\s*(?:(?P<f1>{names})\s+england and wales|england and wales\s+(?P<f2>{names}))\s*$"
    return re.compile(head, re.I), re.compile(rf"england and wales\s+(?:{names})\s*$", re.I)


def _head_in_words(text: str, force: str | None) -> list[str] | None:
    """A table head a reader gave as one line of words ("Financial position Norfolk England and Wales"): its
    cells (the first cell, then the force and England and Wales in the order printed), else None. The head
    ends in "England and Wales" or in a name after it: a text that does neither is no head."""
    head, name_last = _head_patterns()
    folded = fold(text)
    if "england and wales" not in folded:
        return None
    ends = folded.rstrip().endswith("england and wales") or name_last.search(text)
    hit = ends and head.match(text)
    if not hit:
        return None
    printed = hit.group("f1") or hit.group("f2")
    if force and F.canonical(printed) != force:
        return None
    pair = [printed, "England and Wales"] if hit.group("f1") else ["England and Wales", printed]
    return [hit.group("first").strip() or "Figure", *pair]


def paragraph_tables(doc: Document, force: str | None) -> list[Block]:
    """Tables a reader gave as paragraphs, a row a block: a head in words that ends in the force's name and
    England and Wales, then rows that end in two figures. Each run as a table block for ``block_tables``. Only
    the blocks that print "England and Wales" can be a head."""
    blocks = doc.blocks
    out: list[Block] = []
    taken = 0  # the blocks before this are a table's already
    for i in sorted(block_folds(doc).holding(EW_GATE)):
        if i < taken or blocks[i].kind == "table":
            continue
        head = _head_in_words(clean_line(blocks[i].text), force)
        rows = []
        j = i + 1
        while head and j < len(blocks) and blocks[j].kind != "table":
            found = _rows_of_two(clean_line(blocks[j].text))
            if not found:
                break
            rows += found
            j += 1
        if rows:
            out.append(Block("table", blocks[i].text, blocks[i].page, rows=[head, *rows]))
            taken = j
    return out


def extract_tables(doc: Document, force: str | None = None) -> tuple[list[dict], list[dict]]:
    """Tables as blocks first; then the crime-rate and outcomes tables whose cells a text export scattered
    over blocks (``scattered_tables``); then tables a reader gave as paragraphs, a row a block. Each rule gives
    only the pairs of figures no rule before it gave."""
    rows = block_tables(doc.blocks, force)
    scattered, checks = scattered_tables(doc)
    for more in (scattered, block_tables(paragraph_tables(doc, force), force)):
        pairs = {(r["value"], r["england_wales"]) for r in rows}
        rows += [r for r in more if (r["value"], r["england_wales"]) not in pairs]
    return rows, checks
