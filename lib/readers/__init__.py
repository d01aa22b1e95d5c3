"""Read any supported file into a ``Document``; anything else raises ``ReadError`` with a one-line reason."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from ..model import Block, Document, Page, ReadError
from ..privacy import may_hold_contact, redact
from . import text as textreader
from .layout import pages_from_blocks

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".eml", ".html", ".htm", ""}
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


def is_docx(raw: bytes) -> bool:
    """A Word document: a zip holding word/document.xml (other Office zips hold xl/, ppt/, content.xml)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def sniff(path: Path, head: bytes, raw: bytes | None = None) -> str:
    """The reader to use: pdf | docx | text | markdown | email (HTML is found inside "text"). Raises
    ReadError for formats we do not read. ``raw``: the whole file, to look inside a zip container."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF" in head[:1024]):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and raw is not None and is_docx(raw):
        return "docx"
    for magic, what in UNSUPPORTED.items():
        if head.startswith(magic):
            raise ReadError(f"unsupported format: {what}")
    if suffix == ".pdf":
        if not head:
            raise ReadError("empty file (0 bytes)")
        raise ReadError("not a PDF: the file is named .pdf but has no PDF header (damaged or another format)")
    if suffix == ".docx":
        raise ReadError("damaged Word document: the file is named .docx but is not a Word (zip) container")
    if suffix in {".md", ".markdown"}:
        return "markdown"
    if suffix == ".eml":
        return "email"
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise ReadError(
        f"unsupported format: {suffix} files are not read (use PDF, Word, a saved web page, text, Markdown or e-mail)"
    )


def read_document(path: str | Path) -> Document:
    """Read one file. Personal e-mail addresses and phone numbers are redacted here, before anything else."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ReadError(f"cannot open the file: {err.strerror}") from None
    sha = hashlib.sha256(raw).hexdigest()
    fmt = sniff(path, raw[:2048], raw)
    meta: dict = {}
    blocks: list[Block] = []
    if fmt == "pdf":
        from . import pdf  # pypdfium2 loads only when a PDF is read (pdfplumber only when asked for)

        pages, meta, blocks = pdf.read_pdf(path, raw)
    elif fmt == "docx":
        from .word import read_word  # python-docx and lxml load only when a Word file is read (~0.1 s)

        blocks, meta = read_word(raw)
        if not blocks:
            raise ReadError("no text: the Word document holds no paragraphs or tables with text")
        pages = pages_from_blocks(blocks)
    else:
        is_html = False
        if fmt == "email" or (
            fmt == "text"
            and raw[:2048].lstrip().lower().startswith((b"from:", b"received:", b"return-path:", b"mime-version:"))
        ):
            body, meta, is_html = textreader.email_body(raw)
            fmt = "email"
        else:
            body, meta["encoding"] = textreader.decode(raw)
            if fmt == "text" and (path.suffix.lower() in {".html", ".htm"} or textreader.looks_like_html(body)):
                is_html = True
            elif fmt == "text" and textreader.looks_like_email(body):
                fmt = "email"
            elif fmt == "text" and textreader.looks_like_markdown(body):
                fmt = "markdown"
        if is_html:
            from .html import html_blocks  # BeautifulSoup loads only when a web page is read (~0.1 s)

            blocks, head = html_blocks(body)
            meta.update({k: v for k, v in head.items() if k not in meta})
            fmt = "email" if fmt == "email" else "html"
            if not blocks:
                raise ReadError("no text: the web page holds no readable text (only scripts, menus or images)")
            pages = pages_from_blocks(blocks)
        else:
            if not body.strip():
                raise ReadError("no text: the file holds only white space")
            pages = textreader.pages_from_text(body, fmt)
            blocks = textreader.blocks_from_text(body, fmt, pages)
    _redact(pages, blocks)
    meta = {k: redact(str(v)) for k, v in meta.items()}
    return Document(path=str(path), source=path.name, format=fmt, sha256=sha, pages=pages, meta=meta, blocks=blocks)


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
        if block.page in near:
            block.text = redact(block.text)
            block.rows = [[redact(cell) for cell in row] for row in block.rows]


def _redact_lines(lines: list[str]) -> list[str]:
    """``redact`` on every line; on the page's text at once when that is the same thing (no line holds a
    newline; the patterns never cross one), one pass instead of one a line."""
    text = "\n".join(lines)
    if text.count("\n") != len(lines) - 1:
        return [redact(line) for line in lines]
    out = redact(text)
    return lines if out == text else out.split("\n")
