"""The readers behind one protocol: each format is a backend that says whether it reads a file's bytes and
gives the same typed parts of a Document (its pages of lines, its blocks, what it knows of the file), as
docling's format backends do. ``BACKENDS`` is the registry, asked in order; nothing downstream knows which
backend ran. Recovering structure (headings, lists, tables, boxes, page labels) is the backend's job.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Protocol

from ..model import Block, Page, ReadError
from . import text as textreader
from .furniture import furniture
from .layout import pages_from_blocks

_EMAIL_START = (b"from:", b"received:", b"return-path:", b"mime-version:")


@dataclass
class Source:
    """A file's bytes as the backends see them: the bytes, the name, the decoded text when asked for."""

    path: Path
    raw: bytes
    meta: dict = field(default_factory=dict)

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()

    @cached_property
    def text(self) -> str:
        """The bytes decoded (any common encoding, kept in ``meta["encoding"]``)."""
        body, self.meta["encoding"] = textreader.decode(self.raw)
        return body


@dataclass
class Parts:
    """What a backend gives: the format it read, the pages (lines as printed, for what reads a document as a
    whole), the blocks in reading order, and the reader's facts of the file."""

    format: str
    pages: list[Page]
    blocks: list[Block]
    meta: dict


class Backend(Protocol):
    """A format's reader: ``accepts`` looks at the bytes (and the name only where bytes cannot tell text
    formats apart); ``read`` gives the Document's parts or raises ``ReadError`` with a one-line reason."""

    name: str

    def accepts(self, source: Source) -> bool: ...

    def read(self, source: Source) -> Parts: ...


def is_docx(raw: bytes) -> bool:
    """A Word document: a zip holding word/document.xml (other Office zips hold xl/, ppt/, content.xml)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


class PdfBackend:
    name = "pdf"

    def accepts(self, source: Source) -> bool:
        return source.raw.startswith(b"%PDF") or (source.suffix == ".pdf" and b"%PDF" in source.raw[:1024])

    def read(self, source: Source) -> Parts:
        from . import pdf  # pypdfium2 loads only when a PDF is read (pdfplumber only when asked for)

        pages, meta, blocks = pdf.read_pdf(source.path, source.raw)
        return Parts("pdf", pages, blocks, meta)


class WordBackend:
    name = "docx"

    def accepts(self, source: Source) -> bool:
        return source.raw.startswith(b"PK\x03\x04") and is_docx(source.raw)

    def read(self, source: Source) -> Parts:
        from .word import read_word  # python-docx and lxml load only when a Word file is read (~0.1 s)

        blocks, meta = read_word(source.raw)
        if not blocks:
            raise ReadError("no text: the Word document holds no paragraphs or tables with text")
        return Parts("docx", pages_from_blocks(blocks), blocks, meta)


def _html_parts(body: str, fmt: str, meta: dict) -> Parts:
    from .html import html_blocks  # BeautifulSoup loads only when a web page is read (~0.1 s)

    blocks, head = html_blocks(body)
    if not blocks:
        raise ReadError("no text: the web page holds no readable text (only scripts, menus or images)")
    return Parts(fmt, pages_from_blocks(blocks), blocks, {**meta, **{k: v for k, v in head.items() if k not in meta}})


def _text_parts(body: str, fmt: str, meta: dict) -> Parts:
    if not body.strip():
        raise ReadError("no text: the file holds only white space")
    pages = textreader.pages_from_text(body, fmt)
    if fmt == "text" and len(pages) > 1:  # a text export's pages: the numbers printed on them
        for page, label in zip(pages, furniture([p.lines for p in pages])[1]):
            page.label = label
    return Parts(fmt, pages, textreader.blocks_from_text(body, fmt, pages), meta)


class EmailBackend:
    name = "email"

    def accepts(self, source: Source) -> bool:
        if source.suffix == ".eml" or (
            source.suffix in TEXT_SUFFIXES and source.raw[:2048].lstrip().lower().startswith(_EMAIL_START)
        ):
            return True
        return (
            source.suffix in TEXT_SUFFIXES - {".md", ".markdown", ".html", ".htm"}
            and not textreader.looks_like_html(source.text)
            and textreader.looks_like_email(source.text)
        )

    def read(self, source: Source) -> Parts:
        if source.suffix == ".eml" or source.raw[:2048].lstrip().lower().startswith(_EMAIL_START):
            body, meta, is_html = textreader.email_body(source.raw)
        else:  # a message pasted as text: its headers and body as they stand
            body, meta, is_html = source.text, dict(source.meta), False
        return _html_parts(body, "email", meta) if is_html else _text_parts(body, "email", meta)


class HtmlBackend:
    name = "html"

    def accepts(self, source: Source) -> bool:
        return source.suffix in {".html", ".htm"} or (
            source.suffix in TEXT_SUFFIXES - {".md", ".markdown"} and textreader.looks_like_html(source.text)
        )

    def read(self, source: Source) -> Parts:
        return _html_parts(source.text, "html", dict(source.meta))


class MarkdownBackend:
    name = "markdown"

    def accepts(self, source: Source) -> bool:
        return source.suffix in {".md", ".markdown"} or (
            source.suffix in TEXT_SUFFIXES and textreader.looks_like_markdown(source.text)
        )

    def read(self, source: Source) -> Parts:
        return _text_parts(source.text, "markdown", dict(source.meta))


class TextBackend:
    name = "text"

    def accepts(self, source: Source) -> bool:
        return source.suffix in TEXT_SUFFIXES

    def read(self, source: Source) -> Parts:
        return _text_parts(source.text, "text", dict(source.meta))


TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".eml", ".html", ".htm", ""}
# Asked in this order: the first that accepts the bytes reads them.
BACKENDS: list[Backend] = [
    PdfBackend(),
    WordBackend(),
    EmailBackend(),
    HtmlBackend(),
    MarkdownBackend(),
    TextBackend(),
]
