"""Page lines and tables from blocks, for the formats whose structure comes first (HTML, Word).

The line-based extractors read ``Page.lines``; these lines are what a careful PDF-to-text tool would give
for the same blocks: a heading on its own line with a blank line before and after (no Markdown ``#``), a
paragraph on one line followed by a blank line, list items as "• text" lines (nested ones indented two
spaces a level), a table as tab-separated lines between blank lines (a cell's own lines joined by a space),
with its rows also in ``Page.tables``.
"""

from __future__ import annotations

from ..model import Block, Page


def _blank(lines: list[str]) -> None:
    if lines and lines[-1] != "":
        lines.append("")


def block_lines(block: Block) -> list[str]:
    """The lines one block gives (no blank lines around it)."""
    if block.kind == "list_item":
        return ["  " * block.level + "• " + block.text.replace("\n", " ")]
    if block.kind == "table":
        return ["\t".join(" ".join(cell.split()) for cell in row) for row in block.rows]
    return [line for line in block.text.split("\n") if line.strip()]


def pages_from_blocks(blocks: list[Block], pages: int = 1) -> list[Page]:
    """Pages 1..max(pages, last block's page), each with the lines and tables of its blocks."""
    count = max([pages] + [b.page for b in blocks])
    out = [Page(number=n, lines=[], tables=[]) for n in range(1, count + 1)]
    previous = None
    for block in blocks:
        page = out[block.page - 1]
        lines = page.lines
        if block.kind != "list_item" or (previous is not None and previous.kind != "list_item"):
            _blank(lines)
        lines.extend(block_lines(block))
        if block.kind == "table":
            page.tables.append([list(row) for row in block.rows])
        previous = block
    for page in out:
        _blank(page.lines)
    return out
