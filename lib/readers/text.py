"""Plain text (as PDF-to-text tools give it), Markdown and e-mail, read into the document model."""

from __future__ import annotations

import email
import email.policy
import html
import re

from ..model import Block, Page, ReadError
from .furniture import furniture
from .hyphens import join_hyphens
from .markdown import heading_text, markdown_blocks
from .textblocks import text_blocks

LONG_LINE = 2000  # longer lines (a whole file on one line) are cut at spaces, so patterns stay fast

_TAG = re.compile(r"<[^>]+>")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_SUP = re.compile(r"<sup>[^<]*</sup>|\[\^[^\]\s]+\](?!:)")  # footnote markers: HTML's and pandoc's
_MD_EMPH = re.compile(r"(\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w))")
_EMAIL_HEADER = re.compile(r"^(From|To|Subject|Date|Cc|Reply-To|Message-ID|MIME-Version|Content-Type):", re.I)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a byte-order mark: NUL in every other byte of mostly ASCII text."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.7 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.7 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def detect_encoding(raw: bytes) -> str:
    """The encoding of a text file: a byte-order mark, else UTF-8 when the bytes are UTF-8, else
    charset-normalizer's best guess (cp1252, latin-1, other code pages). Raises ReadError for bytes that
    no encoding explains (NUL bytes without UTF-16's pattern, or no plausible decoding)."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    head = raw[:65536]
    if b"\x00" in head:
        name = _utf16_without_bom(head)
        if name is None:
            raise ReadError("binary file, not text (it holds NUL bytes)")
        return name
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare file that is not UTF-8

    best = from_bytes(raw[:200_000]).best()
    if best is None:
        raise ReadError("not text: no character encoding explains the bytes (binary or damaged file)")
    name = best.encoding
    # Western text: the Windows code page is a superset of latin-1 and what Windows tools save; prefer it
    # when it decodes the whole file as well as the guess does (the guess was made on a sample). The DOS code
    # pages (cp850, cp437) are guessed for cp1252's dashes and quotes ("2023–25" read as "2023û25").
    if name in {"latin_1", "iso8859_15", "cp1250", "cp1252", "mac_roman", "cp1254", "cp1257", "cp850", "cp437"}:
        try:
            raw.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return name


def decode(raw: bytes) -> tuple[str, str]:
    """The text of a file and its encoding (see ``detect_encoding``); line ends made "\\n"."""
    if not raw:
        raise ReadError("empty file (0 bytes)")
    encoding = detect_encoding(raw)
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise ReadError(f"not text: the bytes do not decode as {encoding} (damaged file)") from None
    text = text.lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding.replace("_", "-").lower()


def _cut_long(line: str) -> list[str]:
    if len(line) <= LONG_LINE:
        return [line]
    out, rest = [], line
    while len(rest) > LONG_LINE:
        cut = rest.rfind(" ", 0, LONG_LINE)
        cut = cut if cut > LONG_LINE // 2 else LONG_LINE
        out.append(rest[:cut])
        rest = rest[cut:].lstrip(" ")
    out.append(rest)
    return out


def split_pages(text: str) -> list[list[str]]:
    """Pages of a PDF-to-text output.

    Form feeds are page breaks. Without them, some tools leave each page's first line indented by exactly
    one space (the form feed turned into a space): when such lines are few and regular, they start pages.
    Otherwise the whole text is one page.
    """
    if "\f" in text:
        chunks = text.split("\f")
        if chunks and not chunks[-1].strip():
            chunks = chunks[:-1]
        return [chunk.split("\n") for chunk in chunks]
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if re.match(r" \S", line) and i > 0]
    nonblank = sum(1 for line in lines if line.strip())
    if len(starts) >= 3 and len(starts) <= max(3, nonblank // 12):
        bounds = [0] + starts + [len(lines)]
        return [lines[a:b] for a, b in zip(bounds, bounds[1:])]
    return [lines]


def clean_markdown(line: str) -> str:
    """Markdown and the HTML fragments converters leave, reduced to the printed text."""
    line = _MD_SUP.sub("", line)  # footnote markers
    line = heading_text(line)  # pandoc's attributes after a heading: "{#main-content}"
    line = _MD_LINK.sub(r"\1", line)
    line = line.replace("\\_", "_").replace("\\*", "*").replace("\\#", "#")
    line = _TAG.sub("", line)
    line = _MD_EMPH.sub("", line)
    line = html.unescape(line)
    return line.rstrip()


def _tables(lines: list[str], markdown: bool) -> list[list[list[str]]]:
    """Rows of tab-separated (or Markdown pipe) tables; blank lines inside a table are allowed."""
    tables, current, gap = [], [], 0
    for line in lines:
        if "\t" in line:
            cells = [_TAG.sub(" ", c).strip() for c in line.split("\t")]
        elif markdown and line.strip().startswith("|") and line.count("|") >= 3:
            if re.fullmatch(r"\s*\|?[\s:|\-]+\|?\s*", line):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
        else:
            if line.strip():
                gap += 1
                if current and gap > 0:
                    tables.append(current)
                    current = []
            continue
        gap = 0
        current.append([html.unescape(re.sub(r"\s+", " ", c)) for c in cells])
    if current:
        tables.append(current)
    return [t for t in tables if len(t) >= 1 and max(len(r) for r in t) >= 2]


def pages_from_text(text: str, fmt: str) -> list[Page]:
    pages = []
    if fmt == "markdown":
        text = "\n".join(move_footnotes(text.split("\n")))
    for number, raw_lines in enumerate(split_pages(text), start=1):
        lines: list[str] = []
        for raw in raw_lines:
            line = clean_markdown(raw) if fmt == "markdown" else raw.rstrip()
            if fmt != "markdown" and "<" in line and ">" in line:
                line = html.unescape(_TAG.sub(" ", line)).rstrip()
            lines.extend(_cut_long(line))
        pages.append(Page(number=number, lines=lines, tables=_tables(raw_lines, fmt == "markdown")))
    return pages


def blocks_from_text(text: str, fmt: str, pages: list[Page]) -> list[Block]:
    """The blocks of a text, Markdown or e-mail document (``textblocks``): Markdown from its raw lines,
    the others from the lines the reader keeps."""
    if fmt == "markdown":
        return markdown_blocks(split_pages("\n".join(move_footnotes(text.split("\n")))), clean_markdown)
    lines = [page.lines for page in pages]
    if fmt == "text":  # a text export: its running heads, feet and page numbers are not its content
        lines = join_hyphens(furniture(lines)[0])
    return text_blocks(lines, unwrapped=True if fmt == "email" else None)


def looks_like_markdown(text: str) -> bool:
    """Markdown conversions of reports: '#' headings plus bold, links or footnote tags."""
    head = text[:200_000]
    headings = len(re.findall(r"(?m)^#{1,6} \S", head))
    # [^\S\n]*, not \s*: a run of blank lines is not scanned again from each of its lines (quadratic)
    marks = len(re.findall(r"\*\*\S|\]\(https?:|<sup>|^[^\S\n]*[-*] \S", head, re.M))
    return headings >= 2 and marks >= 2


_FOOTNOTE = re.compile(r"^\s*(?:<sup>\d+</sup>|\[\^\d+\]:)")


def move_footnotes(lines: list[str]) -> list[str]:
    """Markdown conversions print a page's footnotes ('---' then '<sup>n</sup> text') where the page ended,
    often inside a sentence. Move each footnote block to the end so that the sentence joins up again."""
    body, notes, i = [], [], 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == "---":
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and _FOOTNOTE.match(lines[j]):
                k = j
                while k < len(lines) and (
                    not lines[k].strip()
                    or _FOOTNOTE.match(lines[k])
                    or (lines[k - 1].strip() and not lines[k].startswith("#"))
                ):
                    if lines[k].strip() and not _FOOTNOTE.match(lines[k]) and not lines[k - 1].strip():
                        break
                    k += 1
                notes.extend([""] + lines[j:k])
                i = k
                continue
        body.append(line)
        i += 1
    return body + notes


def looks_like_email(text: str) -> bool:
    head = [line for line in text.split("\n")[:12] if line.strip()]
    headers = sum(1 for line in head if _EMAIL_HEADER.match(line))
    tail = text[-3000:].lower()
    return headers >= 2 or ("this email was sent to" in tail or "unsubscribe" in tail)


def email_body(raw: bytes) -> tuple[str, dict, bool]:
    """Body of an RFC 822 message (quoted-printable, base64 decoded), its subject and date, and whether the
    body is HTML (then the HTML reader parses it)."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    meta = {k.lower(): str(msg[k]) for k in ("Subject", "Date") if msg[k]}
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        body, meta["encoding"] = decode(raw)
        return body, meta, False
    meta["encoding"] = (part.get_content_charset() or "us-ascii").lower()
    try:
        body = part.get_content()
    except (LookupError, UnicodeError):  # a charset Python does not know, or bytes that do not fit it
        body, meta["encoding"] = decode(part.get_payload(decode=True) or b"")
    return body.replace("\r\n", "\n"), meta, part.get_content_type() == "text/html"


_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def looks_like_html(text: str) -> bool:
    """A whole HTML page (a web page saved as .txt, an HTML e-mail body), not text with a few tags."""
    return bool(_HTML_START.match(text[:4096]))
