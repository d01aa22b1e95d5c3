"""Prose out of a document's blocks: paragraphs joined where the reader split one sentence, sentences with
their page.

Extractors that read sentences read them from here, out of the Document's typed blocks (never its page
lines), so every format gives the same sentences. A reader gives each heading, paragraph and list item a
block of its own, but a sentence can run over two: a paragraph cut by a page or column break or by a figure,
a paragraph's first line taken for a heading. ``continues`` says when a block goes on with the sentence the
block before left open; ``blocks`` joins those. A list's items stay apart from the line that leads into
them ("Kent Police:" then "• is good at ..."): the grade rules read each item with the lead's subject.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from . import scan
from .model import Block, Document, Prose
from .scan import Folds, fold

# The key of the prose these rules make (``prose``): the source of this module and of the fold (``lib.scan``),
# so that a Document cached with prose that other rules made has it made again, without a version to bump.
PROSE_KEY = hashlib.sha256(Path(__file__).read_bytes() + Path(scan.__file__).read_bytes()).hexdigest()[:16]

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}\s*$", re.I)
_CLOSERS = "'’”)"  # what may close a sentence after its full stop
_SPLIT = re.compile(r"(?<=[.?!])['’”)]?\s+(?=[A-Z‘“'\"(£•]|\d)")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|No|no|Dr|Mr|Mrs|Ms|St|approx|para|fig|Fig)\.)$")


class Sentence(NamedTuple):
    """A sentence and the page it starts on (a tuple: a long report has tens of thousands)."""

    page: int
    text: str


@lru_cache(maxsize=65536)
def clean_line(line: str) -> str:
    line = line.replace("\u00ad", "").replace("(cid:127)", "•")
    return " ".join(line.split())  # every run of white space (no-break spaces too) as one space


def block_text(block: Block) -> str:
    """A heading's, paragraph's or list item's text (on one line: ``lib.readers.one_line``); a bulleted item's
    with its bullet, as printed."""
    text = block.text
    return f"• {text}" if block.kind == "list_item" and not block.number and text else text


def ends_sentence(text: str) -> bool:
    """Whether a text ends a sentence: a full stop (not an abbreviation's), question or exclamation mark,
    perhaps inside a closing quote or bracket. (``_ABBREV``, anchored at the end, is run on the last characters
    only: a match is at most eight long with the word boundary before it.)"""
    last = text[-2:-1] if text[-1:] in _CLOSERS else text[-1:]
    return bool(last) and last in ".?!" and not (last == "." and _ABBREV.search(text[-8:]))


# A continuation's first word: lower case, perhaps after a number ("100 organised crime groups ...").
_GOES_ON = re.compile(r"(?:\d[\d.,%]*\s+)?[a-z]")
# How a heading that is a paragraph's first line ends (or a page's last paragraph that the next page goes on
# with): on a word no heading ends on, or on a name after a clause of a sentence ("In the 12 months to 30
# June 2015, Greater" / "Manchester Police recorded ...").
_OPEN_END = re.compile(r"\b(?:a|an|the|of|in|to|for|and|or|with|by|on|at|from|that|as)$|[,.] (?:.* )?[A-Z][\w-]*$")


def continues(before: Block, before_text: str, block: Block, text: str) -> bool:
    """Whether a block goes on with the sentence the block before it left open (``before_text`` ends
    without a sentence end):
    - it starts in lower case, or with a number and then a lower-case word (a page, column or figure cut the
      paragraph: "... which means that" / "victims are ...", "a rate of 6.8 per" / "100 organised crime ...");
    - it is the first paragraph of a page, and the one before ended the page before as the first part of a
      sentence does (``_OPEN_END``: a paragraph running over a page break, "The force works with the" /
      "Multi-Agency Safeguarding Hub ..."), not as a caption or a chart's text does ("... 30 June 2015 14");
    - the block before is a heading (not the title) that ends as the first line of a paragraph does, not as a
      heading does (``_OPEN_END``: "Of those who have been the victim of a crime in", "In the 12 months to
      30 June 2015, Greater"): the reader took the line for a heading because the next word did not fit."""
    if ends_sentence(before_text) or block.kind == "list_item":
        return False
    if _GOES_ON.match(text):
        return True
    if before.kind == "heading":
        return block.kind == "paragraph" and before.level > 1 and bool(_OPEN_END.search(before_text))
    return block.kind == "paragraph" and block.page == before.page + 1 and bool(_OPEN_END.search(before_text))


Breaks = tuple[tuple[int, int], ...]  # (the character where a later page's part starts, that page)


def _paragraphs(doc: Document) -> tuple[list[tuple[int, str]], list[Breaks]]:
    """Paragraphs as (page, text), each on the page where it starts: each heading, paragraph and list item, a
    block that ``continues`` the one before joined to it; a table's cells; printed page numbers left out. With
    each, where its parts on later pages start (a block's own ``Block.breaks``, and the blocks joined to it
    from a later page), for the page of each of its sentences."""
    out: list[tuple[int, str]] = []
    breaks: list[Breaks] = []
    last = None
    for block in doc.blocks:
        if block.kind == "table":  # its cells in reading order, a paragraph of its own
            out.append((block.page, clean_line(" ".join(" ".join(row) for row in block.rows) or block.text)))
            breaks.append(())
            last = None
            continue
        text = block_text(block)
        if not text or (len(text) <= 8 and _PAGE_NUMBER.match(text)):
            continue
        # (a bullet put before an item's text moves its breaks by as much)
        own = tuple((at + len(text) - len(block.text), p) for at, p in block.breaks) if block.breaks else ()
        if last is not None and continues(last, out[-1][1], block, text):
            page, before = out[-1]
            hyphen = before.endswith("-") and before[-2:-1].isalpha()  # a word hyphenated across the break
            at = len(before) if hyphen else len(before) + 1
            on = breaks[-1][-1][1] if breaks[-1] else page  # the page the paragraph has reached
            breaks[-1] += (((at, block.page),) if block.page != on else ()) + tuple((at + k, p) for k, p in own)
            out[-1] = (page, f"{before}{text}" if hyphen else f"{before} {text}")
        else:
            out.append((block.page, text))
            breaks.append(own)
        last = block
    return out, breaks


def sentence_pages(paragraph: str, page: int, breaks: Breaks, said: list[str]) -> list[int]:
    """The page each sentence of a paragraph starts on: the paragraph's, or the later page whose part it
    starts in (``breaks``). Each sentence is found in the paragraph after the start of the one before it; one
    not found as printed (an abbreviation's stop and the next part joined again) is on the page of the one
    before."""
    pages, cursor, start = [], 0, 0
    for sentence in said:
        at = paragraph.find(sentence, cursor)
        if at >= 0:
            start, cursor = at, at + 1
        pages.append(next((p for offset, p in reversed(breaks) if offset <= start), page))
    return pages


def split_sentences(text: str) -> list[str]:
    if "." not in text and "?" not in text and "!" not in text:  # no sentence end: one sentence
        return [text.strip()] if text.strip() else []
    return _merged(_SPLIT.split(text))


# Where a sentence ends in a text on one line (one space between words, ``lib.readers.one_line``): ``_SPLIT``
# with its stop first, which a search finds far faster than a look behind at every character.
_CUT = re.compile(r"[.?!]['’”)]? (?=[A-Z‘“'\"(£•]|\d)")


def split_paragraphs(texts: list[str]) -> list[list[str]]:
    """``split_sentences`` of each text, for texts on one line (a paragraph of ``blocks``): one search of them
    all joined by line breaks (no cut spans one), where a search a text costs more than the search."""
    joined = "\n".join(texts)
    cuts = _CUT.finditer(joined)
    hit = next(cuts, None)
    out, start = [], 0
    for text in texts:
        end = start + len(text)
        parts, at = [], start
        while hit is not None and hit.start() < end:
            parts.append(joined[at : hit.start() + 1])  # the stop kept, a closing mark and the space dropped
            at = hit.end()
            hit = next(cuts, None)
        parts.append(joined[at:end])
        out.append(_merged(parts))
        start = end + 1
    return out


def _merged(parts: list[str]) -> list[str]:
    """The parts a text was cut into, an abbreviation's part joined to the next, empty parts left out."""
    out: list[str] = []
    for part in parts:
        if out and out[-1].endswith(".") and _ABBREV.search(out[-1][-8:]):  # every abbreviation ends in its stop
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return [p.strip() for p in out if p.strip()]


def prose(doc: Document) -> Prose:
    """The document's paragraphs (``_paragraphs``), their sentences, and the sentences' and blocks' texts
    folded (``sentence_folds``, ``block_folds``), made once: kept on the Document (``Document.prose``), which
    the read stage caches with them, so that an extraction from a cached Document does not make them again."""
    if doc.prose is None or doc.prose.key != PROSE_KEY:
        paragraphs, breaks = _paragraphs(doc)
        split = split_paragraphs([t for _, t in paragraphs])
        make = tuple.__new__  # Sentence(p, s) without its constructor's Python call: tens of thousands a report
        said = []
        for (page, text), broken, ss in zip(paragraphs, breaks, split):
            if broken:  # a paragraph over a page break: each sentence on the page it starts on
                said += [make(Sentence, (p, s)) for p, s in zip(sentence_pages(text, page, broken, ss), ss)]
            else:
                said += [make(Sentence, (page, s)) for s in ss]
        folded = fold("\n".join(s.text for s in said)), fold("\n".join(b.text for b in doc.blocks))
        doc.prose = Prose(PROSE_KEY, paragraphs, said, *folded)
    return doc.prose


def blocks(doc: Document) -> list[tuple[int, str]]:
    """Paragraphs of a document as (page, text) (``prose``)."""
    return prose(doc).paragraphs


def sentences(doc: Document) -> list[Sentence]:
    """Sentences of a document with their page (``prose``)."""
    return prose(doc).sentences  # type: ignore[return-value]  # made as Sentence


def sentence_folds(doc: Document) -> Folds:
    """The document's sentences folded to lower case and joined (``scan.Folds``; folded once, with the prose):
    the figure rules and the checks search them whole for the few sentences they can match."""
    if "_sentence_folds" not in doc.__dict__:
        doc.__dict__["_sentence_folds"] = Folds([s.text for s in sentences(doc)], prose(doc).sentences_folded)
    return doc.__dict__["_sentence_folds"]


def block_folds(doc: Document) -> Folds:
    """The fold of each of a document's blocks, joined (``scan.Folds``, its indexes those of ``doc.blocks``;
    folded once, with the prose): a rule finds the few blocks that print its words without a look at each."""
    if "_block_folds" not in doc.__dict__:
        doc.__dict__["_block_folds"] = Folds([b.text for b in doc.blocks], prose(doc).blocks_folded)
    return doc.__dict__["_block_folds"]
