"""PDF reading: pypdfium2 for the text of every page (fast), pdfplumber where geometry matters (tables).

Minimal first version; columns, running heads and broken files are handled in later work.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Page, ReadError

MIN_CHARS_PER_PAGE = 40  # below this on average, the PDF is taken to have no text layer


def read_pdf(path: Path, raw: bytes) -> tuple[list[Page], dict]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as err:
        msg = str(err).lower()
        if "password" in msg:
            raise ReadError("encrypted PDF: needs a password") from None
        raise ReadError(f"damaged PDF: pdfium cannot open it ({err})") from None
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            text = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
            textpage.close()
            page.close()
            pages.append(Page(number=i + 1, lines=text.split("\n")))
        meta = {k: v for k, v in (pdf.get_metadata_dict() or {}).items() if v}
    finally:
        pdf.close()
    chars = sum(len("".join(p.lines).strip()) for p in pages)
    if not pages:
        raise ReadError("PDF has no pages")
    if chars < MIN_CHARS_PER_PAGE * len(pages):
        raise ReadError(f"no text layer: scanned image, OCR not supported ({chars} characters on {len(pages)} pages)")
    return pages, meta
