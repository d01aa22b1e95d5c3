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
from collections.abc import Callable, Iterable
from functools import lru_cache

from ..vocab import HYPHEN_PREFIXES, SYLLABLE_TAILS

ATTRIBUTE = re.compile(r"\s*\{[#.][^{}]*\}")
FOOTNOTE_REF = re.compile(r"\[\^?\d{1,3}\]")
GLUED_NOTE = re.compile(r"(?<=[a-z]{3})\d{1,2}(?=[\s.,;:)’'\"]|$)")
BROKEN = re.compile(r"\b(?P<a>[a-z]{2,})-(?P<b>[a-z]{2,})\b")
EMPTY_TAIL = re.compile(r"\s*[;,]\s*(?=\))")
EMPTY_BRACKET = re.compile(r"\s*\(\s*[;,]?\s*\)")


class Printed:
    """The words a document prints whole, for ``rejoin``: each asked of its text folded to lower case once (a
    search per word asked, far cheaper than a set of every word of a report). A word is a run of letters with
    no hyphen, digit or other letter joined to it."""

    def __init__(self, texts: Iterable[str]):
        self.text = "\n".join(texts).lower()  # a line break is no part of a word

    def prints(self, start: str, more: int = 0) -> bool:
        """Whether the document prints a word that starts with ``start`` (lower case) and has at most ``more``
        letters after it."""
        text, tail = self.text, _tail(more)
        at = text.find(start)
        while at >= 0:
            if (at == 0 or not RUN_CHAR.match(text, at - 1)) and tail.match(text, at + len(start)):
                return True
            at = text.find(start, at + 1)
        return False


RUN_CHAR = re.compile(r"[-\w]")
NOTHING = Printed([])


@lru_cache(maxsize=8)
def _tail(more: int) -> re.Pattern:
    """At most ``more`` letters, then the end of the word."""
    return re.compile(rf"[a-z]{{0,{more}}}(?![-\w])")


def document_words(doc) -> Printed:
    """The words a Document's blocks print, folded once a document (kept in ``doc.__dict__``, which the Document
    cache does not store): the findings and the figures both ask."""
    if "_words" not in doc.__dict__:
        doc.__dict__["_words"] = Printed(b.text for b in doc.blocks)
    return doc.__dict__["_words"]


def rejoin(text: str, words: Printed = NOTHING) -> str:
    """``text`` with each hyphen a line break left inside a word taken out."""

    def one(m: re.Match) -> str:
        a, b = m.group("a"), m.group("b")
        whole = a + b
        if a.lower() in HYPHEN_PREFIXES:
            return m.group(0)
        printed_whole = words.prints(whole.lower(), 3)
        if printed_whole or b.lower() in SYLLABLE_TAILS:
            return whole
        return m.group(0)

    return BROKEN.sub(one, text)


def _unmarked(text: str) -> str:
    """``text`` without a converter's marks and empty brackets (the hyphens left in)."""
    text = ATTRIBUTE.sub("", text) if "{" in text else text  # each mark's character looked for first: most
    text = FOOTNOTE_REF.sub("", text) if "[" in text else text  # quotations print none of them
    text = GLUED_NOTE.sub("", text)
    return EMPTY_BRACKET.sub("", EMPTY_TAIL.sub("", text)) if ")" in text else text


def clean_citation(text: str, words: Printed = NOTHING) -> str:
    """A quoted sentence, label or finding as a reader would quote it."""
    if not text:
        return text
    return " ".join(rejoin(_unmarked(text), words).split())


def clean_citations(texts: list[str], words: Callable[[], Printed]) -> list[str]:
    """``clean_citation`` of each text, ``words()`` (a search of a whole document) asked for only when a
    hyphen in one of them is not a compound's prefix, the only place ``rejoin`` looks at the words."""
    unmarked = [_unmarked(t) if t else t for t in texts]
    asks = any(m.group("a").lower() not in HYPHEN_PREFIXES for t in unmarked if t for m in BROKEN.finditer(t))
    printed = words() if asks else NOTHING
    return [" ".join(rejoin(t, printed).split()) if t else t for t in unmarked]
