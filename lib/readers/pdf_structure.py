"""Blocks of a PDF from how its lines are set: font size and weight, position, and the boxes drawn round them.

While a page is open, ``page_styles`` takes the page's text once in pdfium's character order (character i of
the string is pdfium's character i), splits it into pdfium's lines and gives each its box from the text
rectangles the reader already has. Font size and weight are asked for only where they decide something: the
first character of three lines (the body text size), the first character of the lines that could be headings
(their characters wider than the page's usual, so perhaps larger type; or short lines not ending a sentence)
and, for those set at body size, whether their first and last characters are bold. Never once per character.

``pdf_blocks`` then walks the reader's final lines (furniture dropped, hyphens joined) with those styles:
- heading: a line set larger than the body text (≥ 1.15×), or bold at body size on a short line; consecutive
  lines in the same heading style are one heading (up to three); levels by the distinct heading sizes of the
  document, largest first (bold at body size last), and at least as deep as a section number says ("2.3");
- list item: a bullet ("•", to which the reader turns every bullet glyph) or a number ("1.", "(a)"); depth
  from the item's indent among the indents of the list it is in;
- table: the tab-separated rows the reader made of a ruled table (the rows of ``Page.tables``);
- paragraph: the other lines, joined; a new paragraph after a vertical gap, a short line that ends a
  sentence, or a change of box;
- ``box="box"``: lines inside a rectangle drawn on the page that is not a table (a cause of concern, an
  innovative-practice box).
Every block carries its page and bbox (x0, top, x1, bottom in points, y down) when its lines were placed.

A PDF whose type marks no headings (plain text printed to PDF) is structured as text is (``textblocks``),
known from the styles before any block is built (``unmarked_type``); the few they cannot tell, after.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import Block
from .textblocks import heading_level, list_marker, markdown_heading, text_blocks

LARGER = 1.15  # a heading is set at least this much larger than the body text (or bold at body size)
SHORT = 0.7  # a bold line is a heading candidate when narrower than this share of the page's usual line
MAX_BOLD_HEADING = 90  # characters: a longer line in bold at body size is emphasis, not a heading
WIDE = 1.1  # a line whose characters take this much more room than the page's usual may be set larger

_FOOTNOTE = re.compile(r"^\d{1,3} [A-Z]")  # a footnote as a PDF prints it: its number, a space, the note

# A line's style: (box, size, bold, in_box). box: (left, bottom, right, top) in PDF coordinates or None;
# size: the font size of its first character, 0.0 when not asked (a line that cannot be a heading); bold:
# its first and last characters bold; in_box: inside a drawn box.
NO_STYLE = (None, 0.0, False, False)


@dataclass
class PageStyles:
    texts: list  # the page's lines with text, stripped, in pdfium's order
    places: list  # the box of each, or None
    measured: dict  # index in ``texts`` -> (font size, bold) of the lines whose font was asked for
    boxes: list  # the drawn boxes that are not tables (l, b, r, t)
    width: float  # the usual width of a line of text on the page (its 75th percentile)
    height: float  # page height, to turn y up into y down
    sizes: list  # (font size, characters) of the lines measured for the body size
    index: tuple | None = None  # the page's lines for ``BoundedText.use_lines``: (placed, texts)
    largest: float = 0.0  # the largest font size measured on the page (0.0: none measured)
    largest_bold: float = 0.0  # the largest measured of a line in bold

    def line_styles(self) -> dict:
        """Line text -> [style, ...] in the page's order; made only for a PDF whose type marks headings."""
        lines: dict = {}
        boxes = self.boxes
        for k, (place, text) in enumerate(zip(self.places, self.texts)):
            size, bold = self.measured.get(k, _UNMEASURED)
            in_box = False
            if place is not None and boxes:
                cx, cy = (place[0] + place[2]) / 2, (place[1] + place[3]) / 2
                in_box = any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 for b in boxes)
            style = (place, size, bold, in_box)
            found = lines.get(text)
            if found is None:
                lines[text] = [style]
            else:
                found.append(style)
        return lines


_UNMEASURED = (0.0, False)
EMPTY = PageStyles([], [], {}, [], 0.0, 0.0, [])


def page_styles(full_text: str, rects: list, fonts, page_height: float, clean=lambda s: s) -> PageStyles:
    """The page's lines with their box and, where it matters, their font (see the module's docstring). Its
    drawn boxes (``boxes``) are the table finder's, set after."""
    raw_lines = full_text.split("\r\n")
    cleaned_text = clean(full_text)  # (most pages need no cleaning: then the raw lines are the keys' lines)
    cleaned = raw_lines if cleaned_text is full_text else cleaned_text.split("\n")
    if len(cleaned) != len(raw_lines):
        cleaned = raw_lines
    starts: list[int] = []  # offset of each non-blank line's first visible character
    kept: list[int] = []  # index of each non-blank line among the raw lines
    texts: list[str] = []  # its text, stripped (the key of its styles)
    offset = 0
    for k, (raw, key) in enumerate(zip(raw_lines, cleaned)):
        key = key.strip()
        if key:
            starts.append(offset + len(raw) - len(raw.lstrip()))
            kept.append(k)
            texts.append(key)
        offset += len(raw) + 2
    # Rectangles in character order, grouped into lines where the baseline moves on.
    groups = _line_groups(rects)
    if len(groups) == len(kept):
        places: list = groups
    else:  # pdfium broke lines where the rectangles do not (or the reverse): each line's first character
        places = [_place(fonts.char_box(start), groups) for start in starts]
    widths = sorted([p[2] - p[0] for p in places if p is not None])
    width = widths[int(len(widths) * 0.75)] if widths else 0.0
    short = SHORT * width
    # Larger type shows in the width a character takes: the line's width over its length, against the
    # page's usual (a heading at 13 pt among 10 pt lines takes about 1.3 times as much).
    spreads = [(p[2] - p[0]) / len(text) if p is not None else 0.0 for p, text in zip(places, texts)]
    usual = sorted(spreads)[len(spreads) // 2] if spreads else 0.0
    wide = WIDE * usual
    # The body size: the font of three lines (a third, half and two thirds down the page's text).
    sizes = []
    n = len(places)
    for k in {n // 3, n // 2, 2 * n // 3} if n else ():
        sizes.append((fonts.size(starts[k]), len(texts[k])))
    page_body = max(sizes, key=lambda s: s[1])[0] if sizes else 0.0
    measured: dict = {}
    largest = largest_bold = 0.0
    for k, (place, text, spread) in enumerate(zip(places, texts, spreads)):
        if place is None or spread > wide or (place[2] - place[0] < short and text[-1] not in ".,;:"):
            start = starts[k]
            size, bold = fonts.size(start), False
            if size < LARGER * page_body and len(text) <= MAX_BOLD_HEADING:  # larger type: a heading anyway
                end = start + len(raw_lines[kept[k]].strip()) - 1
                bold = fonts.bold(start) and (end <= start or fonts.bold(end))
            measured[k] = (size, bold)
            if size > largest:
                largest = size
            if bold and size > largest_bold:
                largest_bold = size
    index = None
    if places is groups:  # every line has its own rectangles: the reader may take lines from here
        index = ([(k, p[1] + p[3], p[1], p[3], p[0], p[2]) for k, p in zip(kept, places)], raw_lines)
    return PageStyles(texts, places, measured, [], width, page_height, sizes, index, largest, largest_bold)


def _line_groups(rects: list) -> list[list[float]]:
    """Rectangles in character order, grouped into lines where the baseline moves on: [l, b, r, t] each."""
    groups: list[list[float]] = []
    last = None
    lo = hi = x = 0.0  # twice the current line's bottom - 1 and top + 1 (no halving below); its left - 1
    for q in rects:
        l, b, r, t = q
        if last is not None and lo <= b + t <= hi and l >= x:
            if b < last[1]:
                last[1] = b
                lo = 2 * b - 2
            if r > last[2]:
                last[2] = r
            if t > last[3]:
                last[3] = t
                hi = 2 * t + 2
        else:
            last = [l, b, r, t]
            groups.append(last)
            lo, hi, x = 2 * b - 2, 2 * t + 2, l - 1
    return groups


def _place(char: tuple | None, groups: list) -> tuple | None:
    """A line's box from its first character's: from there to the right end of the rectangles around it."""
    if char is None:
        return None
    l, b, r, t = char
    cy = (b + t) / 2
    for g in groups:
        if g[1] - 1 <= cy <= g[3] + 1 and g[0] - 1 <= l <= g[2] + 1:
            return (l, min(b, g[1]), g[2], max(t, g[3]))
    return (l, b, r, t)


def body_size(pages: list[PageStyles]) -> float:
    """The font size that covers most text: sizes of the lines measured, weighted by their length."""
    counts: Counter = Counter()
    for page in pages:
        for size, chars in page.sizes:
            if size > 0:
                counts[round(size * 2) / 2] += chars
    return counts.most_common(1)[0][0] if counts else 0.0


# ---------------------------------------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------------------------------------


def _find(lines: dict, heads: dict, text: str):
    """The style of one of the reader's lines: by its text, else by its first 24 characters (a line whose
    hyphen the reader joined); each style used once, in the page's order. ``heads`` is filled on the first
    miss."""
    found = lines.get(text)
    if not found:
        if not heads:
            for key, styles in lines.items():
                heads.setdefault(key[:24], []).append(styles)
            heads[""] = []
        for styles in heads.get(text[:24], ()):
            if styles:
                found = styles
                break
        else:
            return NO_STYLE
    return found.pop(0)


_ITEM_STARTS = frozenset("•-–*o(")
_ITEM_SECONDS = frozenset(".)")  # "a." "1)" (not "": a line of one character)


def _could_be_item(text: str) -> bool:
    c = text[0]
    return c in _ITEM_STARTS or c.isdigit() or text[1:2] in _ITEM_SECONDS


def heading_size(style: tuple, text: str, body: float, width: float) -> float:
    """The font size of a heading line, 0.0 for a line that is not one."""
    place, size, bold, _ = style
    if size <= 0 or len(text) > 200:
        return 0.0
    if _could_be_item(text) and list_marker(text):
        return 0.0
    if text.replace(",", "").replace(".", "").replace(" ", "").isdigit():
        return 0.0  # a page number or a figure
    if size >= LARGER * body:
        return size
    if not bold or size < 0.9 * body or text[-1] in ".,;:!":
        return 0.0
    return size if place is None or (place[2] - place[0]) < SHORT * max(width, 1.0) else 0.0


def pdf_blocks(pages_lines: list[list[str]], styles: list[PageStyles]) -> list[Block]:
    """Blocks of a PDF from its final lines and the styles measured while it was open (used up here)."""
    body = body_size(styles) or 10.0
    if unmarked_type(styles, body):  # known from the styles alone: the PDF's own blocks are not built
        return text_blocks(pages_lines)
    blocks: list[Block] = []
    headings: list[tuple[Block, float]] = []
    for number, (lines, page) in enumerate(zip(pages_lines, styles), start=1):
        _page(number, lines, page, body, blocks, headings)
    if unmarked(headings, len(pages_lines)):
        return text_blocks(pages_lines)
    for block in blocks:  # a Markdown heading printed as text: a heading of its level
        if block.kind == "paragraph" and (hit := markdown_heading(block.text)):
            block.kind, block.level, block.text = "heading", hit[0], hit[1]
    sizes = sorted({round(s * 2) / 2 for _, s in headings}, reverse=True)
    for block, size in headings:
        by_size = sizes.index(round(size * 2) / 2) + 1
        by_number = heading_level(block.text, False) if block.text[:1].isdigit() else 0
        block.level = min(6, max(by_size, by_number))
    return join_broken(blocks)


def unmarked(headings: list[tuple[Block, float]], pages: int) -> bool:
    """Whether the type marks no headings: none at all, or none after the cover of a longer document (every
    line set like the body, as a plain text file printed to PDF is). Its structure is then read from how its
    lines stand, as a text file's is (``textblocks``)."""
    return not headings or (pages > 2 and all(block.page == 1 for block, _ in headings))


def unmarked_type(styles: list[PageStyles], body: float) -> bool:
    """Whether ``unmarked`` will hold, seen from the styles before any block is built: no line on a page
    (after the cover of a longer document) is set larger than the body or bold at about body size, so no
    line there can be a heading (``heading_size`` asks that of every heading and more). A PDF printed from
    plain text is then structured once, as text; one this cannot tell is built and asked again."""
    start = 1 if len(styles) > 2 else 0  # (the cover's headings do not count in a longer document)
    return all(page.largest < LARGER * body and page.largest_bold < 0.9 * body for page in styles[start:])


def join_broken(blocks: list[Block]) -> list[Block]:
    """A paragraph that a column or page break cut (it ends mid-sentence and the next paragraph goes on in
    lower case) is one paragraph, on the page where it starts, with where the next page's part starts
    (``Block.breaks``); a footnote printed between the two halves stays where it is."""
    out: list[Block] = []
    for block in blocks:
        if block.kind == "paragraph" and block.text[:1].islower():
            for back in (1, 2):
                if len(out) < back:
                    break
                before = out[-back]
                if back == 2 and not _FOOTNOTE.match(out[-1].text):
                    break
                if (
                    before.kind in ("paragraph", "list_item")
                    and before.box == block.box
                    and block.page - before.page in (0, 1)
                    and before.text[-1:] not in ".!?:;"
                ):
                    if block.page != before.page:  # where the next page's part starts (``Block.breaks``)
                        before.breaks = (*before.breaks, (len(before.text) + 1, block.page))
                    before.text = f"{before.text} {block.text}"
                    block = None
                    break
            if block is None:
                continue
        out.append(block)
    return out


def _page(number: int, lines: list[str], page: PageStyles, body: float, blocks: list, headings: list) -> None:
    height, width = page.height, page.width
    wrap = 0.85 * width  # a line narrower than this that ends a sentence ends its paragraph
    styles = page.line_styles()  # used up here: each style is taken once
    heads: dict = {}
    kind = ""  # of the block being gathered: heading | list_item | paragraph | "" (none)
    parts: list[str] = []
    box = ""
    x0 = top = x1 = bottom = 0.0
    placed = False
    last = NO_STYLE  # style of the previous line
    size_of_heading = 0.0
    item_x = 0.0
    item_number = ""
    indents: list[float] = []
    depth = 0
    table: list[list[str]] = []

    def flush():
        nonlocal kind, parts, placed, table
        if kind and parts:
            bbox = (round(x0, 1), round(height - top, 1), round(x1, 1), round(height - bottom, 1)) if placed else None
            block = Block(kind, " ".join(parts), number, box=box, bbox=bbox)
            if kind == "list_item":
                block.level, block.number = depth, item_number
            elif kind == "heading":
                headings.append((block, size_of_heading))
            blocks.append(block)
        if table:
            blocks.append(Block("table", "\n".join(" | ".join(r) for r in table), number, rows=table))
        kind, parts, placed, table = "", [], False, []

    def extend(place):
        nonlocal x0, top, x1, bottom, placed
        if place is None:
            return
        if not placed:
            x0, bottom, x1, top = place
            placed = True
        else:
            x0, bottom, x1, top = min(x0, place[0]), min(bottom, place[1]), max(x1, place[2]), max(top, place[3])

    for line in lines:
        if "\t" in line:
            if kind:
                flush()
            table.append(line.split("\t"))
            continue
        text = line.strip()
        if not text:
            if kind or table:
                flush()
            last = NO_STYLE
            continue
        if table:
            flush()
        found = styles.get(text)  # (``_find``'s first try, written out: the hot path, once a line)
        style = found.pop(0) if found else _find(styles, heads, text)
        place = style[0]
        in_box = "box" if style[3] else ""
        size = heading_size(style, text, body, width) if style[1] else 0.0
        if size:
            if (
                kind == "heading"
                and abs(size_of_heading - size) < 0.6
                and last[2] == style[2]
                and len(parts) < 3
                and not _gap(last[0], place)
                and (text[0].islower() or not _short(last[0], width, 0.6))  # the heading wraps onto this line
            ):
                parts.append(text)
            else:
                flush()
                kind, parts, box, size_of_heading = "heading", [text], in_box, size
                indents = []
            extend(place)
            last = style
            continue
        c = text[0]  # (``_could_be_item`` written out: the hot path)
        could_be_item = c in _ITEM_STARTS or c.isdigit() or text[1:2] in _ITEM_SECONDS
        marker = list_marker(line) if could_be_item else None
        if marker is not None:
            flush()
            x = place[0] if place is not None else float(marker[0])
            while indents and x < indents[-1] - 3:
                indents.pop()
            if not indents or x > indents[-1] + 3:
                indents.append(x)
            kind, parts, box = "list_item", [marker[2]] if marker[2] else [], in_box
            depth, item_number, item_x = len(indents) - 1, marker[1], x
            extend(place)
            last = style
            continue
        if kind == "list_item" and not parts:  # the text of a bullet printed alone on its line
            item_x = place[0] if place is not None else item_x
        else:
            # (The hot path, once a line: _gap and _short written out.)
            new = kind == "" or kind == "heading" or box != in_box
            if not new:
                above = last[0]
                if above is not None and place is not None:
                    line_height = above[3] - above[1]  # the taller of the two lines, at least 1
                    if place[3] - place[1] > line_height:
                        line_height = place[3] - place[1]
                    if line_height < 1.0:
                        line_height = 1.0
                    gap = above[1] - place[3]
                    new = (
                        gap > 0.8 * line_height
                        or gap < -3 * line_height
                        or (parts[-1][-1] in ".!?:;" and above[2] - above[0] < wrap)
                        or (kind == "list_item" and place[0] < item_x - 2)
                    )
                else:
                    new = parts[-1][-1] in ".!?:;"
            if new:
                flush()
                kind, parts, box = "paragraph", [], in_box
                indents = []
        parts.append(text)
        if place is not None:
            if placed:
                if place[0] < x0:
                    x0 = place[0]
                if place[1] < bottom:
                    bottom = place[1]
                if place[2] > x1:
                    x1 = place[2]
                if place[3] > top:
                    top = place[3]
            else:
                x0, bottom, x1, top = place
                placed = True
        last = style
    flush()


def _gap(above, below) -> bool:
    """A vertical gap between two lines wider than usual within a paragraph, or a jump up (the next column)."""
    if above is None or below is None:
        return False
    line = max(above[3] - above[1], below[3] - below[1], 1.0)
    gap = above[1] - below[3]
    return gap > 0.8 * line or gap < -3 * line


def _short(place, width: float, share: float = 0.85) -> bool:
    return place is None or (place[2] - place[0]) < share * width
