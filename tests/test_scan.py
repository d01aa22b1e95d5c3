"""lib.scan: the fast searches answer as the plain ones."""

from __future__ import annotations

import random
import re
import sys

import pytest

from lib import checks, classify, forces, scan
from lib.scan import FOLDS_PLAINLY, SHORT, Finder, fold, needs

# Every character with a case mapping of its own: the only ones re.I may read as another character.
CASED = [
    chr(c)
    for c in range(sys.maxunicode + 1)
    if not 0xD800 <= c < 0xE000
    and (chr(c).lower() != chr(c) or chr(c).upper() != chr(c) or chr(c).casefold() != chr(c))
]


def test_fold_reads_letters_as_re_i_does():
    plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 '&-.:" + "".join(FOLDS_PLAINLY)
    for x in plain:
        pattern = re.compile(re.escape(x), re.I)
        for c in [*CASED, *plain]:
            assert (pattern.fullmatch(c) is not None) == (fold(c) == fold(x)), (x, c)
    for c in CASED:
        assert len(fold(c)) == 1, c
        for cls in (r"\w", r"\s", r"\d", r"[^.\n]"):
            assert (re.fullmatch(cls, c) is None) == (re.fullmatch(cls, fold(c)) is None), (cls, c)


def test_fold_keeps_the_lower_case_made_already():
    assert fold("Kent Police", "kent police") == "kent police"
    assert fold("İnspection ſection", "i̇nspection ſection") == "inspection section"


def test_needs_are_words_every_match_holds_near_its_start():
    assert needs(r"\bdear (?:mr|mrs)\b") == [("dear mr", 0)]  # the parser took "r" out of both
    assert needs(r"section 55\b|\b56 days\b") == [("section 55", 0), ("56 days", 0)]
    assert needs(r"c(?:heshire|umbria)") == [("cheshire", 0), ("cumbria", 0)]
    assert needs(r"areas? for improvement") == [(" for improvement", 5)]
    assert needs(r"\w+ cause") == [(" cause", None)]  # after a word of any length
    assert needs(r"a|\d") == []  # a branch without a literal
    assert needs(r"(?i)Kent") == [("kent", 0)]  # ignoring case: folded
    assert needs(r"Kent|Ɐx", re.I) == []  # a letter re.I may read otherwise than fold()


FINDERS = [
    *(value for value in vars(classify).values() if isinstance(value, Finder)),
    *classify._NAMED.values(),
    *classify._PAGE_QUESTION.values(),
    *classify._OVERALL,
    checks.GRADED_IN,
    checks.CAUSES,
    checks.EXPLAINED,
    forces._finder(),
]
# searched in the text as printed
ORIGINAL_CASE = (classify.FOREIGN, classify._HMICFRS, classify._HMIC, classify._CYCLE, classify._DATES)
# Pieces of text the patterns look for, and pieces that nearly match them, run together at random.
PIECES = [
    *"the force is good at keeping people safe and reducing crime , . : \n ( ) 'good' extent".split(" "),
    "Kent Police",
    "PEEL 2021/22",
    "PEEL: Police effectiveness 2016",
    "PEEL 2023–25",
    "3rd of March, 2019",
    "12 June 2017",
    "we inspected the force between May and June 2019",
    "statement from the police and crime commissioner",
    "the chief constable said",
    "requires improvement in",
    "Graded judgments in eight of these nine areas",
    "we have identified two causes of concern",
    "found 3 accelerated causes of concern",
    "Dear Sir",
    "Dear Mrs",
    "Yours sincerely",
    "section 55",
    "56 days",
    "Police and Crime Commissioner",
    "PCC",
    "OPCC",
    "PCCs",
    "commissioner's office",
    "How efficient is the force",
    "police effectiveness",
    "overall legitimacy",
    "the extent to which the force is effective",
    "judgment was carried over",
    "We don't grade",
    "not inspected",
    "HMICFRS",
    "HMIC",
    "HMICs",
    "PEEL",
    "peel",
    "Dyfed-Powys",
    "New South Wales",
    "North Yorkshire",
    "Gwent",
    "safer-Gwent",
    "South Wales Police",
    "West Mercia",
    "Ohio",
    "response to HMICFRS",
    "response to the PEEL",
    "summary of findings",
    "overall judgement",
    "areas for improvement",
    "is 'good'",
    "effectiveness – good",
    "has been graded",
    "newsletter",
    "unsubscribe",
    "action plan",
    "recommendations",
    "responding to",
    "how effectively does the constabulary reduce crime and keep people safe",
    "Inspectorate of Constabulary",
]


@pytest.mark.parametrize("stretch", [64, scan.STRETCH])
@pytest.mark.parametrize("seed", range(6))
def test_a_finder_finds_what_its_pattern_finds(seed, stretch, monkeypatch):
    """Every answer the pattern's own, with the words' places found in long stretches and in many short ones
    (a match and the words it needs across the stretches' ends)."""
    monkeypatch.setattr(scan, "STRETCH", stretch)
    rng = random.Random(seed)
    texts = [" ".join(rng.choice(PIECES) for _ in range(n)) for n in (3, 40, 400, 1500)]
    assert len(texts[-1]) > SHORT
    for finder in FINDERS:
        for text in texts:
            text = text if finder.folds or finder in ORIGINAL_CASE else text.lower()
            expect = [(m.span(), m.groups()) for m in finder.regex.finditer(text)]
            assert [(m.span(), m.groups()) for m in finder.finditer(text)] == expect, finder.regex.pattern
            assert finder.findall(text) == finder.regex.findall(text)
            assert finder.count(text, 2) == min(len(expect), 2)


def test_patterns_searched_in_folded_text_are_in_lower_case():
    for finder in FINDERS:
        if finder.folds or finder in ORIGINAL_CASE:
            continue
        letters = re.sub(r"\\[A-Za-z]", "", finder.regex.pattern)
        assert letters == letters.lower(), finder.regex.pattern


@pytest.mark.parametrize("automaton", [False, True])
@pytest.mark.parametrize("stretch", [1, 16, scan.STRETCH])
def test_places_come_in_order_across_stretches(stretch, automaton, monkeypatch):
    """Every place of every word, in the order of its first place to try, though a word far into one stretch
    may give a first place before those of the stretch ahead (its ``back`` reaching over the end); the words
    found by a search each or by one pass of their automaton (a word inside another found too)."""
    monkeypatch.setattr(scan, "STRETCH", stretch)
    rng = random.Random(7)
    text = "".join(rng.choice(["ab", "c", " abc", "ca", "  ", "bca"]) for _ in range(400))
    backs = {"abc": 40, "ca": 0, "b": 3}
    every = sorted((max(at - back, 0), at) for word, back in backs.items() for at in _every_place(text, word))
    words = scan.automaton({word: (len(word), back) for word, back in backs.items()}) if automaton else None
    assert list(scan._places(text, backs, words)) == every


def test_a_finder_of_many_words_finds_them_in_one_pass():
    """The force names' finder needs more than ``MANY`` words: their automaton finds the places."""
    assert len(forces._finder().needs) >= scan.MANY and forces._finder().automaton is not None
    assert len(classify._INSPECTORATE.needs) < scan.MANY and classify._INSPECTORATE.automaton is None


def _every_place(text: str, word: str) -> list[int]:
    return [at for at in range(len(text)) if text.startswith(word, at)]


def test_folds_keep_each_text_and_find_the_gated_ones():
    texts = ["The Force İS Good", "", "ſafer streets", "a Cause of Concern\u00a0here", "İİ ıı"]
    folds = scan.Folds(texts)
    assert [folds.text(k) for k in range(len(texts))] == [fold(t) for t in texts]
    gate = scan.Gate(re.compile(r"is good|cause of concern|safer", re.I))
    assert folds.holding(gate) == {k for k, t in enumerate(texts) if gate.open(fold(t))} == {0, 2, 3}
