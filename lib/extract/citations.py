"""Citations as a reader quotes them: the evidence and labels of figures and findings without the marks a
converter leaves in a document's text.

- a pandoc heading attribute (``{#main-content}``, ``{.class}``) and a Markdown footnote reference (``[^2]``);
- a footnote number run into the word before it ("Overall judgment1:", "England and Wales2.");
- an empty bracket or one left empty but for its separators ("(per 1,000 population; )").

A hyphen a line break left inside a word is the readers' to take out (``lib/readers/hyphens.py``), where the
document's lines show which form is right.
"""

from __future__ import annotations

import re

ATTRIBUTE = re.compile(r"\s*\{[#.][^{}]*\}")
FOOTNOTE_REF = re.compile(r"\[\^?\d{1,3}\]")
GLUED_NOTE = re.compile(r"(?<=[a-z]{3})\d{1,2}(?=[\s.,;:)’'\"]|$)")
EMPTY_TAIL = re.compile(r"\s*[;,]\s*(?=\))")
EMPTY_BRACKET = re.compile(r"\s*\(\s*[;,]?\s*\)")


def _unmarked(text: str) -> str:
    """``text`` without a converter's marks and empty brackets."""
    text = ATTRIBUTE.sub("", text) if "{" in text else text  # each mark's character looked for first: most
    text = FOOTNOTE_REF.sub("", text) if "[" in text else text  # quotations print none of them
    text = GLUED_NOTE.sub("", text)
    return EMPTY_BRACKET.sub("", EMPTY_TAIL.sub("", text)) if ")" in text else text


def clean_citation(text: str) -> str:
    """A quoted sentence, label or finding as a reader would quote it."""
    return " ".join(_unmarked(text).split()) if text else text


def clean_citations(texts: list[str]) -> list[str]:
    """``clean_citation`` of each text."""
    return [clean_citation(t) for t in texts]
