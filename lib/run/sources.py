"""Where an evidence page points for its document: the file as given (a link relative to the evidence page, so
the folder of documents and the output folder can move together) and the web address the document prints.

The documents themselves are never copied into the output (a Commissioner's bulletin may hold a personal
e-mail address): the link points at the file where it was read. Only web addresses are taken from a
document's text, never an e-mail address or anything with an "@".
"""

from __future__ import annotations

import os
import re
import zipfile
from collections import Counter
from pathlib import Path
from urllib.parse import quote

_URL = re.compile(r"(?:https?://|\bwww\.)[^\s<>\"'()\[\]{}|\\^`]+", re.I)
_CANONICAL = re.compile(
    r"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)|<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)",
    re.I,
)
_OWN = re.compile(r"justiceinspectorates\.gov\.uk|\.police\.uk|pcc\.|opcc|policeandcrime|pfcc", re.I)
_TAG = re.compile(r"<[^>]+>")
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".eml", ".html", ".htm", ".text", ""}
READ_LIMIT = 2_000_000  # characters of a text file looked through for its web address


def source_href(path: Path, evidence_dir: Path) -> str:
    """The link from an evidence page in ``evidence_dir`` to the document at ``path``, relative, URL-quoted."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(evidence_dir))
    return quote(Path(rel).as_posix())


def _clean(url: str) -> str:
    return url.rstrip(".,;:!?*_").split("](")[0]


def _text_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _pdf_text(path)
    if suffix == ".docx":
        return _docx_text(path)
    if suffix in TEXT_SUFFIXES:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read(READ_LIMIT)
    return ""


def _pdf_text(path: Path) -> str:
    import pypdfium2  # the readers' PDF library; only the first and last pages are looked at

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception:  # noqa: BLE001  an unreadable PDF has no address to give
        return ""
    try:
        n = len(pdf)
        texts = []
        for i in sorted({*range(min(3, n)), *range(max(0, n - 2), n)}):
            page = pdf[i]
            text_page = page.get_textpage()
            texts.append(text_page.get_text_range())
            text_page.close()
            page.close()
        return "\n".join(texts)
    finally:
        pdf.close()


def _docx_text(path: Path) -> str:
    """The body's text and its external links' targets (not the XML's namespace addresses)."""
    try:
        with zipfile.ZipFile(path) as z:
            body = z.read("word/document.xml").decode("utf-8", "replace")
            rels = (
                z.read("word/_rels/document.xml.rels").decode("utf-8", "replace")
                if ("word/_rels/document.xml.rels" in z.namelist())
                else ""
            )
    except (OSError, zipfile.BadZipFile, KeyError):
        return ""
    links = re.findall(r"Target=\"([^\"]+)\"[^>]*TargetMode=\"External\"", rels)
    return _TAG.sub("", body.replace("</w:p>", "\n")) + "\n" + "\n".join(links)


def _html_text(text: str) -> str:
    """A saved page's visible text (scripts, styles and tags out: the addresses it prints, not its links)."""
    return _TAG.sub(" ", re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I))


def printed_address(path: Path) -> str:
    """The web address a document prints for itself: a saved page's canonical address; else the address
    it prints most often on the inspectorate's, a force's or a Commissioner's site; else the first it prints;
    "" when it prints none (or the file cannot be read)."""
    try:
        text = _text_of(Path(path))
    except OSError:
        return ""
    m = _CANONICAL.search(text[:200_000])
    if m:
        return _clean(m.group(1) or m.group(2))
    if re.search(r"<html|<body|<!doctype html", text[:5000], re.I):
        text = _html_text(text)
    urls = [u for u in (_clean(u) for u in _URL.findall(text)) if "@" not in u and len(u) > 8]
    if not urls:
        return ""
    own = Counter(u for u in urls if _OWN.search(u))
    return own.most_common(1)[0][0] if own else urls[0]


def web_href(address: str) -> str:
    """A printed address as a link ("www.x" becomes "https://www.x")."""
    return address if re.match(r"https?://", address, re.I) else f"https://{address}"
