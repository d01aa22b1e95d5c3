"""Blocks of Markdown, as converters print it (pandoc, a web page saved as Markdown, a PDF's conversion).

- ``#`` headings (level = number of ``#``; a pandoc attribute ``{#id .class}`` after them dropped);
- ``-``/``*``/``+``/``1.`` list items with their depth from the indent;
- pipe tables, and pandoc's grid tables (``+----+----+`` rules; a cell's wrapped lines joined, the items of a
  list inside a cell one line each);
- a block quote (``> …``) read as Markdown of its own, its blocks in a box (a cause of concern set as a quote);
- pandoc's fenced divs (``::: {.class}``): a site's banner, cookie or consent notice is dropped, a callout's
  or box's content is in a box, any other div's content is read as it stands;
- footnote definitions (``[^1]: …``) out of the text's flow, at its end;
- paragraphs of consecutive lines; a paragraph a moved footnote cut goes on in the next.
"""

from __future__ import annotations

import re

from ..model import Block
from .textblocks import MD_HEADING, Depths, join_cut_paragraphs, join_parts, table_block, table_cells

_ATTRIBUTES = re.compile(r"\s*\{[#.][^}]*\}\s*$")
_FENCE = re.compile(r"^\s*:{3,}\s*(?P<attrs>\{[^}]*\}|[\w-]+)?\s*$")
# A div of the site around the content, not of the report (as the web-page reader drops them).
_SITE_DIV = re.compile(r"banner|cookie|consent|notice|nav|breadcrumb|skip|footer|header|menu", re.I)
_BOX_DIV = re.compile(r"callout|box|panel|aside|concern|highlight|practice", re.I)
_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]]+\]:\s*")
_MD_ITEM = re.compile(r"^(\s*)(?:([-*+])|(\d{1,3})[.)])\s+(.*)$")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_MD_TABLE_SEP = re.compile(r"\s*\|?[\s:|\-]+\|?\s*")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_GRID_RULE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_CELL_ITEM = re.compile(r"^(?:[-*+•]|\d{1,2}[.)])\s+")


def heading_text(text: str) -> str:
    """A heading's text without a pandoc attribute ("Title {#main-content}" is "Title")."""
    return _ATTRIBUTES.sub("", text)


def divs(lines: list[str]) -> list[str]:
    """The lines without the fences of pandoc's divs and without a site div's content; a box div's content
    quoted ("> "), so that it is read as a block quote is, in a box."""
    out: list[str] = []
    stack: list[str] = []  # "drop", "box" or "" for each open div
    for line in lines:
        fence = _FENCE.match(line)
        if fence and (fence.group("attrs") or not stack):
            attrs = fence.group("attrs") or ""
            stack.append("drop" if _SITE_DIV.search(attrs) else "box" if _BOX_DIV.search(attrs) else "")
            continue
        if fence and stack:
            stack.pop()
            continue
        if "drop" in stack:
            continue
        out.append(f"> {line}" if "box" in stack else line)
    return out


def footnotes_last(lines: list[str]) -> list[str]:
    """Footnote definitions ("[^2]: Police recorded crime data…") moved out of the flow to the end."""
    body, notes = [], []
    for line in lines:
        (notes if _FOOTNOTE_DEF.match(line) else body).append(line)
    return body + ([""] + [_FOOTNOTE_DEF.sub("", n) for n in notes] if notes else [])


def grid_rows(lines: list[str]) -> list[list[str]]:
    """The rows of a pandoc grid table (its lines from the first rule to the last): each cell's wrapped lines
    joined, each item of a list inside a cell on a line of its own."""
    rule = lines[0].strip()
    cuts = [i for i, c in enumerate(rule) if c == "+"]
    rows: list[list[str]] = []
    current: list[list[str]] = []
    for line in lines[1:]:
        text = line.strip()
        if _GRID_RULE.match(text):
            if current:
                rows.append([_cell(part) for part in current])
            current = []
            continue
        cells = [text[a + 1 : b] for a, b in zip(cuts, cuts[1:])]
        if not current:
            current = [[] for _ in cells]
        for k, cell in enumerate(cells[: len(current)]):
            current[k].append(cell.rstrip())
    if current:
        rows.append([_cell(part) for part in current])
    return rows


def _cell(lines: list[str]) -> str:
    """A grid cell's text: its wrapped lines joined; a list's items (or paragraphs) one line each."""
    items: list[list[str]] = []
    fresh = True
    for line in lines:
        text = line.strip()
        if not text:
            fresh = True
            continue
        if _CELL_ITEM.match(text) or fresh:
            items.append([_CELL_ITEM.sub("", text)])
        else:
            items[-1].append(text)
        fresh = False
    return "\n".join(" ".join(parts) for parts in items)


def markdown_blocks(pages: list[list[str]], clean) -> list[Block]:
    """Blocks of Markdown pages (raw lines); ``clean`` reduces inline Markdown to the printed text."""
    blocks: list[Block] = []
    depths = Depths()
    for page, raw in enumerate(pages, start=1):
        _page_blocks(divs(footnotes_last(raw)), page, clean, blocks, depths)
    return join_cut_paragraphs(blocks, same_page=True)


def _page_blocks(lines: list[str], page: int, clean, blocks: list[Block], depths: Depths) -> None:
    para: list[str] = []
    item: Block | None = None
    table: list[list[str]] = []

    def flush():
        nonlocal para, item, table
        if item is not None:
            item.text = join_parts([item.text] + [clean(p) for p in para])
            if item.text:
                blocks.append(item)
        elif para:
            text = join_parts([clean(p) for p in para])
            if text:
                blocks.append(Block("paragraph", text, page))
        if table:
            blocks.append(table_block(table, page))
        para, item, table = [], None, []

    i = 0
    while i < len(lines):
        line = lines[i]
        if _QUOTE.match(line):  # a block quote: its own Markdown, in a box
            flush()
            j = i
            while j < len(lines) and (_QUOTE.match(lines[j]) or (lines[j].strip() and j > i)):
                j += 1
            inner: list[Block] = []
            _page_blocks([_QUOTE.sub("", q) for q in lines[i:j]], page, clean, inner, Depths())
            for b in inner:
                b.box = "box"
            blocks.extend(inner)
            i = j
            continue
        if _GRID_RULE.match(line):  # a grid table: to its last rule
            flush()
            j = i + 1
            while j < len(lines) and (lines[j].strip().startswith("|") or _GRID_RULE.match(lines[j])):
                j += 1
            rows = [[clean(c) for c in row] for row in grid_rows(lines[i:j])]
            if rows:
                blocks.append(table_block(rows, page))
            i = j
            continue
        i += 1
        if not line.strip():
            if not table:
                flush()
            continue
        if "\t" in line or (line.strip().startswith("|") and line.count("|") >= 3):
            if not table:
                flush()
            if "\t" in line:
                table.append(table_cells(line))
            elif not _MD_TABLE_SEP.fullmatch(line):
                table.append([clean(c).strip() for c in line.strip().strip("|").split("|")])
            continue
        if table:
            flush()
        m = MD_HEADING.match(line)
        if m:
            flush()
            depths.reset()
            text = clean(heading_text(m.group(2))).strip()
            if text:
                blocks.append(Block("heading", text, page, level=len(m.group(1))))
            continue
        if _MD_RULE.match(line):
            flush()
            continue
        m = _MD_ITEM.match(line)
        if m:
            flush()
            item = Block(
                "list_item",
                clean(m.group(4)).strip(),
                page,
                level=depths.depth(len(m.group(1).expandtabs(4))),
                number=m.group(3) or "",
            )
            continue
        if item is None and not para:
            depths.reset()
        para.append(line)
    flush()
