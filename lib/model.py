"""One document model for every input format: typed blocks in reading order, and the pages' lines and tables.

Every extractor reads a ``Document`` and nothing else, so a report gives the same answers whether it came
as a PDF, a saved web page, a Word file, PDF-to-text output, Markdown or an e-mail.

``Document.blocks`` is the structure: headings with a level, paragraphs, list items with their depth and
number, tables with rows of cells, each with its page (and, for a PDF, its box; for a paragraph that runs
over a page break, where each later page's part starts). A heading is known from how it is set (font size
and weight, ``<h2>``, a Word heading style, ``#``), never from its words.
Each block carries its provenance: the page's position in the file, the page number as printed
(``page_label``), and the box on the page where the format has one. ``Page.lines`` keeps the text line by
line, as printed, for what reads a document as a whole (its type, title and date).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, get_args


class ReadError(Exception):
    """A document that cannot be read. ``str(err)`` is the one-line reason a person understands."""


BlockKind = Literal["heading", "paragraph", "list_item", "table"]
BLOCK_KINDS: tuple[str, ...] = get_args(BlockKind)


@dataclass
class Block:
    kind: BlockKind  # checked: a block of any other kind is a reader's bug, refused where it is made
    # The whole text on one line, each run of white space one space (a table: its rows, cells joined by " | ",
    # one row a line): the readers make it so once (``lib.readers.one_line``), the extractors read it as it is.
    text: str
    page: int  # 1-based position of the page it starts on
    level: int = 0  # heading: 1 (title) to 6; list item: depth, 0 at the top level
    number: str = ""  # list item: its number or letter as printed ("1", "a"), "" for a bullet
    rows: list[list[str]] = field(default_factory=list)  # table: rows of cell texts (merged cells repeated)
    box: str = ""  # the callout or box it stands in ("box" when inside a drawn box or an <aside>), else ""
    bbox: tuple[float, float, float, float] | None = None  # PDF: (x0, top, x1, bottom) in points, y down
    page_label: str = ""  # the page's number as printed on it ("12", "iii"), "" where none is printed
    # A paragraph that runs over a page break: (the character of ``text`` where its part on a later page
    # starts, that page), in order; () for a block on one page.
    breaks: tuple[tuple[int, int], ...] = ()

    def __post_init__(self):
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"a block of unknown kind {self.kind!r}: one of {', '.join(BLOCK_KINDS)}")


@dataclass
class Page:
    number: int  # 1-based position in the document (not the number printed on the page)
    lines: list[str]
    # Tables found on the page: each a list of rows, each row a list of cell strings.
    tables: list[list[list[str]]] = field(default_factory=list)
    label: str = ""  # the page's number as printed on it, "" where none is printed (lib.readers.furniture)


@dataclass
class Prose:
    """A document's paragraphs and sentences as ``lib.text`` makes them of its blocks (blocks that go on with a
    sentence joined, sentences cut), made once and kept with the Document in its cache. ``key``: the rules'
    that made them (``lib.text.PROSE_KEY``); prose made by other rules is made again."""

    key: str
    paragraphs: list[tuple[int, str]]  # (page, text)
    sentences: list[tuple[int, str]]  # (page, text): ``lib.text.Sentence``
    # The sentences' texts and the blocks' texts, each folded to lower case and joined by line breaks once
    # (``lib.scan.Folds``): the rules search them whole for the few sentences or blocks that print their words.
    sentences_folded: str = ""
    blocks_folded: str = ""


@dataclass
class Document:
    path: str
    source: str  # file name
    format: str  # pdf | html | docx | text | markdown | email
    sha256: str
    pages: list[Page]
    meta: dict = field(default_factory=dict)  # reader facts (e-mail subject and date, PDF metadata, encoding)
    blocks: list[Block] = field(default_factory=list)  # the structure, in reading order
    prose: Prose | None = None  # its paragraphs and sentences, once made (``lib.text.prose``)

    def lines(self) -> Iterator[tuple[int, str]]:
        """Every line of the document with its page number."""
        for page in self.pages:
            for line in page.lines:
                yield page.number, line

    @property
    def text(self) -> str:
        return "\n".join(line for _, line in self.lines())

    def tables(self) -> Iterator[tuple[int, list[list[str]]]]:
        for page in self.pages:
            for table in page.tables:
                yield page.number, table
