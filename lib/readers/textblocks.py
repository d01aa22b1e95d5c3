"""Blocks (headings, paragraphs, list items, tables) from the lines of plain text and Markdown.

Plain text is what PDF-to-text tools give: nothing marks a heading but how it stands. Here a heading is a
short line (or two or three short lines) standing alone: after a blank line, a page start or the end of a
sentence; before a blank line, a bullet, a short line or a new sentence; not ending in sentence punctuation
(a question mark is allowed: PEEL's headings are questions); not a list item. Its level comes from its
numbering ("2." level 1, "2.3" level 2), else 2, and 1 for the title at the very start of the document.
List items start with a bullet glyph or a number ("1.", "(a)", "a)", "iv)"); their depth is the rank of
their indent among the indents of the list they are in. Wrapped lines join into one paragraph; a short line
that ends a sentence ends it. Tab-separated lines make tables, and so do lines a layout export printed in
columns of spaces: by the gaps between cells when each line is a full row, else by position under a header
line of cells (a cell wrapped over lines, cells left empty: the 2021/22 grade graphic).

Markdown: ``#`` headings (level = number of ``#``), ``-``/``*``/``+``/``1.`` list items (depth from the
indent), pipe tables, paragraphs of consecutive lines.
"""

from __future__ import annotations

import re

from ..model import Block
from ..vocab import BULLET_GLYPHS, CID_BULLET, DASH_BULLETS, PUA_BULLETS
from .spaced_tables import positional_table, spaced_cells

# Bullet glyphs at the start of a line: those PDF-to-text tools leave (the reader normalises most to "•").
_BULLET = re.compile(rf"^(\s*)(?:[{BULLET_GLYPHS}{PUA_BULLETS}]|{re.escape(CID_BULLET)}|[{DASH_BULLETS}o](?=\s))\s*")
# Numbers and letters of list items: "1." "1)" "(1)" "(a)" "a)" "a." "(iv)" "iv)".
_NUMBER = re.compile(r"^(\s*)\(?(\d{1,2}|[a-z]|[ivx]{1,5})[.)](?=\s+\S)\s*|^(\s*)\((\d{1,2}|[a-z]|[ivx]{1,5})\)\s+")
_SECTION_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?=[A-Z])")
_SENTENCE_END = re.compile(r"[.!:;,]['’”)]?$")
_ENDS_SENTENCE = re.compile(r"[.!?:;]['’”)]?$")
_STOPS, _CLOSERS = frozenset(".!?:;"), frozenset("'’”)")

MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")

MAX_HEADING_WORDS = 20
MAX_HEADING_LINES = 3


def _ends_sentence(text: str) -> bool:
    """``_ENDS_SENTENCE`` on a right-stripped text, without the pattern (asked of most lines): it ends in a
    stop, or in a quote or bracket after one."""
    last = text[-1:]
    return last in _STOPS or (last in _CLOSERS and text[-2:-1] in _STOPS)


# What a layout export prints besides wrapped prose: dot leaders (a contents page), wide gaps (columns, a table).
_NOT_PROSE = re.compile(r"\.{4,}|…{2,}|\S {3,}\S")


def _not_prose(line: str) -> bool:
    """A contents line's dot leaders or a table's spaced columns (``_NOT_PROSE``). Most lines are passed over
    without the pattern: they hold neither dots nor three spaces in a row (an indent of three is passed to the
    pattern, which does not take it)."""
    return ("...." in line or "……" in line or "   " in line) and bool(_NOT_PROSE.search(line))


def _width(lines: list[str]) -> int:
    """The wrap width of the text: the 90th percentile of the lengths of its longer lines of prose (a contents
    page's dot leaders and a table's spaced columns run past the margin the prose wraps at)."""
    # (Each line right-stripped once: what ``_not_prose`` looks for never ends in white space.)
    lengths = sorted([len(s) for s in map(str.rstrip, lines) if len(s.lstrip()) >= 20 and not _not_prose(s)])
    return lengths[int(len(lengths) * 0.9)] if lengths else 80


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


# What a list item's first visible character can be (besides a digit or a lower-case letter): most lines
# start otherwise and are passed over without the two patterns.
_MARKER_FIRST = frozenset(BULLET_GLYPHS + PUA_BULLETS + "(-–*")


def list_marker(line: str) -> tuple[int, str, str] | None:
    """(indent, number, text) of a list item line ("" number for a bullet), or None."""
    start = line.lstrip()[:2]  # (``lstrip`` and the patterns' ``\s`` take the same characters for white space)
    c, d = start[:1], start[1:]
    if "a" <= c <= "z":  # a letter "a." "b)", a numeral "iv)", a bullet "o ": not a word ("the", "our")
        if not (d in ".)" or d.isspace() or (c in "ivx" and d in "ivx")):
            return None
    elif not (c in _MARKER_FIRST or c.isdigit()):
        return None
    m = _BULLET.match(line)
    if m:
        return len(m.group(1).expandtabs(4)), "", line[m.end() :].strip()
    m = _NUMBER.match(line)
    if m:
        indent = m.group(1) if m.group(1) is not None else m.group(3)
        number = m.group(2) or m.group(4)
        if _SECTION_NUMBER.match(line.strip()) and not line.strip()[len(number) + 1 :].strip().endswith("."):
            return None  # "2. Findings" is a numbered heading, not an item (decided by the caller)
        return len(indent.expandtabs(4)), number, line[m.end() :].strip()
    return None


def markdown_heading(line: str) -> tuple[int, str] | None:
    """(level, text) of a line that is a Markdown heading ("### **Areas for improvement**"), else None."""
    hit = MD_HEADING.match(line)
    if not hit or not hit.group(2).strip("* "):
        return None
    return len(hit.group(1)), hit.group(2).strip("* ")


# A list's heading that a re-flowing tool ran onto the sentence before it.
_GLUED = re.compile(r"^(?:(?P<before>.*?[.!?]['’”)]?)\s+)?(?P<heading>[A-Z][A-Za-z’' -]{2,60})$")
MAX_GLUED_HEADING_WORDS = 6


def glued_heading(text: str) -> tuple[str, str] | None:
    """(the paragraph, the heading) of a paragraph whose last words, after its last sentence, are a short
    heading run onto it (a list follows), else None."""
    hit = _GLUED.match(text.strip())
    if not hit or not hit.group("before") or len(hit.group("heading").split()) > MAX_GLUED_HEADING_WORDS:
        return None
    return hit.group("before"), hit.group("heading").strip()


def heading_level(text: str, first: bool) -> int:
    """1 for the document's title; from the numbering ("2." 1, "2.3" 2); else 2."""
    m = _SECTION_NUMBER.match(text)
    if m:
        return min(6, m.group(1).count(".") + 1)
    return 1 if first else 2


class Depths:
    """Depth of list items from their indents: the rank of the indent among those of the current list."""

    def __init__(self):
        self.indents: list[int] = []

    def reset(self):
        self.indents = []

    def depth(self, indent: int) -> int:
        while self.indents and indent < self.indents[-1] - 1:
            self.indents.pop()
        if not self.indents or indent > self.indents[-1] + 1:
            self.indents.append(indent)
        return len(self.indents) - 1


def single_spaced(text: str) -> bool:
    """Whether a text's only white space is single spaces between words (the space is the one printable white
    space): such a text is on one line already, as ``" ".join(text.split())`` would give it."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


# A part that ends in a hyphen, and another part after it.
_PART_HYPHEN = re.compile(r"-[^\S\n]*\n")


def join_parts(parts: list[str]) -> str:
    """The parts (lines) joined by single spaces; a part after one ending in a hyphen goes on it with no space
    when it starts in upper case ("Dyfed-" + "Powys")."""
    joined = " ".join(parts)
    if "-" not in joined or not _PART_HYPHEN.search("\n".join(parts)):  # (most paragraphs: one pass in C)
        return joined if single_spaced(joined) else " ".join(joined.split())
    text = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not text:
            text = part
        elif text.endswith("-") and not text.endswith(" -") and part[:1].isupper():
            text += part  # "Dyfed-" + "Powys"
        else:
            text += " " + part
    return " ".join(text.split())


def _next_text(lines: list[str], i: int) -> str:
    """The next line after ``lines[i]`` (the very next: a blank line ends a table printed in spaces)."""
    return lines[i + 1] if i + 1 < len(lines) else ""


def table_cells(line: str) -> list[str]:
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell)).strip() for cell in line.split("\t")]


def table_block(rows: list[list[str]], page: int) -> Block:
    return Block("table", "\n".join(" | ".join(r) for r in rows), page, rows=rows)


# ---------------------------------------------------------------------------------------------------------
# Plain text
# ---------------------------------------------------------------------------------------------------------


def text_blocks(pages: list[list[str]], unwrapped: bool | None = None) -> list[Block]:
    """Blocks of plain text pages (lines as the reader keeps them). ``unwrapped``: one paragraph a line
    (e-mail bodies, Markdown-like exports); guessed from the line lengths when None."""
    all_lines = [line for lines in pages for line in lines]
    width = _width(all_lines)
    if unwrapped is None:
        unwrapped = width > 130
    blocks: list[Block] = []
    depths = Depths()
    for number, lines in enumerate(pages, start=1):
        _page_blocks(lines, number, width, unwrapped, blocks, depths, first_page=number == 1)
    return join_cut_paragraphs(blocks)


def _short(line: str, width: int) -> bool:
    return len(line.strip()) < 0.75 * width or len(line.strip()) <= 60


def _may_head(line: str, prev: str | None) -> bool:
    """``_is_heading``'s first tests, the cheapest, which most lines fail whatever the heading's length: the
    line starts as a heading can, and the line before does not go on into it. (The patterns anchored at the
    end are run on the last characters only: a match is at most two long.)"""
    first = line.lstrip()[:1]
    if not first or not (first.isupper() or first.isdigit() or first in "‘'\"“("):
        return False
    before = prev.strip() if prev is not None else ""
    return not before or _ends_sentence(before)


def _is_heading(lines: list[str], i: int, n_lines: int, prev: str | None, width: int) -> bool:
    """Whether lines[i : i + n_lines] is a heading standing alone."""
    if not _may_head(lines[i], prev) or not _may_follow(lines[i + n_lines] if i + n_lines < len(lines) else ""):
        return False
    group = [line.strip() for line in lines[i : i + n_lines]]
    text = " ".join(group)
    if _SENTENCE_END.search(text[-2:]) or "\t" in "".join(lines[i : i + n_lines]):
        return False
    question = text.endswith("?") and not _SECTION_NUMBER.match(text)  # (a numbered one is a list's item)
    if not question and not all(_short(g, width) for g in group):
        return False  # (a question standing alone heads its section however long: PEEL's headings are questions)
    if len(text.split()) > MAX_HEADING_WORDS or any(list_marker(line) for line in lines[i : i + n_lines]):
        return False
    if any(_ends_sentence(g) for g in group[:-1]) or any(not g[:1].islower() for g in group[1:]):
        return False  # a wrapped heading goes on in lower case
    return not text.replace(",", "").replace(".", "").replace(" ", "").isdigit()  # a page number or a figure


def _may_follow(after: str) -> bool:
    """Whether a heading can stand before this line: a blank line, a list's item or a new sentence."""
    first = after.lstrip()[:1]
    return not first or first.isupper() or first.isdigit() or first in "‘'\"“£" or list_marker(after) is not None


MAX_RUN_IN_HEADING_WORDS = 8
_SENTENCE_LAST = ".!?:;'’”)"  # the last character of a line that ends a sentence (``_ENDS_SENTENCE``)


def _heading_after_sentence(para: list[str], lines: list[str], i: int, width: int) -> bool:
    """A short heading printed straight after the line that ends a paragraph, with no blank line between
    (a PDF's lines, where only the space between them marked the break): the paragraph so far ends a
    sentence, and the line stands as a heading before a list, a blank line or a new sentence."""
    return (
        _ends_sentence(para[-1].rstrip())
        and len(lines[i].split()) <= MAX_RUN_IN_HEADING_WORDS
        and _is_heading(lines, i, 1, para[-1], width)
    )


def _chunk_widths(lines: list[str], width: int) -> list[int]:
    """For each line, the wrap width of the run of non-blank lines it stands in (narrow panels and columns
    wrap shorter than the page): the longest line of a run of three or more lines, else the page's."""
    out = [width] * len(lines)
    start = 0  # of the current run (a blank line or a table's row ends one)
    for k, line in enumerate([*lines, ""]):
        if line.strip() and "\t" not in line:
            continue
        if k - start >= 3:
            local = min(width, max(map(len, map(str.rstrip, lines[start:k]))))
            out[start:k] = [local] * (k - start)
        start = k + 1
    return out


def _wrapped(lines: list[str], i: int) -> int:
    """How many lines a heading starting at ``lines[i]`` may take: a heading wrapped over lines goes on in
    lower case (up to MAX_HEADING_LINES), so the longest it can be is the line and those after it that do."""
    size = 1
    while size < MAX_HEADING_LINES and i + size < len(lines) and lines[i + size].lstrip()[:1].islower():
        size += 1
    return size


def _page_blocks(lines, page, page_width, unwrapped, blocks, depths, first_page):
    i, n = 0, len(lines)
    widths = _chunk_widths(lines, page_width)
    prev: str | None = None  # the line before the current one ("" blank, None page start)
    table: list[list[str]] = []
    item: Block | None = None
    para: list[str] = []

    def flush():
        nonlocal para, table, item
        if para:
            text = join_parts(para)
            if item is not None:
                item.text = join_parts([item.text, text])
            else:
                blocks.append(Block("paragraph", text, page))
            para = []
        if item is not None:
            if item.text:
                blocks.append(item)
            item = None
        if table:
            blocks.append(table_block(table, page))
            table = []

    while i < n:
        line = lines[i]
        stripped = line.strip()
        width = widths[i]
        if "\t" in line and stripped:
            if not table:
                flush()
            table.append(table_cells(line))
            prev = line
            i += 1
            continue
        if not table and "  " in stripped and (found := positional_table(lines, i)):
            flush()
            blocks.append(table_block(found[0], page))
            prev = lines[found[1] - 1]
            i = found[1]
            continue
        if "   " in stripped and (cells := spaced_cells(line)) and (table or spaced_cells(_next_text(lines, i))):
            if not table:  # a table a layout export printed in columns of spaces: two such lines or more
                flush()
            table.append(cells)
            prev = line
            i += 1
            continue
        if not stripped:
            if not table:  # blank lines inside a table are allowed
                if para or item is not None:
                    flush()
            i += 1
            prev = ""
            continue
        if table:
            flush()
        if "#" in line and (hit := markdown_heading(line)):  # a Markdown heading printed as text (a PDF from one)
            flush()
            depths.reset()
            blocks.append(Block("heading", hit[1], page, level=hit[0]))
            prev = ""
            i += 1
            continue
        marker = list_marker(line)
        if marker is not None:
            if para and item is None:
                flush()
            last = blocks[-1] if blocks and prev and blocks[-1].page == page else None
            if last is not None and last.kind == "paragraph" and (glued := glued_heading(last.text)):
                last.text = glued[0]  # "... prosecutions. Areas for improvement" then the list it heads
                depths.reset()
                blocks.append(Block("heading", glued[1], page, level=heading_level(glued[1], False)))
            flush()
            indent, number, text = marker
            item = Block("list_item", text, page, level=depths.depth(indent), number=number)
            if not text:  # a bullet alone on its line: its text follows (after a blank line perhaps)
                j = i + 1
                while j < n and not lines[j].strip():
                    j += 1
                i = j
                prev = line
                if j < n and list_marker(lines[j]) is None and "\t" not in lines[j]:
                    para = [lines[j]]
                    if unwrapped or _ends_paragraph(lines[j], widths[j], lines[j + 1] if j + 1 < n else ""):
                        flush()
                    i = j + 1
                    prev = lines[j]
                continue
            para = []
            if unwrapped or _ends_paragraph(line, width, lines[i + 1] if i + 1 < n else "", item=True):
                blocks.append(item)
                item = None
            prev = line
            i += 1
            continue
        if not para or (para[-1].rstrip()[-1:] in _SENTENCE_LAST and _heading_after_sentence(para, lines, i, width)):
            heading = 0
            for size in range(_wrapped(lines, i), 0, -1) if _may_head(line, prev) else ():
                if _is_heading(lines, i, size, prev, width):
                    heading = size
                    break
            if heading:
                flush()
                depths.reset()
                text = join_parts(lines[i : i + heading])
                first = first_page and not any(b.kind == "heading" for b in blocks) and len(blocks) <= 1
                blocks.append(Block("heading", text, page, level=heading_level(text, first)))
                prev = lines[i + heading - 1]
                i += heading
                continue
            if item is None:
                depths.reset()
        para.append(line)
        if unwrapped or _ends_paragraph(line, width, lines[i + 1] if i + 1 < n else "", item=item is not None):
            flush()
        prev = line
        i += 1
    flush()


# A line that runs on: it stops at a comma or a word that cannot end a sentence.
_RUN_ON_WORDS = "and or the of to in for with that a an by on are is was were be from at as".split()
_RUNS_ON = re.compile(rf"(?:[,\w]-|,|\b(?:{'|'.join(_RUN_ON_WORDS)}))$")
_RUN_ON_WORD = frozenset(_RUN_ON_WORDS)


def _runs_on(line: str) -> bool:
    """``_RUNS_ON`` on a right-stripped line. Most lines end in a word after a space: then whether it is one
    of the words, without the pattern (a word of letters alone is the whole run of word characters the
    pattern's word boundary asks for)."""
    word = line.rpartition(" ")[2]
    if word.isalpha():
        return word in _RUN_ON_WORD
    # (The pattern is run on the last characters only: a match is at most four long, and its word boundary
    # needs the character before.)
    return _RUNS_ON.search(line[-6:]) is not None


def _ends_paragraph(line: str, width: int, nxt: str = "", item: bool = False) -> bool:
    """A line that ends its paragraph: short, or ending a sentence well short of the margin; never a line that
    runs on into a next line starting in lower case (text re-wrapped narrower than the page: "... calls are" /
    "answered within ten seconds," / "in line with national standards;"); a list item's line always runs on
    into a lower-case line that is not an item of its own ("identify vulnerability;" / "and")."""
    s = line.rstrip()
    if nxt.strip()[:1].islower():
        runs_on = item or _runs_on(s)  # an item goes on into a line that starts in lower case
        if runs_on and list_marker(nxt) is None:
            return False
    if item and nxt[:1].isupper() and _ends_sentence(s):
        return True  # an item's sentence ends at the margin and a line at the margin starts anew
    if len(s) < 0.6 * width:
        return True
    return len(s) < 0.85 * width and _ends_sentence(s)


def join_cut_paragraphs(blocks: list[Block], same_page: bool = False) -> list[Block]:
    """A paragraph cut by a page break (it does not end a sentence; the next page goes on in lower case)
    is one paragraph, on the page where it starts, with where the next page's part starts (``Block.breaks``).
    ``same_page``: also a paragraph cut on its page and going on in lower case or with a number (Markdown,
    where a page's footnotes, moved out, left a blank line)."""
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if (
            last is not None
            and block.kind == "paragraph"
            and last.kind in ("paragraph", "list_item")
            and (block.page == last.page + 1 or (same_page and block.page == last.page))
            and (block.text[:1].islower() or (same_page and block.text[:1].isdigit()))
            and not _ENDS_SENTENCE.search(last.text)
        ):
            if block.page != last.page:  # where the part on the next page starts (``join_parts``: one space)
                last.breaks = (*last.breaks, (len(last.text) + 1, block.page))
            last.text = join_parts([last.text, block.text])
            continue
        out.append(block)
    return out
