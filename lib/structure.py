"""The section tree over ``Document.blocks``: every block with the headings it stands under.

A heading opens a section at its level and closes every open section at that level or deeper; a block's
heading path is the chain of open headings, outermost first. Extractors walk sections (the blocks under a
heading until a heading of the same or a higher level) and ask which area a block belongs to (the nearest
enclosing heading that names one), so no extractor guesses a section from the wording of a line.
"""

from __future__ import annotations

from collections.abc import Callable

from .model import Block, Document


class Node:
    """One block in reading order, with its position and the headings above it (outermost first; a heading's
    own path does not hold itself). Its block's kind and text are kept on it: every rule asks them of every
    block."""

    __slots__ = ("index", "block", "path", "kind", "text")

    def __init__(self, index: int, block: Block, path: tuple[Block, ...]):
        self.index, self.block, self.path = index, block, tuple(path)
        self.kind, self.text = block.kind, block.text

    def __repr__(self) -> str:
        return f"Node({self.index}, {self.block!r}, {len(self.path)} headings above)"


def outline(blocks: list[Block]) -> list[Node]:
    """Every block with its heading path."""
    nodes: list[Node] = []
    open_: list[Block] = []
    path: tuple[Block, ...] = ()  # the open headings, shared by every block under them
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            level = max(1, block.level or 1)
            while open_ and max(1, open_[-1].level or 1) >= level:
                open_.pop()
            nodes.append(Node(i, block, tuple(open_)))
            open_.append(block)
            path = tuple(open_)
        else:
            nodes.append(Node(i, block, path))
    return nodes


def document_outline(doc: Document) -> list[Node]:
    """``outline`` of a document's blocks, computed once per document object."""
    if "_outline" not in doc.__dict__:
        doc.__dict__["_outline"] = outline(doc.blocks)
    return doc.__dict__["_outline"]


def section(nodes: list[Node], i: int) -> list[Node]:
    """The blocks under heading ``nodes[i]`` (sub-sections included), up to the next heading of the same or
    a higher level. For a block that is not a heading: the blocks after it up to the next heading."""
    head = nodes[i].block
    level = max(1, head.level or 1) if head.kind == "heading" else 99
    out: list[Node] = []
    for node in nodes[i + 1 :]:
        b = node.block
        if b.kind == "heading" and (max(1, b.level or 1) <= level or head.kind != "heading"):
            break
        out.append(node)
    return out


def own_blocks(nodes: list[Node], i: int) -> list[Node]:
    """The blocks directly under heading ``nodes[i]``, before its first sub-heading."""
    out: list[Node] = []
    for node in nodes[i + 1 :]:
        if node.block.kind == "heading":
            break
        out.append(node)
    return out


def list_items_under(nodes: list[Node], i: int) -> list[Node]:
    """The list items of the section a heading opens (sub-sections included), in order."""
    return [n for n in section(nodes, i) if n.block.kind == "list_item"]


def enclosing(node: Node, names: Callable[[str], str | None], outermost: bool = False) -> tuple[str, Block] | None:
    """The nearest (or the outermost) heading above a block that ``names`` gives a key for, with that key."""
    path = node.path if outermost else tuple(reversed(node.path))
    for heading in path:
        key = names(heading.text)
        if key:
            return key, heading
    return None


def area_of(node: Node, names: Callable[[str], str | None]) -> str | None:
    """The area a block belongs to: the key of the nearest enclosing heading that names one (a heading's own
    text counts for the heading itself)."""
    if node.block.kind == "heading" and (key := names(node.block.text)):
        return key
    hit = enclosing(node, names)
    return hit[0] if hit else None
