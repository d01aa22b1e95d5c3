"""Searching a whole document's text fast, with the answers of the plain search.

Python's re looks for a case-sensitive pattern's literal start (or its first characters) before it tries the
pattern; with re.I, or a pattern that starts with ``\\b``, it tries the whole pattern at every position of the
text. Over the text of a long report that is most of the time spent classifying it. Two helpers keep the
answers and skip that work:

- ``fold``: the text in lower case, for patterns written in lower case without re.I;
- ``Finder``: a pattern with the strings one of which its every match contains (``needs``): a text holding
  none of them (``str.__contains__``, far faster than a search) has no match, and is not searched.
"""

from __future__ import annotations

import re

try:
    from re import _parser as _sre
except ImportError:  # Python 3.10
    import sre_parse as _sre  # type: ignore[no-redef]

# The letters re.I compares as another letter than str.lower() makes of them: "İ" (whose lower() is two
# characters) and "ı" as i, "ſ" as s.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def fold(text: str) -> str:
    """``text`` in lower case, as re.I compares its letters: a pattern in lower case without re.I matches the
    folded text where the pattern with re.I matches ``text``, at the same places (each character folds to one)."""
    if "İ" in text or "ı" in text or "ſ" in text:
        text = text.translate(_FOLD)
    return text.lower()


def _needs(items) -> list[str] | None:
    """Strings one of which a match of the parsed sequence ``items`` contains, or None: a run of literal
    characters, a group's or a repeat's (at least once) own, or each branch's of an alternation; the longest
    choice (its shortest string) of those the sequence gives."""
    options: list[list[str]] = []
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append([run])
            run = ""
        inner = None
        if op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            inner = _needs(av[-1])
        elif op is _sre.BRANCH:
            each = [_needs(branch) for branch in av[1]]
            inner = [w for words in each for w in words] if all(each) else None  # type: ignore[union-attr]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            inner = _needs(av[2])
        if inner:
            options.append(inner)
    return max(options, key=lambda words: min(map(len, words))) if options else None


def needs(pattern: str) -> tuple[str, ...]:
    """Strings one of which every match of ``pattern`` (case-sensitive) contains; () when none is certain (a
    branch with no literal of its own, a pattern that ignores case)."""
    try:
        parsed = _sre.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            return ()
        return tuple(dict.fromkeys(_needs(parsed) or ()))
    except Exception:  # noqa: BLE001  a parser of another Python: no strings, every text searched
        return ()


class Finder:
    """A case-sensitive pattern to search whole texts with: a text without any of the strings its every match
    contains is not searched (the answers are those of ``re.compile(pattern)``)."""

    def __init__(self, pattern: str) -> None:
        self.regex = re.compile(pattern)
        self.needs = needs(pattern)

    def possible(self, text: str) -> bool:
        return not self.needs or any(word in text for word in self.needs)

    def search(self, text: str) -> re.Match | None:
        return self.regex.search(text) if self.possible(text) else None

    def findall(self, text: str) -> list:
        return self.regex.findall(text) if self.possible(text) else []

    def finditer(self, text: str):
        return self.regex.finditer(text) if self.possible(text) else iter(())

    def count(self, text: str, n: int) -> int:
        """How often the pattern matches ``text``, counted up to ``n``: a long text stops at its first matches."""
        found = 0
        for _ in self.finditer(text):
            found += 1
            if found >= n:
                break
        return found
