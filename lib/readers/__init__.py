"""Read any supported file into a ``Document`` with the backend that reads its bytes (``backends.BACKENDS``);
anything else raises ``ReadError`` with a one-line reason: what the file is and what to do."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import NoReturn

from ..model import Block, Document, Page, ReadError
from ..privacy import may_hold_contact, redact
from .backends import BACKENDS, Backend, Source
from .boxes import has_boxes, unbox
from .textblocks import single_spaced

UNSUPPORTED = {
    b"PK\x03\x04": "a zip container that is not a Word document (Excel, PowerPoint, OpenDocument, an archive): "
    "save it as PDF, Word or text",
    b"\x89PNG": "an image (PNG): OCR is not supported, use the PDF with its text layer",
    b"\xff\xd8\xff": "an image (JPEG): OCR is not supported, use the PDF with its text layer",
    b"GIF8": "an image (GIF): OCR is not supported",
    b"II*\x00": "an image (TIFF): OCR is not supported",
    b"MM\x00*": "an image (TIFF): OCR is not supported",
    b"\xd0\xcf\x11\xe0": "an old Office file (.doc/.xls) or a password-protected one: save it as .docx, PDF or text",
    b"{\\rtf": "a rich-text (.rtf) file: save it as PDF or text",
}


# A footnote's number run into the last letters of a heading's word, before a colon, a capital or the end.
_HEADING_FOOTNOTE = re.compile(r"(?<=[a-z]{3})\d{1,2}(?=:|\s+[A-Z]|\s*$)")


def refuse(path: Path, head: bytes) -> NoReturn:
    """Raise ReadError, with what the file is and what to do, for bytes no backend reads."""
    suffix = path.suffix.lower()
    for magic, what in UNSUPPORTED.items():
        if head.startswith(magic):
            raise ReadError(f"unsupported format: {what}")
    if suffix == ".pdf":
        if not head:
            raise ReadError("empty file (0 bytes)")
        raise ReadError("not a PDF: the file is named .pdf but has no PDF header (damaged or another format)")
    if suffix == ".docx":
        raise ReadError("damaged Word document: the file is named .docx but is not a Word (zip) container")
    raise ReadError(
        f"unsupported format: {suffix} files are not read (use PDF, Word, a saved web page, text, Markdown or e-mail)"
    )


def backend_for(source: Source) -> Backend:
    """The first backend of the registry that reads these bytes; ReadError when none does."""
    for backend in BACKENDS[:2]:  # the binary formats, known by their bytes whatever the file is called
        if backend.accepts(source):
            return backend
    head = source.raw[:2048]
    if any(head.startswith(magic) for magic in UNSUPPORTED) or source.suffix in {".pdf", ".docx"}:
        refuse(source.path, head)
    for backend in BACKENDS[2:]:
        if backend.accepts(source):
            return backend
    refuse(source.path, head)


def read_document(path: str | Path) -> Document:
    """Read one file with the backend that reads its bytes. Personal e-mail addresses and phone numbers are
    redacted here, before anything else; each block carries its page's printed number (``page_label``)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ReadError(f"cannot open the file: {err.strerror}") from None
    source = Source(path, raw)
    parts = backend_for(source).read(source)
    pages, blocks = parts.pages, parts.blocks
    if has_boxes(blocks):  # a blockquote or a fenced callout a text export left as markup
        blocks = unbox(blocks)
    labels = {page.number: page.label for page in pages if page.label}
    for block in blocks:
        block.page_label = labels.get(block.page, "")
        if block.kind != "table":
            each_part(block, one_line)  # (a part at a time where a paragraph runs over a page break)
        if block.kind == "heading":  # "Overall judgment1: Outstanding": a footnote's number run into a word
            block.text = _HEADING_FOOTNOTE.sub("", block.text)
    _redact(pages, blocks)
    meta = {k: redact(str(v)) for k, v in parts.meta.items()}
    sha = hashlib.sha256(raw).hexdigest()
    return Document(
        path=str(path), source=path.name, format=parts.format, sha256=sha, pages=pages, meta=meta, blocks=blocks
    )


def one_line(text: str) -> str:
    """A heading's, paragraph's or list item's text as the extractors read it, made once here: on one line,
    every run of white space (line breaks, no-break spaces) one space, no soft hyphens, a PDF's bullet glyph
    as a bullet."""
    if single_spaced(text) and "(cid:" not in text:
        return text  # one line already (most blocks the readers join)
    if "\u00ad" in text or "(cid:" in text:
        text = text.replace("\u00ad", "").replace("(cid:127)", "•")
    return " ".join(text.split())


def each_part(block: Block, change) -> None:
    """``change`` made to a block's text a page's part at a time (``Block.breaks``), so that each part keeps
    where it starts; the parts joined by one space, as they were."""
    if not block.breaks:
        block.text = change(block.text)
        return
    starts = [0, *(at for at, _ in block.breaks)]
    parts = [change(block.text[a:b].strip()) for a, b in zip(starts, [*starts[1:], None])]
    text, breaks = parts[0], []
    for part, (_, page) in zip(parts[1:], block.breaks):
        breaks.append((len(text) + 1, page))
        text = f"{text} {part}"
    block.text, block.breaks = text, tuple(breaks)


def _redact(pages: list[Page], blocks: list[Block]) -> None:
    """Personal contact details out of every line, table cell and block. A page is looked at closely only
    when one scan of its text (lines joined by spaces, with the start of the next page, as blocks join
    them) finds something ``redact`` could change; its blocks too."""
    near: set[int] = set()
    for k, page in enumerate(pages):
        following = pages[k + 1].lines[:3] if k + 1 < len(pages) else []
        cells = [cell for table in page.tables for row in table for cell in row]
        if not may_hold_contact(" ".join(page.lines + following + cells)):
            continue
        near.add(page.number)
        page.lines = _redact_lines(page.lines)
        page.tables = [[[redact(cell) for cell in row] for row in table] for table in page.tables]
    for block in blocks:
        if block.page in near or any(page in near for _, page in block.breaks):
            each_part(block, redact)
            block.rows = [[redact(cell) for cell in row] for row in block.rows]


def _redact_lines(lines: list[str]) -> list[str]:
    """``redact`` on every line; on the page's text at once when that is the same thing (no line holds a
    newline; the patterns never cross one), one pass instead of one a line."""
    text = "\n".join(lines)
    if text.count("\n") != len(lines) - 1:
        return [redact(line) for line in lines]
    out = redact(text)
    return lines if out == text else out.split("\n")
