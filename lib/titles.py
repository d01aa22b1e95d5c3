"""A document's title as printed: a report's cover lines joined, a Commissioner's response by what it is.

- A report's cover prints its title over several lines ("PEEL 2021/22" / "Police effectiveness, efficiency and
  legitimacy" / "An inspection of Kent Police"; 2018/19: "PEEL: Police effectiveness," / "efficiency and
  legitimacy 2018/19" / "An inspection of ..."): the lines are joined, " – " before "An inspection of". A web
  page's title loses the site's name after it ("... - His Majesty's Inspectorate of Constabulary ...").
- A Commissioner's response is titled by what it is ("... response to the HMICFRS PEEL 2021/22 inspection of
  ..." where printed), never by its letterhead; else "Police and Crime Commissioner's response – PEEL 2021/22 –
  <force>".
"""

from __future__ import annotations

import re
from itertools import islice

from .model import Document
from .text import clean_line

SITE_SUFFIX = re.compile(
    r"\s+[-–|]\s+(?:(?:His|Her) Majesty['’]s Inspectorate\b.*|HMICFRS|HMIC|GOV\.UK|Justice Inspectorates)$", re.I
)
TITLE_START = re.compile(r"^PEEL\b", re.I)
# A cover line that carries on the title: the rest of the name, the cycle, "An inspection of ...".
TITLE_MORE = re.compile(
    r"^(?:police (?:effectiveness|efficiency|legitimacy)|(?:effectiveness,? )?efficiency,? and legitimacy|legitimacy\b"
    r"|(?:19|20)\d\d(?:\s*[/–-]\s*\d\d)?$|an inspection of\b)",
    re.I,
)
INSPECTION_OF = re.compile(r"^an inspection of\b", re.I)
# What follows the title on a cover, when a reader ran the cover's lines together ("An inspection of Kent
# Police March 2018 © HMICFRS 2018 ISBN: ..."): the month published, the copyright, the ISBN, the web address.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
COVER_AFTER_TITLE = re.compile(rf"\s+(?:(?:{_MONTHS}) (?:19|20)\d\d\b|©|\(c\) |ISBN\b|www\.|https?://).*$", re.I)
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")  # "# PEEL ..." printed as text (a PDF made from Markdown)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A Commissioner's response names itself: "... response to the HMICFRS PEEL 2021/22 inspection of ...".
RESPONSE = re.compile(r"\bresponse (?:to|under)\b", re.I)
STATEMENT_TITLE = re.compile(
    r"\bstatements?\b|\brespon(?:ds|se)\b|\bwelcomes?\b|\bsays?\b|\bPEEL\b.*\b(?:19|20)\d\d\b", re.I
)
RESPONSE_OF = re.compile(r"\b(?:peel|hmicfrs|hmic|inspection|inspectorate|report|cause of concern)\b", re.I)


def _first_lines(doc: Document, n: int = 60) -> list[str]:
    """The first ``n`` lines printed on the cover and the pages after it, as printed (a title set over several
    lines reads from them)."""
    lines = (clean_line(line) for _, line in doc.lines())
    return [MARKDOWN_HEADING.sub("", line) for line in islice((line for line in lines if line), n)]


def title_part(line: str) -> str:
    """A cover line without the cover's furniture run on after it (date, copyright, ISBN, address)."""
    return COVER_AFTER_TITLE.sub("", line)


def _join(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        sep = " – " if INSPECTION_OF.match(part) and not re.search(r"[:–-]$", text) else " "
        text = f"{text}{sep}{part}"
    return text


def cover_title(doc: Document) -> str:
    """A report's title from its first lines: a line starting "PEEL" and the cover lines that carry it on;
    "" when none gives a title with a year or the force inspected."""
    lines = _first_lines(doc)
    for i, line in enumerate(lines):
        line = SITE_SUFFIX.sub("", line)
        if not TITLE_START.match(line) or line.endswith((".", ";")) or len(line.split()) > 20:
            continue
        parts = [line]
        for more in lines[i + 1 : i + 4]:
            if INSPECTION_OF.search(parts[-1]) or not (TITLE_MORE.match(more) or parts[-1].endswith(",")):
                break
            parts.append(title_part(SITE_SUFFIX.sub("", more)))
        title = _join(parts)
        if YEAR.search(title) or INSPECTION_OF.search(title.split(" – ")[-1]):
            return title
    return ""


def response_title(doc: Document, info: dict) -> str:
    """A Commissioner's response: the block that says what it responds to (with the block it runs on to; a
    paragraph, being a sentence, never), else composed from who wrote it, the inspection and the force."""
    lines = [clean_line(b.text) for b in doc.blocks[:40] if b.kind in ("heading", "paragraph") and b.text.strip()]
    for i, line in enumerate(lines):
        line = re.sub(r"^(?:re|subject)\s*:\s*", "", line, flags=re.I)
        if not RESPONSE.search(line) or line.endswith(".") or len(line.split()) > 35:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if re.search(r"\b(?:to|of|for|and|on|the)$", line) and nxt and not nxt.endswith("."):
            line = f"{line} {nxt}"
        if RESPONSE_OF.search(line):
            return line
    head = " ".join(lines[:15])
    who = "Police, Fire and Crime Commissioner" if re.search(r"police,? fire (?:and|&) crime", head, re.I) else None
    who = who or "Police and Crime Commissioner"
    inspection = f"PEEL {info['cycle']}" if info.get("cycle") else (f"PEEL {info['year']}" if info.get("year") else "")
    return " – ".join(p for p in (f"{who}'s response", inspection, info.get("force") or "") if p)


def statement_title(doc: Document) -> str:
    """A news page's or statement's title: its first short line that says who speaks or names the inspection
    ("HMIC PEEL Assessment 2014 - Statements from PCC and Chief Constable"), "" when none."""
    for line in _first_lines(doc, 30):
        if len(line) < 150 and not line.endswith(".") and STATEMENT_TITLE.search(line):
            return SITE_SUFFIX.sub("", line)
    return ""
