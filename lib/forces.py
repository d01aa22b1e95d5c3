"""The 43 territorial police forces of England and Wales, and finding them in text by name or alias."""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache

from .paths import DATA
from .scan import Finder


@lru_cache(maxsize=1)
def forces() -> list[dict]:
    with open(DATA / "forces.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _names(row: dict) -> list[str]:
    names = [row["force"], row["short"]] + [a for a in row["aliases"].split("|") if a]
    # Every hyphenated name also matches with a space or a dash, as text tools print it.
    more = [n.replace("-", " ") for n in names if "-" in n] + [n.replace("-", "–") for n in names if "-" in n]
    return [n for n in dict.fromkeys(names + more) if n not in {"the Met", "GMP"}]


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, str]]:
    lookup: dict[str, str] = {}
    for row in forces():
        for name in _names(row):
            lookup[name.lower()] = row["force"]
    alternation = trie_pattern(list(lookup))
    # "Safer Gwent" is a partnership, "Southern Wales" a region: only whole names count; "New Hampshire" and
    # "New South Wales" are not Hampshire or South Wales.
    return re.compile(rf"(?<![\w-])(?<!New )(?:{alternation})(?![\w-])", re.I), lookup


def trie_pattern(words: list[str]) -> str:
    """An alternation of ``words`` factored by their common beginnings ("dyfed(?:-powys|...)"), so that a
    search tries one branch a character instead of every name at every position; the longest match first, as
    the sorted alternation it replaces."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


def any_name_pattern() -> str:
    """A regex alternation matching any name of any force (whole names only), for grammar rules."""
    return _pattern()[0].pattern


@lru_cache(maxsize=65536)
def canonical(name: str) -> str | None:
    """Canonical force name for a name or alias ("Dyfed Powys", "Heddlu Gwent"), or None. Remembered: the
    extractors ask it of every table cell and line that might name a force."""
    pattern, lookup = _pattern()
    name = re.sub(r"\s+", " ", name.strip())
    hit = pattern.fullmatch(name)
    return lookup[hit.group(0).lower()] if hit else None


@lru_cache(maxsize=1)
def _finder() -> Finder:
    return Finder(_pattern()[0].pattern, re.I)


def mentions(text: str) -> Counter:
    """How often each force is named in a text (canonical names). A long text is searched only where a name's
    first word is (``scan.Finder``)."""
    lookup = _pattern()[1]
    return Counter(lookup[m.group(0).lower()] for m in _finder().finditer(text))


def short(force: str) -> str:
    for row in forces():
        if row["force"] == force:
            return row["short"]
    return force


def name_pattern(force: str) -> str:
    """A regex alternation matching any name of one force (for patterns like '<force> recorded 17,130')."""
    for row in forces():
        if row["force"] == force:
            return "|".join(re.escape(n) for n in sorted(_names(row), key=len, reverse=True))
    return re.escape(force)
