"""How the tracker (``lib.tracker``) reads and compares findings: a status as printed onto the tracker's list,
a finding's label (kind and number), the words that carry its subject and how alike two are (rapidfuzz), the
days from a report to its response, and the two joins: a report's findings to a response's rows, and a
force's findings to the earlier cycle's findings they repeat."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import pandas as pd
from rapidfuzz import fuzz, process

from .text import clean_line
from .vocab import FINDING_LABELS, RECURS_STATED, STATUS_PREFIX, STATUS_RULES

RESPONSE_DAYS = 56  # Police Act 1996, section 55: the Commissioner's response within 56 days of publication
MATCH_MIN = 60.0  # a response's row answers a finding from this text similarity up (0-100)
RECUR_MIN = 70.0  # a finding repeats an earlier one from this similarity up (0-100)
STATED_MIN = 45.0  # a finding the report says recurs takes the best earlier finding from this similarity up
SET_WORDS = 4  # one finding's subject inside another's counts from this many words of its own
SET_PENALTY = 10.0  # taken off a subject found inside a longer one
WORD_MIN = 85.0  # two words are one from this rapidfuzz ratio up
KIND_MISMATCH = 15.0  # taken off the similarity when a response labels a row as another kind of finding

_LABELS = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in FINDING_LABELS.items())
# A finding's label, after a paragraph's own number ("4. Recommendation 1: …"), and what ends it.
_LABEL = re.compile(
    rf"^\W*(?:\d{{1,2}}[.)]\s+)?(?P<label>{_LABELS})\b\s*(?P<number>\d+)?\s*(?:[:.–—-]\s*|/\s*|\s+(?=[A-Z]))?",
    re.I,
)
_STATUS = [(status, re.compile(pattern, re.I)) for status, pattern in STATUS_RULES]
_STATUS_LABEL = re.compile(STATUS_PREFIX, re.I)
_STATED = re.compile(RECURS_STATED, re.I)
_STATUS_IN_TEXT = re.compile(r"\bstatus\s*[:–-]\s*(?P<status>[^.;]+)", re.I)
_YEAR = re.compile(r"\b(20\d\d)(?:\s*[/–-]\s*\d{2,4})?\b")
# Words that carry no subject: the force's name for itself, the deadline, "make sure that".
_BOILER = re.compile(
    r"\b(?:within (?:\w+ )?(?:days|weeks|months)|by (?:\d{1,2} )?[a-z]+ 20\d\d|the (?:force|constabulary)"
    r"|(?:we|hmicfrs|hmic) recommends?(?: that)?|should|make sure(?: that)?|ensure(?:s)?(?: that)?)\b"
)
_STOP = frozenset(
    "a an and are as at be by for from has have in into is it its of on or so that the their this to we which "
    "with all can improve how why whether when where there they them more enough better".split()
)


# ------------------------------------------------------------------------------------------------ words


def status_of(printed: object) -> str | None:
    """A status as printed ("Ongoing – on track", "Status: Complete – monitoring continues.") on the tracker's
    list (``STATUSES``); None for a wording no rule of the vocabulary knows, "" for nothing printed."""
    text = _STATUS_LABEL.sub("", clean_line(text_of(printed))).strip().lower()
    if not text:
        return ""
    for status, pattern in _STATUS:
        if pattern.match(text):
            return status
    return None


def status_in_text(text: object) -> str:
    """A status printed at the end of an action's paragraph ("… Status: Complete – monitoring continues."),
    when the response has no status column; "" when none the vocabulary knows."""
    m = _STATUS_IN_TEXT.search(text_of(text))
    return m.group("status").strip() if m and status_of(m.group("status")) else ""


def label_of(text: object) -> tuple[str | None, str, str]:
    """The kind and number a finding's first words print ("Recommendation 2: …", "AFI 3 …", "Area for
    improvement 1 / …"), and the text after them: (kind or None, number or "", rest)."""
    text = text_of(text)
    m = _LABEL.match(text)
    if not m:
        return None, "", text
    kind = next(k for k in FINDING_LABELS if m.group(k))
    return kind, m.group("number") or "", text[m.end() :]


def subject(text: object) -> str:
    """A finding's words that carry its subject: no label, deadline, "the force should", stop words."""
    low = label_of(text)[2].lower().replace("’", "'")
    low = " ".join(s for s in re.split(r"(?<=[.;])\s+", low) if not _STATED.search(s))  # "this was an area ..."
    low = _BOILER.sub(" ", low)
    return " ".join(_stem(w) for w in re.findall(r"[a-z0-9']+", low) if w not in _STOP)


def _stem(word: str) -> str:
    """A plural's singular, roughly ("examinations", "victims"): enough for two wordings to share a word."""
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


@lru_cache(maxsize=1 << 15)
def _words(text: str) -> frozenset[str]:
    """A text's subject words (``subject``), once a text: the tracker compares each finding with many."""
    return frozenset(subject(text).split())


def _holds(words: frozenset[str], word: str) -> bool:
    """Whether ``words`` hold ``word`` or one alike (rapidfuzz's ratio ``WORD_MIN`` or more)."""
    return word in words or process.extractOne(word, words, scorer=fuzz.ratio, score_cutoff=WORD_MIN) is not None


def similarity(a: object, b: object) -> float:
    """How alike two findings' subjects are, 0-100, word by word (two words are one when rapidfuzz's ratio
    of them is ``WORD_MIN`` or more: "complete", "completed"): the share of words they have in common (Dice),
    or, when the shorter has ``SET_WORDS`` words or more, the share of the shorter's words the longer holds
    less ``SET_PENALTY``, so a finding restated with more words ("…, so that investigations are not
    delayed") still matches."""
    wa, wb = _words(text_of(a)), _words(text_of(b))
    if not wa or not wb:
        return 0.0
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    shared = sum(_holds(long_, w) for w in short)
    score = 200 * shared / (len(wa) + len(wb))
    if len(short) >= SET_WORDS:
        score = max(score, 100 * shared / len(short) - SET_PENALTY)
    return round(float(score), 1)


def text_of(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def slug_of(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def date_bounds(printed: object) -> tuple[date, date] | None:
    """A publication date as the tables hold it ("2022-09-14", "2022-07", "2016") as the first and last
    day it may be; None when there is none."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text_of(printed))
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if d:
        one = date(y, int(mo), int(d))
        return one, one
    if mo:
        first = date(y, int(mo), 1)
        nxt = date(y + (int(mo) == 12), int(mo) % 12 + 1, 1)
        return first, date.fromordinal(nxt.toordinal() - 1)
    return date(y, 1, 1), date(y, 12, 31)


def timeliness(published: object, responded: object) -> tuple[int | None, bool | None]:
    """Days from a report's publication to its response, and whether within 56 days: the days only when
    both dates are days; within 56 days wherever the dates settle it ("2022-03" to "2022-09-14" is late)."""
    a, b = date_bounds(published), date_bounds(responded)
    if a is None or b is None:
        return None, None
    days = (b[0] - a[0]).days if a[0] == a[1] and b[0] == b[1] else None
    shortest, longest = (b[0] - a[1]).days, (b[1] - a[0]).days
    if longest <= RESPONSE_DAYS:
        return days, True
    if shortest > RESPONSE_DAYS:
        return days, False
    return days, None


def match_responses(findings: list[dict], items: list[dict]) -> dict[int, tuple[int, float]]:
    """Which response item answers which finding: {finding index: (item index, score)}. First by kind and
    number ("Recommendation 2" to "Recommendation 2"), then by the text's similarity (one item a finding,
    the best pairs first, from ``MATCH_MIN``; a row labelled as another kind scores ``KIND_MISMATCH`` less)."""
    pairs: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for i, f in enumerate(findings):
        for j, item in enumerate(items):
            if j not in used and f["number"] and item["number"] == f["number"] and item["kind"] == f["kind"]:
                pairs[i], _ = (j, 100.0), used.add(j)
                break
    scored = []
    for i, f in enumerate(findings):
        if i in pairs:
            continue
        for j, item in enumerate(items):
            if j in used:
                continue
            score = similarity(f["text"], item["recommendation"])
            if item["kind"] and item["kind"] != f["kind"]:
                score -= KIND_MISMATCH
            if score >= MATCH_MIN:
                scored.append((score, i, j))
    for score, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i not in pairs and j not in used:
            pairs[i] = (j, round(score, 1))
            used.add(j)
    return pairs


def stated_year(text: str) -> str | None:
    """Whether a finding says it was raised before ("this was an area for improvement in our 2021/22
    inspection"): the year it names, "" when it names none; None when it says nothing of the kind."""
    m = _STATED.search(text)
    if not m:
        return None
    year = _YEAR.search(text[max(0, m.start() - 40) : m.end() + 60])
    return year.group(1) if year else ""


def link_recurrences(rows: list[dict]) -> None:
    """``recurs_from``, ``recurs_how`` and ``recurs_score`` of each row (in place): for each force, each
    report's findings against the findings of its earlier reports, the latest earlier report first. A
    finding the report says recurs takes the most alike earlier finding (of the year it names); another
    takes the most alike earlier finding from ``RECUR_MIN`` up, one earlier finding per later one."""
    by_force: dict[str, list[dict]] = {}
    for r in rows:
        by_force.setdefault(r["force"], []).append(r)
    for force_rows in by_force.values():
        reports = sorted({(r["_year"], r["doc_id"]) for r in force_rows if r["_year"] is not None})
        of_doc: dict[str, list[dict]] = {}  # each report's rows, looked up rather than filtered out again
        for r in force_rows:
            of_doc.setdefault(r["doc_id"], []).append(r)
        for year, doc_id in reports:
            later = of_doc[doc_id]
            earlier = sorted({(y, d) for y, d in reports if y < year}, reverse=True)
            for r in later:
                said = stated_year(f"{r['text']} {r['_evidence']}")
                r["recurs_how"] = "stated" if said is not None else ""
                if said is None:
                    continue
                pool = [e for e in force_rows if e["_year"] is not None and e["_year"] < year]
                pool = [e for e in pool if not said or str(e["_year"]) == said] or pool
                best = max(((similarity(r["text"], e["text"]), e) for e in pool), key=lambda s: s[0], default=None)
                if best and best[0] >= STATED_MIN:
                    r["recurs_from"], r["recurs_score"] = best[1]["finding_id"], round(best[0], 1)
            for _, earlier_doc in earlier:
                before = of_doc[earlier_doc]
                scored = [
                    (similarity(r["text"], e["text"]), i, k)
                    for i, r in enumerate(later)
                    if not r["recurs_from"]
                    for k, e in enumerate(before)
                ]
                taken: set[int] = set()
                for score, i, k in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
                    if score < RECUR_MIN or later[i]["recurs_from"] or k in taken:
                        continue
                    later[i].update(recurs_from=before[k]["finding_id"], recurs_score=round(score, 1))
                    later[i]["recurs_how"] = later[i]["recurs_how"] or "similar"
                    taken.add(k)
