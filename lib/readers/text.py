"""Plain text (as PDF-to-text tools give it), Markdown and e-mail, read into the document model."""

from __future__ import annotations

import email
import email.policy
import html
import re

from ..model import Page, ReadError

LONG_LINE = 2000  # longer lines (a whole file on one line) are cut at spaces, so patterns stay fast

_TAG = re.compile(r"<[^>]+>")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_SUP = re.compile(r"<sup>[^<]*</sup>")
_MD_EMPH = re.compile(r"(\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w))")
_EMAIL_HEADER = re.compile(r"^(From|To|Subject|Date|Cc|Reply-To|Message-ID|MIME-Version|Content-Type):", re.I)


def decode(raw: bytes) -> str:
    if not raw:
        raise ReadError("empty file (0 bytes)")
    if b"\x00" in raw[:65536]:
        raise ReadError("binary file, not text (it holds NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ReadError(
            f"text is not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}); save it as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


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


def looks_like_markdown(text: str) -> bool:
    """Markdown conversions of reports: '#' headings plus bold, links or footnote tags."""
    head = text[:200_000]
    headings = len(re.findall(r"(?m)^#{1,6} \S", head))
    marks = len(re.findall(r"\*\*\S|\]\(https?:|<sup>|^\s*[-*] \S", head, re.M))
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


def email_body(raw: bytes) -> tuple[str, dict]:
    """Body text of an RFC 822 message (quoted-printable, base64 and HTML parts decoded)."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    meta = {k.lower(): str(msg[k]) for k in ("Subject", "Date") if msg[k]}
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return decode(raw), meta
    body = part.get_content()
    if part.get_content_type() == "text/html":
        body = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</tr>|</h\d>", "\n", body)
        body = html.unescape(_TAG.sub("", body))
    return body.replace("\r\n", "\n"), meta
