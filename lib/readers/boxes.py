"""Boxes a text export left as markup: a Markdown blockquote (``> ...``) run into one paragraph, and a fenced
callout (``::: {.callout}`` ... ``:::``) whose fences stand in its first and last blocks.

A saved web page exported by pandoc prints a cause of concern and its recommendations as a blockquote or a
fenced div; a reader that does not know the markup gives one paragraph ("> Cause of concern > > The force
... > > Recommendations > > Within six months, the force should: > > - make sure ...") or blocks with the
fences in them. ``unbox`` gives the blocks the box holds, each marked as standing in a box, so every rule
reads such a box as it reads a PDF's drawn box or an HTML ``<aside>``: the reader (``read_document``) opens
them for every format.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block

QUOTE_MARK = re.compile(r"(?:^|\s)>(?=\s|$)")
ITEM = re.compile(r"^(?:[-*+•]|(?P<n>\d{1,2}|[a-z])[.)])\s+(?P<text>.*)$")
FENCE_OPEN = re.compile(r"^:{3,}\s*(?:\{[^}]*\}|[\w-]+)?\s*")
FENCE_CLOSE = re.compile(r"\s*:{3,}\s*$")
MARKUP = re.compile(r"^#{1,6}\s+|\*\*|__")


def _plain(text: str) -> str:
    """A line without its heading marks and bold marks."""
    return " ".join(MARKUP.sub("", text).replace("**", "").split())


def quoted_lines(text: str) -> list[str]:
    """The lines of a blockquote run into one paragraph: "" for a blank quoted line."""
    return [" ".join(part.split()) for part in QUOTE_MARK.split(text)[1:]]


def quote_blocks(block: Block) -> list[Block]:
    """The paragraphs and list items of a blockquote paragraph, in the box "quote"; a paragraph's wrapped
    lines joined, a list item's too."""
    out: list[Block] = []
    open_ = False  # the last block may take the next line (no blank line between)
    for line in quoted_lines(block.text):
        if not line:
            open_ = False
            continue
        item = ITEM.match(line)
        if item:
            out.append(replace(block, kind="list_item", text=_plain(item.group("text")), number=item.group("n") or ""))
        elif open_ and out:
            out[-1] = replace(out[-1], text=f"{out[-1].text} {_plain(line)}")
        else:
            out.append(replace(block, kind="paragraph", text=_plain(line), level=0))
        open_ = True
    return [replace(b, box="quote", rows=[]) for b in out]


def unbox(blocks: list[Block]) -> list[Block]:
    """The blocks with every blockquote paragraph opened into its blocks and every fenced callout's fences
    taken off (its blocks marked as standing in the box "callout"). Other blocks as they are."""
    out: list[Block] = []
    in_callout = False
    for block in blocks:
        text = block.text
        if block.kind == "heading" and (block.level or 1) <= 2:
            in_callout = False  # a fence never closed ends at the next section
        if block.kind in ("paragraph", "list_item") and text.startswith(">") and QUOTE_MARK.match(text):
            out += quote_blocks(block)
            continue
        opens = block.kind != "table" and FENCE_OPEN.match(text) and text.startswith(":::")
        if opens:
            text = FENCE_OPEN.sub("", text, count=1)
            in_callout = True
        closes = in_callout and FENCE_CLOSE.search(text)
        if closes:
            text = FENCE_CLOSE.sub("", text)
        if in_callout:
            if text:
                out.append(replace(block, text=_plain(text), box=block.box or "callout"))
        else:
            out.append(block)
        if closes:
            in_callout = False
    return out


def has_boxes(blocks: list[Block]) -> bool:
    """Whether any block holds blockquote or callout markup."""
    return any(b.text.startswith((">", ":::")) for b in blocks if b.kind != "table")
