"""Citations as a reader quotes them: the evidence and labels of figures and findings without the marks a
converter leaves in a document's text.

- a pandoc heading attribute (``{#main-content}``, ``{.class}``) and a Markdown footnote reference (``[^2]``);
- a footnote number run into the word before it ("Overall judgment1:", "England and Wales2.");
- a hyphen a line break left inside a word ("comp-lete", "vulnerabi-lity", "popu-lation"), where the
  document prints the word whole elsewhere or the part after the hyphen is a syllable, not a word; a
  compound ("anti-social", "non-emergency", "well-being") keeps its hyphen;
- an empty bracket or one left empty but for its separators ("(per 1,000 population; )").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable

from ..vocab import HYPHEN_PREFIXES, SYLLABLE_TAILS

ATTRIBUTE = re.compile(r"\s*\{[#.][^{}]*\}")
FOOTNOTE_REF = re.compile(r"\[\^?\d{1,3}\]")
GLUED_NOTE = re.compile(r"(?<=[a-z]{3})\d{1,2}(?=[\s.,;:)’'\"]|$)")
BROKEN = re.compile(r"\b(?P<a>[a-z]{2,})-(?P<b>[a-z]{2,})\b")
EMPTY_TAIL = re.compile(r"\s*[;,]\s*(?=\))")
EMPTY_BRACKET = re.compile(r"\s*\(\s*[;,]?\s*\)")
RUN = re.compile(r"[-\w]{4,}")


def words_of(texts: Iterable[str]) -> set[str]:
    """Every word a document prints whole (lower case), for ``rejoin``: a run of four or more letters, no
    hyphen, digit or other letter joined to it. One search over the texts joined by line breaks (a break is no
    part of a word) for every run of word characters and hyphens, each run printed lowered once."""
    return {w.lower() for w in set(RUN.findall("\n".join(texts))) if w.isascii() and w.isalpha()}


def document_words(doc) -> set[str]:
    """``words_of`` a Document's blocks, worked out once a document (kept in ``doc.__dict__``, which the
    Document cache does not store): the findings and the figures both ask."""
    if "_words" not in doc.__dict__:
        doc.__dict__["_words"] = words_of(b.text for b in doc.blocks)
    return doc.__dict__["_words"]


_SORTED: dict[str, object] = {}  # the last set of words asked about (held, so it is that very set) and its sort


def _has_prefix(words: set[str], start: str, more: int) -> bool:
    """Whether a word of ``words`` starts with ``start`` and has at most ``more`` letters after it (by bisection
    over the words sorted once, not a pass over every word)."""
    if _SORTED.get("of") is not words:
        _SORTED.update(of=words, sorted=sorted(words))
    ordered: list[str] = _SORTED["sorted"]  # type: ignore[assignment]
    i = bisect_left(ordered, start)
    while i < len(ordered) and ordered[i].startswith(start):
        if len(ordered[i]) - len(start) <= more:
            return True
        i += 1
    return False


def rejoin(text: str, words: set[str] = frozenset()) -> str:
    """``text`` with each hyphen a line break left inside a word taken out."""

    def one(m: re.Match) -> str:
        a, b = m.group("a"), m.group("b")
        whole = a + b
        if a.lower() in HYPHEN_PREFIXES:
            return m.group(0)
        printed_whole = whole.lower() in words or _has_prefix(words, whole.lower(), 3)
        if printed_whole or b.lower() in SYLLABLE_TAILS:
            return whole
        return m.group(0)

    return BROKEN.sub(one, text)


def _unmarked(text: str) -> str:
    """``text`` without a converter's marks and empty brackets (the hyphens left in)."""
    text = ATTRIBUTE.sub("", text)
    text = FOOTNOTE_REF.sub("", text)
    text = GLUED_NOTE.sub("", text)
    text = EMPTY_TAIL.sub("", text)
    return EMPTY_BRACKET.sub("", text)


def clean_citation(text: str, words: set[str] = frozenset()) -> str:
    """A quoted sentence, label or finding as a reader would quote it."""
    if not text:
        return text
    return " ".join(rejoin(_unmarked(text), words).split())


def clean_citations(texts: list[str], words: Callable[[], set[str]]) -> list[str]:
    """``clean_citation`` of each text, ``words()`` (a search of a whole document) asked for only when a
    hyphen in one of them is not a compound's prefix, the only place ``rejoin`` looks at the words."""
    unmarked = [_unmarked(t) if t else t for t in texts]
    asks = any(m.group("a").lower() not in HYPHEN_PREFIXES for t in unmarked if t for m in BROKEN.finditer(t))
    printed = words() if asks else frozenset()
    return [" ".join(rejoin(t, printed).split()) if t else t for t in unmarked]
