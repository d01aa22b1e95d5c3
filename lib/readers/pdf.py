"""PDF reading with pypdfium2: the text of every page, and its ruled tables from the page's own geometry.

Per page, pypdfium2 gives the text rectangles; from them the reader finds a gutter between two text columns
(or side-by-side panels) and reads each column top to bottom with ``get_text_bounded``, not across
(``pdf_layout``). Ruled
tables are found by pdfplumber's table functions over pdfium's path objects (``pdf_tables``; pdfplumber's
page-level finder with ``PEEL_PDF_TABLES=pdfplumber``, same tables, slower): they become ``Page.tables`` and,
in the page's lines, the table's rows are tab-separated as PDF-to-text output gives them. Then, over the whole
document: running heads, running footers and bare page numbers that repeat across pages are dropped; odd
bullet glyphs become "•"; a word broken across two lines with a hyphen is joined where the document itself
shows which form is right. The blocks (headings from font size and weight, lists, boxes) come from
``pdf_structure``, from the styles measured while each page is open and the final lines.

Broken files give a one-line ``ReadError``: empty, not a PDF, damaged or cut off, encrypted, no text layer.
"""

from __future__ import annotations

import gc
import io
import logging
import os
import re
from contextlib import contextmanager
from pathlib import Path

from ..model import Block, Page, ReadError
from ..vocab import BULLET_GLYPHS, PUA_BULLETS
from .furniture import furniture
from .hyphens import join_hyphens
from .pdf_layout import page_lines
from .pdf_structure import EMPTY, PageStyles, page_styles, pdf_blocks
from .pdf_tables import find_tables_and_boxes
from .pdfium_raw import BoundedText, FontReader, RawPage, text_rects

MIN_CHARS_PER_PAGE = 40  # below this on average, the PDF is taken to have no text layer
TABLE_FINDERS = ("pdfium", "pdfplumber")

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # pdfminer warns about every odd font on stderr

# Bullet glyphs as PDF tools give them: the Symbol/Wingdings private-use code points, pdfminer's "(cid:127)",
# geometric shapes. Private-use ones are bullets wherever they stand; the others only at the start of a line.
_PUA_BULLETS = PUA_BULLETS
_BULLETS = BULLET_GLYPHS + PUA_BULLETS
# (White space within a line only, [^\S\n]: _clean works on a whole page at once.)
_BULLET_AT_START = re.compile(r"^([^\S\n]*)(?:\(cid:127\)|[" + _BULLETS + r"])[^\S\n]*", re.M)
_PUA = re.compile(f"[{_PUA_BULLETS}]|\\(cid:127\\)")
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\x00": "",
    "\ufffe": "",
    "\ufeff": "",
    "\xa0": " ",
}
_LIGATURE = re.compile("[" + "".join(_LIGATURES) + "]")  # a regex finds them ~20x faster than str.translate
# What any of the three patterns replaces, each looked for on its own: a string search passes over a text in C,
# and a character wider than the text's own (a bullet in a page of Latin-1) is known absent without a look; one
# pattern of them all asks each character of the text against every one.
_SPECIAL_CHARS = tuple(dict.fromkeys("".join(_LIGATURES) + _BULLETS))
_LIGATURE_CHARS, _BULLET_CHARS, _PUA_CHARS = frozenset(_LIGATURES), frozenset(_BULLETS), frozenset(_PUA_BULLETS)


# ---------------------------------------------------------------------------------------------------------
# Opening
# ---------------------------------------------------------------------------------------------------------


def _open(raw: bytes):
    import pypdfium2 as pdfium

    if not raw:
        raise ReadError("empty file (0 bytes)")
    if b"%PDF" not in raw[:1024]:
        raise ReadError("not a PDF: the file is named .pdf but has no PDF header (damaged or another format)")
    try:
        return pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as err:
        msg = str(err).lower()
        if "password" in msg or "security" in msg:
            raise ReadError("encrypted PDF: needs a password") from None
        if b"%%EOF" not in raw[-2048:]:
            raise ReadError("damaged PDF: the file is cut off (no end-of-file marker) and cannot be opened") from None
        raise ReadError(f"damaged PDF: cannot be opened ({str(err).strip().rstrip('.')})") from None


def _clean(text: str) -> str:
    """Ligatures spelled out, no-break spaces plain, bullet glyphs "•"; each line right-stripped. Works on
    one line or on many at once (a page's lines joined by newlines: one pass instead of one a line)."""
    text = _clean_chars(text)
    return "\n".join(line.rstrip() for line in text.split("\n")) if "\n" in text else text.rstrip()


def _clean_chars(text: str) -> str:
    """``_clean`` without the right-strip of every line: ligatures, no-break spaces and bullet glyphs.

    Most pages need nothing. Every character the patterns replace but NUL lies beyond ASCII, and Python
    knows without a scan whether a string is ASCII; else a search for each says which of them the text holds,
    and only the patterns that can match are run (a page with bullets alone needs just ``_BULLET_AT_START``)."""
    if text.isascii() and "\x00" not in text and "(cid:" not in text:
        return text
    found = {c for c in _SPECIAL_CHARS if c in text}
    if not found and "(cid:" not in text:
        return text
    if not found.isdisjoint(_LIGATURE_CHARS):
        text = _LIGATURE.sub(lambda m: _LIGATURES[m.group()], text)
    cid = "(cid:127)" in text  # (looked for after the ligatures: a NUL taken out could close one up)
    if cid or not found.isdisjoint(_BULLET_CHARS):
        text = _BULLET_AT_START.sub(r"\1• ", text)
    if cid or not found.isdisjoint(_PUA_CHARS):
        text = _PUA.sub("•", text)
    return text


# ---------------------------------------------------------------------------------------------------------
# Tables by pdfplumber itself (PEEL_PDF_TABLES=pdfplumber; the default is pdf_tables)
# ---------------------------------------------------------------------------------------------------------


def _cell(value) -> str:
    return re.sub(r"\s+", " ", _clean(str(value))).strip() if value is not None else ""


def _tables(plumber_page) -> list[tuple[float, float, float, float, list[list[str]]]]:
    """Tables of a pdfplumber page as (l, b, r, t, rows) in PDF coordinates (y up)."""
    height = float(plumber_page.height)
    found = []
    for table in plumber_page.find_tables():
        rows = [[_cell(c) for c in row] for row in table.extract()]
        rows = [row for row in rows if any(row)]
        if not rows or max(len(r) for r in rows) < 2:
            continue
        x0, top, x1, bottom = table.bbox
        found.append((float(x0), height - float(bottom), float(x1), height - float(top), rows))
    return found


# ---------------------------------------------------------------------------------------------------------
# The whole document: furniture, hyphens
# ---------------------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------------------


def read_pdf(path: Path, raw: bytes, tables: str | None = None) -> tuple[list[Page], dict, list[Block]]:
    """Pages, metadata and blocks (``pdf_structure``) of a PDF. ``tables``: which table finder reads ruled
    tables, "pdfium" (the default: pdfplumber's table functions over pdfium's geometry, ``pdf_tables``) or
    "pdfplumber" (its page-level finder, about 0.1 to 0.3 s a page more; boxes are then not looked for); the
    environment variable PEEL_PDF_TABLES sets it for a run."""
    table_finder = (tables or os.environ.get("PEEL_PDF_TABLES") or "pdfium").strip().lower()
    if table_finder not in TABLE_FINDERS:
        raise ValueError(f"PEEL_PDF_TABLES={table_finder!r}: expected one of {', '.join(TABLE_FINDERS)}")
    if table_finder == "pdfium":  # (pdfplumber's own objects hold reference cycles: collected as they come)
        with _collector_paused():
            return _read(raw, table_finder)
    return _read(raw, table_finder)


@contextmanager
def _collector_paused():
    """Python's cycle collector paused while a PDF is read (reference counting frees what the reader drops).
    A page makes some hundred lists, dicts and tuples that live until the document is done: every 700 would
    start a collection, and, piled up in the oldest generation, now and then a walk of the whole heap (about
    5% of the reading time) to find no garbage: the reader makes next to no cycles. Left off if it is off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _read(raw: bytes, table_finder: str) -> tuple[list[Page], dict, list[Block]]:
    pdf = _open(raw)
    plumber = None
    meta: dict = {}
    texts: list[list[str]] = []
    tables: list[list[list[list[str]]]] = []
    damaged_pages = 0
    bounded = BoundedText()
    fonts = FontReader()
    styles: list[PageStyles] = []
    try:
        n = len(pdf)
        for i in range(n):
            try:
                page = RawPage(pdf, i)
                textpage = page.textpage
            except Exception:  # noqa: BLE001  a page pdfium cannot parse (cut-off file): read the others
                damaged_pages += 1
                texts.append([])
                tables.append([])
                styles.append(EMPTY)
                continue
            try:
                rects = text_rects(textpage)
                text = bounded.page(textpage)
                style = page_styles(text.page_text(), rects, fonts.page(textpage), page.get_height(), _clean_chars)
                text.use_lines(style.index)  # (the tables' cells and the layout's areas read from the lines)
                found, boxes = [], []
                if rects and table_finder == "pdfplumber":
                    if plumber is None:
                        plumber = _plumber(raw)
                    found = _plumber_tables(plumber, i)
                elif rects:
                    found, boxes = find_tables_and_boxes(page, text, _clean)
                style.boxes = boxes
                styles.append(style)
                lines = page_lines(page, text, rects, tables=found, boxes=boxes)
                texts.append([line.rstrip() for line in _clean_chars("\n".join(lines)).split("\n")])  # as _clean
                tables.append([t[4] for t in found])
            finally:
                page.close()
        meta = {k: v for k, v in (pdf.get_metadata_dict() or {}).items() if v}
    finally:
        if plumber:
            plumber.close()
        pdf.close()
    if not texts:
        raise ReadError("PDF has no pages")
    chars = sum(len("".join(lines).strip()) for lines in texts)
    if chars == 0 and damaged_pages:
        raise ReadError(f"damaged PDF: none of its {n} pages can be read")
    if chars < MIN_CHARS_PER_PAGE * len(texts):
        if b"%%EOF" not in raw[-2048:] and damaged_pages:
            raise ReadError(f"damaged PDF: the file is cut off; {damaged_pages} of {n} pages cannot be read")
        raise ReadError(f"no text layer: scanned image, OCR not supported ({chars} characters on {len(texts)} pages)")
    if damaged_pages:
        meta["damaged_pages"] = str(damaged_pages)
    texts, labels = furniture(texts)
    texts = join_hyphens(texts)
    pages = [
        Page(number=i + 1, lines=lines, tables=_line_tables(lines) if tbl else [], label=label)
        for i, (lines, tbl, label) in enumerate(zip(texts, tables, labels))
    ]
    return pages, meta, pdf_blocks(texts, styles)


def _line_tables(lines: list[str]) -> list[list[list[str]]]:
    """The page's tables from its tab-separated lines, in reading order. Pieces of one table that the
    layout split (a header row at the foot of one column, the body at the top of the next) are consecutive
    here and come back as one table, as the text reader gives them."""
    tables, current = [], []
    for line in lines:
        if "\t" in line:
            current.append(line.split("\t"))
        elif line.strip() and current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def _plumber(raw: bytes):
    import pdfplumber

    try:
        return pdfplumber.open(io.BytesIO(raw))
    except Exception:  # noqa: BLE001  pdfminer cannot parse what pdfium could: no tables, text still read
        return False


def _plumber_tables(plumber, index: int) -> list:
    """Tables of one page; the pdfplumber page is closed at once (its caches grow ~7 MiB a page)."""
    if not plumber or index >= len(plumber.pages):
        return []
    page = plumber.pages[index]
    try:
        return _tables(page)
    except Exception:  # noqa: BLE001  a page pdfminer cannot lay out: its text is still read by pdfium
        return []
    finally:
        page.close()
