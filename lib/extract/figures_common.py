"""What the figure extractors share: number and period patterns, the row they give, and the gates that spare a
rule its search of a text that does not print the words every match of it prints."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from ..model import Document
from ..text import clean_lines
from ..vocab import MONTH

try:  # the pattern's parse tree: which words every match of a rule prints
    from re import _constants as _op
    from re import _parser
except ImportError:  # Python 3.10
    import sre_constants as _op  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]
_REPEATS = tuple(getattr(_op, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_op, name))

N = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
SIGNED = rf"[-+−–]?{N}"
PERIOD = re.compile(
    rf"(?:the )?(12 months to (?:\d{{1,2}} )?{MONTH} \d{{4}}(?: against (?:the )?12 months to (?:\d{{1,2}} )?{MONTH} \d{{4}})?"
    rf"|(?:as at|on) \d{{1,2}} {MONTH} \d{{4}}|year ending (?:\d{{1,2}} )?{MONTH} \d{{4}}"
    rf"|between {MONTH} \d{{4}} and {MONTH} \d{{4}})",
    re.I,
)
PCT = r"(?:percent|per cent|%)"
DIGIT = re.compile(r"\d")


def num(text: str) -> float:
    text = text.replace(",", "").replace("−", "-").replace("–", "-").rstrip("%").strip()
    return float(text)


def slug(text: str) -> str:
    text = re.sub(r"\([^)]*\)", lambda m: " " + m.group(0)[1:-1] + " ", text.lower())
    text = re.sub(r"[*†‡]|\d+$", "", text)
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:60]


_PERIOD_RANK = (r"^12 months", r"^year ending", r"^between", r"^(?:as at|on)")


def _norm_period(found: str) -> str:
    found = re.sub(r"^the ", "", found, flags=re.I)
    found = re.sub(r"^on ", "as at ", found, flags=re.I)
    return found[0].lower() + found[1:] if re.match(r"(?:as at|between|year ending)", found, re.I) else found


@lru_cache(maxsize=8192)
def periods_in(text: str) -> list[str]:
    """The periods a text names (every one has a year: a text without a digit names none). The same sentence
    is asked about for itself and for the figures of the two after it, so it is worked out once."""
    if not text or not DIGIT.search(text):
        return []
    return [_norm_period(m.group(1)) for m in PERIOD.finditer(text)]


def period_of(*texts: str) -> str:
    """The period a figure is for: '12 months to ...' before 'year ending', 'between', 'as at' dates."""
    for text in texts:
        found = periods_in(text)
        for rank in _PERIOD_RANK:
            for p in found:
                if re.match(rank, p, re.I):
                    return p
    return ""


def figure(indicator, label, period, unit, value, ew, page, evidence):
    return {
        "indicator": indicator,
        "label": label,
        "period": period,
        "unit": unit,
        "value": value,
        "england_wales": ew,
        "page": page,
        "evidence": evidence,
    }


# ---------------------------------------------------------------- gates: what a rule cannot match without
def fold(text: str) -> str:
    """``text`` in lower case, the long s, the dotless i and the dotted capital I (which IGNORECASE takes for
    an ASCII s and i, and lower() keeps, or makes an i and a combining dot) as those letters: wherever a
    pattern matches ``text``, the words a ``Gate`` reads from it are in its fold."""
    return text.lower().replace("ſ", "s").replace("ı", "i").replace("i\u0307", "i")


def folded_lines(doc: Document) -> str:
    """The fold of a document's cleaned lines joined by line breaks, worked out once a document: a rule that
    needs words the document never prints reads none of its lines."""
    if "_folded_lines" not in doc.__dict__:
        doc.__dict__["_folded_lines"] = fold("\n".join(t for _, _, t in clean_lines(doc)))
    return doc.__dict__["_folded_lines"]


class Gate:
    """The words (lower case, ASCII) one of which every match of some of ``patterns`` prints, read from the
    patterns themselves: a text whose fold holds none of them is skipped without a search, which costs a scan
    per character; None (let every text through) when some branch of a pattern prints no fixed word."""

    def __init__(self, *patterns: re.Pattern):
        needs = [_needed(_parser.parse(p.pattern, p.flags).data) for p in patterns]
        words = set().union(*needs) if None not in needs else None
        # A word holding another is printed only where that one is: the shorter is enough.
        self.words = None if words is None else sorted(w for w in words if not any(o != w and o in w for o in words))

    def open(self, folded: str) -> bool:
        return self.words is None or any(w in folded for w in self.words)


class Folds:
    """A list of texts folded and joined by line breaks (which no gate's word holds) once, to find which texts
    a gate lets through by a string search of the whole, far cheaper than a look at each text."""

    def __init__(self, texts: list[str]):
        self.folds = [fold(t) for t in texts]
        self.joined = "\n".join(self.folds)
        self.ends = list(accumulate(len(f) + 1 for f in self.folds))  # where each text's line break ends

    def holding(self, gate: Gate) -> set[int]:
        """The indexes of the texts whose fold holds one of the gate's words (each text found once: the
        search goes on after its end)."""
        if gate.words is None:
            return set(range(len(self.ends)))
        found: set[int] = set()
        for word in gate.words:
            at = self.joined.find(word)
            while at >= 0:
                k = bisect_right(self.ends, at)
                found.add(k)
                at = self.joined.find(word, self.ends[k])
        return found


def _needed(items) -> frozenset[str] | None:
    """The best requirement of a sequence of parse items: a run of literal letters, or a group's (any branch's)
    words, whichever's shortest word is longest."""
    best, run = None, ""
    for op, av in [*items, (None, None)]:
        if op is _op.LITERAL and av < 128 and chr(av) != "\n":
            run += chr(av).lower()
            continue
        run = run.strip()  # a word, not the spaces around it: fewer places a search starts at
        best, run = _better(best, frozenset([run]) if run else None), ""
        if op is _op.SUBPATTERN:
            best = _better(best, _needed(av[-1]))
        elif op is _op.BRANCH:
            branches = [_needed(b) for b in av[1]]
            best = _better(best, None if None in branches else frozenset().union(*branches))
        elif op in _REPEATS and av[0] >= 1:
            best = _better(best, _needed(av[2]))
    return best


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None or b is None:
        return a or b
    return a if min(map(len, a)) >= min(map(len, b)) else b
