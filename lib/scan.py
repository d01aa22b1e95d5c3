"""Searching a whole document's text fast, with the answers of the plain search.

Python's re looks for a case-sensitive pattern's literal start (or its first characters) before it tries the
pattern; with re.I, or a pattern that starts with ``\\b``, it tries the whole pattern at every position of the
text. Over the text of a long report that is most of the time spent classifying it. Two helpers keep the
answers and skip that work:

- ``fold``: the text in lower case, for patterns written in lower case without re.I;
- ``Gate`` and ``Folds``: the words one of which every match of some patterns contains, and a list of texts
  folded and joined once, to find the texts a gate lets through by one string search of the whole;
- ``Finder``: a pattern with the words one of which its every match contains, each at most so many characters
  after the match's start (``needs``). A text holding none of them (``str.__contains__``, far faster than a
  search) has no match; in a long text the pattern is tried only just before each place of a word
  (``str.find``; for a pattern that needs many words, one pass of an Aho–Corasick automaton finds them all).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate

import ahocorasick  # pyahocorasick: many words found in one pass over a text, in C

try:
    from re import _parser as _sre
except ImportError:  # Python 3.10
    import sre_parse as _sre  # type: ignore[no-redef]

# The letters re.I compares as another letter than str.lower() makes of them: "İ" (whose lower() is two
# characters) and "ı" as i, "ſ" as s.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
# The characters beyond ASCII that re.I compares as fold() reads them (tests/test_scan.py tries every one).
FOLDS_PLAINLY = set("–—‘’“”")
# The most characters a match may run before the word it needs, for the pattern to be tried only there.
FAR = 100
# A text shorter than this is searched whole: finding each word's places costs more than the search.
SHORT = 2000
# The first stretch of a long text whose words' places are found (``_places``).
STRETCH = 8192
# From this many words, one pass of an automaton over a text finds them sooner than a search for each.
MANY = 8

Needs = list[tuple[str, int | None]]  # (word, the most characters before it in a match; None: more than FAR)


def fold(text: str, lower: str | None = None) -> str:
    """``text`` in lower case, as re.I compares its letters: a pattern in lower case without re.I matches the
    folded text where the pattern with re.I matches ``text``, at the same places (each character folds to one).
    ``lower``: ``text.lower()`` when made already (the folded text but for those three letters)."""
    if "İ" in text or "ı" in text or "ſ" in text:
        return text.translate(_FOLD).lower()
    return text.lower() if lower is None else lower


def _width(seq, op, av) -> int:
    """The most characters one parsed item can take."""
    return _sre.SubPattern(seq.state, [(op, av)]).getwidth()[1]


def _inner(op, av, rank) -> Needs | None:
    """The needs of a group, an alternation (each branch's, together) or a repeat taken at least once."""
    if op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
        return _needs(av[-1], rank)
    if op is _sre.BRANCH:
        each = [_needs(branch, rank) for branch in av[1]]
        return [need for needs in each for need in needs] if all(each) else None  # type: ignore[union-attr]
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
        return _needs(av[2], rank)
    return None


def _rank(needs: Needs) -> tuple[bool, int, int]:
    """Words near the match's start first (the pattern can be tried just before them), then long words (rare:
    few places to try), then fewer words (each is a pass over the text)."""
    return all(back is not None for _, back in needs), min(min(len(word) for word, _ in needs), 5), -len(needs)


def _rarest(needs: Needs) -> tuple[int, int]:
    """For a gate, which finds texts and never tries a pattern at a place: the longest shortest word, then fewer
    words (rare words: few texts hold them)."""
    return min(len(word.strip()) for word, _ in needs), -len(needs)


def _needs(seq, rank) -> Needs | None:
    """The needs of a parsed sequence, or None: the best of its runs of literal characters and its items'."""
    options: list[Needs] = []
    at: int | None = 0  # the most characters the items so far take; None past FAR
    run, run_at = "", at
    for op, av in [*seq, (None, None)]:
        if op is _sre.LITERAL:
            run, run_at = (run + chr(av), run_at) if run else (chr(av), at)
        else:
            inner = _inner(op, av, rank) if op is not None else None
            if run and inner and all(b == 0 for _, b in inner):  # "c" then "(?:heshire|umbria)": "cheshire"...
                options.append([(run + word, run_at) for word, _ in inner])
            if run:
                options.append([(run, run_at)])
                run = ""
            if op is None:
                break
            if inner:
                options.append([(word, None if at is None or b is None else at + b) for word, b in inner])
        if at is not None:
            at += 1 if op is _sre.LITERAL else _width(seq, op, av)
            at = at if at <= FAR else None
    return max(options, key=rank) if options else None


def needs(pattern: str, flags: int = 0, rank=_rank) -> Needs:
    """(word, back): every match of ``pattern`` contains one of the words, at most ``back`` characters after its
    start (None: maybe further); [] when nothing is certain (a branch without a literal of its own). With re.I
    the words are folded (``fold``), to be found in the folded text."""
    try:
        parsed = _sre.parse(pattern, flags)
        found = _needs(parsed, rank) or []
    except Exception:  # noqa: BLE001  a parser of another Python: no words, every text searched
        return []
    if parsed.state.flags & re.IGNORECASE:
        if not all(c.isascii() or c in FOLDS_PLAINLY for word, _ in found for c in word):
            return []  # a letter re.I may read otherwise than fold()
        found = [(fold(word), back) for word, back in found]
    return found


class Finder:
    """A pattern to search whole texts with, with the answers of ``re.compile(pattern, flags)``: a text without
    any word the pattern needs is not searched, and a long one is tried only just before the places of those
    words."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags)
        self.folds = bool(self.regex.flags & re.IGNORECASE)
        found = needs(pattern, flags)
        backs: dict[str, int | None] = {}
        for word, back in found:  # a word two branches need: the further back
            old = backs.get(word, back)
            backs[word] = None if back is None or old is None else max(back, old)
        self.needs = tuple(backs)
        self.backs = backs if all(b is not None for b in backs.values()) else None
        self.automaton = automaton({w: (len(w), b or 0) for w, b in backs.items()}) if len(backs) >= MANY else None

    def _text(self, text: str) -> str:
        return fold(text) if self.folds else text

    def possible(self, text: str) -> bool:
        low = self._text(text)
        if self.automaton is not None:
            return next(self.automaton.iter(low), None) is not None
        return not self.needs or any(word in low for word in self.needs)

    def finditer(self, text: str) -> Iterator[re.Match]:
        if not self.needs:
            return self.regex.finditer(text)
        if self.backs is None or len(text) < SHORT:
            return self.regex.finditer(text) if self.possible(text) else iter(())
        return self._tried(text, self.backs)

    def _tried(self, text: str, backs: dict[str, int]) -> Iterator[re.Match]:
        """``finditer``'s matches, the pattern tried (``match``) only at the places from ``back`` characters
        before a word it needs to the word, in order: every match starts at such a place."""
        low = self._text(text)
        end = tried = 0  # the end of the last match; the places before ``tried`` were tried
        for first, last in _places(low, backs, self.automaton):
            at = max(first, tried, end)
            while at <= last:
                hit = self.regex.match(text, at)
                if hit:
                    yield hit
                    end = hit.end()  # a match holds a word: never empty
                at = max(at + 1, end)
            tried = max(tried, last + 1)

    def search(self, text: str) -> re.Match | None:
        return next(self.finditer(text), None)

    def findall(self, text: str) -> list:
        """``re.findall``'s answer: each match's text, its group's, or its groups' ("" for a group not taken)."""
        groups = self.regex.groups
        hits = self.finditer(text)
        if groups == 0:
            return [hit.group(0) for hit in hits]
        return [(hit.group(1) or "") if groups == 1 else hit.groups("") for hit in hits]

    def count(self, text: str, n: int) -> int:
        """How often the pattern matches ``text``, counted up to ``n``: a long text stops at its first matches."""
        found = 0
        for _ in self.finditer(text):
            found += 1
            if found >= n:
                break
        return found


def automaton(words: dict[str, object]) -> ahocorasick.Automaton:
    """An Aho–Corasick automaton of ``words``, each with its value: ``iter`` gives (the index of a place's last
    character, the value) for every place of every word in a text, overlapping places too."""
    found = ahocorasick.Automaton()
    for word, value in words.items():
        found.add_word(word, value)
    found.make_automaton()
    return found


def _places(text: str, backs: dict[str, int], words: ahocorasick.Automaton | None = None) -> Iterator[tuple[int, int]]:
    """(first, last) place a match may start at for each place of a word of ``backs`` in ``text``, in order.
    The words are found a stretch of the text at a time, the first short and each next twice as long: a search
    that stops at its first matches (``search``, ``count``) reads only the start of a long text. ``words``: the
    automaton of ``backs`` (``Finder``'s, each word's value its length and back), to find many words in one
    pass of each stretch rather than one search a word."""
    reach = max(backs.values(), default=0)
    longest = max(map(len, backs), default=1)
    waiting: list[tuple[int, int]] = []  # found, not yet safe to give: a later stretch may hold an earlier first
    start, size = 0, STRETCH
    while start < len(text):
        stop = min(len(text), start + size)
        found = waiting
        if words is not None:  # the places that start before ``stop``, whole words past it too
            for end, (n, back) in words.iter(text, start, min(len(text), stop + longest - 1)):
                if (at := end - n + 1) < stop:
                    found.append((max(at - back, 0), at))
        else:
            for word, back in backs.items():
                limit = stop + len(word) - 1  # the places of the word that start before ``stop``
                at = text.find(word, start, limit)
                while at >= 0:
                    found.append((max(at - back, 0), at))
                    at = text.find(word, at + 1, limit)
        found.sort()
        # A word placed at or after ``stop`` gives a first of at least ``stop - reach``: the places before it
        # come before every later one.
        safe = bisect_left(found, (stop - reach,)) if stop < len(text) else len(found)
        yield from found[:safe]
        waiting = found[safe:]
        start, size = stop, size * 2


class Gate:
    """The words (folded) one of which every match of some of ``patterns`` prints (``needs``): a text whose fold
    holds none of them is skipped without a search; ``words`` None (let every text through) when some pattern
    has no word every match of it prints."""

    def __init__(self, *patterns: re.Pattern):
        each = [{fold(word).strip() for word, _ in needs(p.pattern, p.flags, _rarest)} - {"", "\n"} for p in patterns]
        words = set().union(*each) if all(each) else None
        # A word holding another is printed only where that one is: the shorter is enough.
        self.words = None if words is None else sorted(w for w in words if not any(o != w and o in w for o in words))

    def open(self, folded: str) -> bool:
        return self.words is None or any(w in folded for w in self.words)


class Folds:
    """A list of texts folded and joined by line breaks once, to find which texts a gate lets through by a string
    search of the whole, far cheaper than a look at each text."""

    def __init__(self, texts: list[str], joined: str | None = None):
        """``joined``: the texts folded and joined, when made already (``lib.text.prose`` keeps them)."""
        self.joined = fold("\n".join(texts)) if joined is None else joined  # each character folds to one
        self.ends = list(accumulate(map((1).__add__, map(len, texts))))  # where each text's line break ends

    def text(self, k: int) -> str:
        """The ``k``th text folded."""
        return self.joined[self.ends[k - 1] if k else 0 : self.ends[k] - 1]

    def holding(self, gate: Gate) -> set[int]:
        """The indexes of the texts whose fold holds one of the gate's words (each text found once: the search
        goes on after its end)."""
        return set(range(len(self.ends))) if gate.words is None else self.holding_words(gate.words)

    def holding_words(self, words: Iterable[str]) -> set[int]:
        """The indexes of the texts whose fold holds one of ``words`` (folded)."""
        found: set[int] = set()
        for word in words:
            at = self.joined.find(word)
            while at >= 0:
                k = bisect_right(self.ends, at)
                found.add(k)
                at = self.joined.find(word, self.ends[k])
        return found
