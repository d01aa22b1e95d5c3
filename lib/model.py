"""One document model for every input format: pages, each with its lines and its tables.

Every extractor reads a ``Document`` and nothing else, so a report gives the same answers whether it came
as a PDF, as PDF-to-text output, as Markdown or as an e-mail.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator


class ReadError(Exception):
    """A document that cannot be read. ``str(err)`` is the one-line reason a person understands."""


@dataclass
class Page:
    number: int  # 1-based position in the document (not the number printed on the page)
    lines: list[str]
    # Tables found on the page: each a list of rows, each row a list of cell strings.
    tables: list[list[list[str]]] = field(default_factory=list)


@dataclass
class Document:
    path: str
    source: str  # file name
    format: str  # pdf | text | markdown | email
    sha256: str
    pages: list[Page]
    meta: dict = field(default_factory=dict)  # reader facts (e-mail subject and date, PDF metadata)

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
