"""Page furniture: the running heads, running footers and bare page numbers that repeat across a document's
pages, and the page numbers as printed (a page's label: "iii", "12"), read from the pages' lines of any format
(a PDF's, a text export's pages between form feeds)."""

from __future__ import annotations

import re
from collections import Counter

EDGE_LINES = 3  # running heads and footers are looked for among a page's first and last lines
_BARE_PAGE_NUMBER = re.compile(r"^(?:page\s+)?(\d{1,4})(?:\s+(?:of|/)\s+\d{1,4})?$", re.I)
_DIGITS = re.compile(r"\d+")


def _norm(line: str) -> str:
    return " ".join(_DIGITS.sub("#", line.lower()).split())


def drop_furniture(pages: list[list[str]]) -> list[list[str]]:
    """The pages without their running heads, running footers and bare page numbers (``furniture``)."""
    return furniture(pages)[0]


def furniture(pages: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """The pages without the running heads, running footers and bare page numbers that repeat across pages,
    and each page's number as printed ("" where none is printed or the numbers follow no order).

    A line among a page's first or last few counts as furniture when the same line (digits aside) stands
    there on at least half of the pages (three at least; both pages of a two-page document). A bare number
    counts only when it is the outermost number at the top or bottom of the page and follows the page order
    (printed number = position + a constant, on as many pages), so a footnote marker "1" stays.
    """
    n = len(pages)
    if n < 2:
        return pages, [""] * n

    sides = [_edges(lines) for lines in pages]  # (top, bottom) indexes of each page
    norms: dict[str, str] = {}  # _norm of each edge line, worked out once

    def norm(line: str) -> str:
        found = norms.get(line)
        if found is None:
            found = norms[line] = _norm(line)
        return found

    counts: Counter = Counter()
    for lines, (top, bottom) in zip(pages, sides):
        counts.update({norm(lines[i]) for i in top + bottom if not _BARE_PAGE_NUMBER.match(lines[i].strip())})
    threshold = n if n < 4 else max(3, (n + 1) // 2)
    furniture = {k for k, c in counts.items() if c >= threshold and 3 <= len(k) <= 200}

    def outer_numbers(lines, edges):
        """Index and value of a bare number standing outermost at the top or the bottom of a page (only
        running heads or feet beyond it)."""
        found = []
        for side in edges:
            for i in side:
                m = _BARE_PAGE_NUMBER.match(lines[i].strip())
                if m:
                    found.append((i, int(m.group(1))))
                    break
                if norm(lines[i]) not in furniture:
                    break
        return found

    numbers = [outer_numbers(lines, edges) for lines, edges in zip(pages, sides)]
    offsets: Counter = Counter()
    for number, found in enumerate(numbers, start=1):
        offsets.update({value - number for _, value in found})
    offset, hits = offsets.most_common(1)[0] if offsets else (None, 0)
    out, labels = [], []
    for number, (lines, (top, bottom), found) in enumerate(zip(pages, sides, numbers), start=1):
        printed = [value for _, value in found if value - number == offset] if hits >= threshold else []
        # A page that prints no number between numbered ones (a full-page figure) takes the number it would
        # print; pages before the numbering starts (a cover, the contents) have none.
        inferred = number + offset if hits >= threshold and number + offset >= 1 else None
        labels.append(str(printed[0]) if printed else (str(inferred) if inferred else ""))
        drop = {i for i in top + bottom if norm(lines[i]) in furniture}
        if hits >= threshold:
            drop |= {i for i, value in found if value - number == offset}
        if drop:  # a few lines at the edges: taken out of a copy, from the last, not the copy filtered
            lines = list(lines)
            for i in sorted(drop, reverse=True):
                del lines[i]
        out.append(lines)
    return out, labels


def _edges(lines: list[str]) -> tuple[list[int], list[int]]:
    """Indexes of a page's first and of its last few lines with text (EDGE_LINES each; they may overlap)."""
    top = []
    for i, line in enumerate(lines):
        if line.strip():
            top.append(i)
            if len(top) == EDGE_LINES:
                break
    bottom = []
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip():
            bottom.append(i)
            if len(bottom) == EDGE_LINES:
                break
    return top, bottom
