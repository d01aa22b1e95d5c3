"""Prose out of page lines: paragraphs joined across line and page breaks, sentences with their page.

PDF-to-text output breaks lines mid-sentence, prints page numbers and footnote markers inside the prose and
splits words with hyphens. Extractors that read sentences read them from here, so every layout gives the
same sentences.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .model import Document
from .scan import Folds
from .vocab import BULLET_GLYPHS

BULLETS = BULLET_GLYPHS
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}\s*$", re.I)
_SENTENCE_END = re.compile(r"[.?!]['’”)]?$")
_SPLIT = re.compile(r"(?<=[.?!])['’”)]?\s+(?=[A-Z‘“'\"(£•]|\d)")
_BULLET = re.compile(r"(?:[-*–]|\d{1,2}[.)])\s")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|No|no|Dr|Mr|Mrs|Ms|St|approx|para|fig|Fig)\.)$")


class Sentence(NamedTuple):
    """A sentence and the page it starts on (a tuple: a long report has tens of thousands)."""

    page: int
    text: str


@lru_cache(maxsize=65536)
def clean_line(line: str) -> str:
    line = line.replace("\u00ad", "").replace("(cid:127)", "•")
    return " ".join(line.split())  # every run of white space (no-break spaces too) as one space


def clean_lines(doc: Document) -> list[tuple[int, str, str]]:
    """(page, raw line, cleaned line) for every line, computed once per document object."""
    if "_clean" not in doc.__dict__:
        doc.__dict__["_clean"] = [(p, raw, clean_line(raw)) for p, raw in doc.lines()]
    return doc.__dict__["_clean"]


def is_heading_like(line: str) -> bool:
    return bool(line) and len(line) < 90 and not _SENTENCE_END.search(line) and line[:1].isupper()


def _blocks(doc: Document) -> list[tuple[int, str]]:
    """Paragraphs as (page, text). A paragraph ends at a blank line after a sentence end, at a bullet,
    or before a heading-like line; a line break inside a sentence (also across pages) is joined.
    Linear in the text: only the end of the paragraph so far is ever looked at."""
    blocks: list[tuple[int, str]] = []
    page, parts, blank = 0, [], False

    def tail() -> str:
        return parts[-1][-40:] if parts else ""

    def flush():
        if parts:
            blocks.append((page, " ".join(parts)))
            parts.clear()

    for pno, _, line in clean_lines(doc):
        if not line:
            blank = True
            continue
        if (line[0].isdigit() and len(line) <= 3 or line[0] in "pP") and _PAGE_NUMBER.match(line):
            continue  # printed page numbers and lone footnote numbers
        if line.startswith("#"):
            flush()
            blocks.append((pno, line.lstrip("#").strip()))
            blank = True
            continue
        starts_bullet = line[0] in BULLETS or ((line[0] in "-*–" or line[0].isdigit()) and bool(_BULLET.match(line)))
        end = tail()
        first = parts[0] if len(parts) == 1 else ""
        continues = (
            parts
            and not starts_bullet
            and (not _SENTENCE_END.search(end) or _ABBREV.search(end))
            and (
                line[0].islower() or line[0] in "(‘'\"“" or line[0].isdigit() or not blank or not is_heading_like(line)
            )
            and not (blank and first and is_heading_like(first))
        )
        if continues:
            if end.endswith("-") and end[-2:-1].isalpha() and line[0].islower():
                parts[-1] += line  # a word hyphenated across lines: keep the hyphen (anti-\nsocial)
            else:
                parts.append(line)
        else:
            flush()
            page = pno
            parts.append(line)
        blank = False
    flush()
    return blocks


def split_sentences(text: str) -> list[str]:
    if "." not in text and "?" not in text and "!" not in text:  # no sentence end: one sentence
        return [text.strip()] if text.strip() else []
    parts = _SPLIT.split(text)
    if len(parts) == 1:
        return [text.strip()] if text.strip() else []
    out: list[str] = []
    for part in parts:
        if out and out[-1].endswith(".") and _ABBREV.search(out[-1]):  # every abbreviation ends in its full stop
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return [p.strip() for p in out if p.strip()]


def blocks(doc: Document) -> list[tuple[int, str]]:
    """Paragraphs of a document, computed once per document object."""
    if "_blocks" not in doc.__dict__:
        doc.__dict__["_blocks"] = _blocks(doc)
    return doc.__dict__["_blocks"]


def sentences(doc: Document) -> list[Sentence]:
    if "_sentences" not in doc.__dict__:
        doc.__dict__["_sentences"] = [Sentence(p, s) for p, t in blocks(doc) for s in split_sentences(t)]
    return doc.__dict__["_sentences"]


def sentence_folds(doc: Document) -> Folds:
    """The document's sentences folded to lower case and joined once (``scan.Folds``), computed once per
    document object: the figure rules and the checks search them whole for the few sentences they can match."""
    if "_sentence_folds" not in doc.__dict__:
        doc.__dict__["_sentence_folds"] = Folds([s.text for s in sentences(doc)])
    return doc.__dict__["_sentence_folds"]
