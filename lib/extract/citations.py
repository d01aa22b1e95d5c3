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
from collections.abc import Iterable

from ..vocab import HYPHEN_PREFIXES, SYLLABLE_TAILS

ATTRIBUTE = re.compile(r"\s*\{[#.][^{}]*\}")
FOOTNOTE_REF = re.compile(r"\[\^?\d{1,3}\]")
GLUED_NOTE = re.compile(r"(?<=[a-z]{3})\d{1,2}(?=[\s.,;:)’'\"]|$)")
BROKEN = re.compile(r"\b(?P<a>[a-z]{2,})-(?P<b>[a-z]{2,})\b")
EMPTY_TAIL = re.compile(r"\s*[;,]\s*(?=\))")
EMPTY_BRACKET = re.compile(r"\s*\(\s*[;,]?\s*\)")


def words_of(texts: Iterable[str]) -> set[str]:
    """Every word a document prints whole (lower case), for ``rejoin``."""
    return {w.lower() for t in texts for w in re.findall(r"(?<![-\w])[A-Za-z]{4,}(?![-\w])", t)}


def rejoin(text: str, words: set[str] = frozenset()) -> str:
    """``text`` with each hyphen a line break left inside a word taken out."""

    def one(m: re.Match) -> str:
        a, b = m.group("a"), m.group("b")
        whole = a + b
        if a.lower() in HYPHEN_PREFIXES:
            return m.group(0)
        printed_whole = whole.lower() in words or any(
            w.startswith(whole.lower()) and len(w) - len(whole) <= 3 for w in words
        )
        if printed_whole or b.lower() in SYLLABLE_TAILS:
            return whole
        return m.group(0)

    return BROKEN.sub(one, text)


def clean_citation(text: str, words: set[str] = frozenset()) -> str:
    """A quoted sentence, label or finding as a reader would quote it."""
    if not text:
        return text
    text = ATTRIBUTE.sub("", text)
    text = FOOTNOTE_REF.sub("", text)
    text = GLUED_NOTE.sub("", text)
    text = EMPTY_TAIL.sub("", text)
    text = EMPTY_BRACKET.sub("", text)
    return " ".join(rejoin(text, words).split())
