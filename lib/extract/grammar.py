"""The small grammar of how the inspectorate states a grade in words: cells, headings and sentences.

Each form is one pattern or one small function, with a test of its own (tests/test_grammar*.py):
- a cell or a line that is a grade ("Good", "Requires improvement", "Good*" = carried over);
- a heading that holds its grade ("Investigating crime: Good", "Overall judgment Good");
- sentences (``SENTENCE_RULES``): "<force> is good at ...", "The extent to which the force is effective at
  keeping people safe and reducing crime is inadequate" (or "... requires improvement"), "... is: good.",
  "has been assessed/judged/graded as good" (or "judged to require improvement"), grades in quotes ('good'),
  "<force> requires improvement in ...", "the efficiency with which the force ... is good" (2014), "its use of
  resources ... is assessed to be good" in a clause of its own, a press release's "<force>'s effectiveness at
  ... is good"; a sentence is read clause by clause (semicolons), several grades in one ("good at X, and is
  good at Y"), one grade for two areas ("good at investigating crime and protecting vulnerable people");
- lists: a count of areas then their names ("graded as good in three areas: A, B and C"), and list items
  whose subject, or subject and grade, sit in the line that introduces them.
Not grades (``not_a_grade``): "not yet graded", "carried over" or "not inspected", last year's grade in
prose, the scale listed in prose. Contents pages and letters are left out by the callers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, lru_cache

from .. import forces as F
from ..scan import fold, needs
from ..vocab import (
    BULLET_GLYPHS,
    CONDITION_WORDS,
    FORCE_NOUN,
    G_OR_NONE,
    G_VERB,
    GRADES,
    ONE_QUESTION_PAIRS,
    PILLAR_NAME,
    G,
    area_key,
    grade_name,
    pillar_of,
)

_Q = r"['‘’\"“”]?"
# A cell, block or line that is only a grade; an asterisk or dagger after it marks a grade carried over.
GRADE_CELL = re.compile(
    rf"^\W*(?P<grade>{G_OR_NONE})\s*(?P<star>\*+|†)?\s*(?:\(?(?:last inspected|carried over from)\s*(?P<year>20\d\d)\)?)?\W*$",
    re.I,
)
LAST_INSPECTED = re.compile(
    r"^\W*(?:last inspected|carried over from|grade (?:given|awarded) in)\s*:?\s*(?:in\s+)?(20\d\d)\W*$"
    r"|\b(?:judg(?:e)?ment|grade) from (?:our |the )?(20\d\d)(?: inspection)? (?:has been|was|is) carried over",
    re.I,
)
# A heading or a short line that holds its own grade: "Investigating crime: Good", "Overall judgment1 Good".
LABEL_GRADE = re.compile(
    rf"^(?P<label>[A-Z][^.?!]{{2,150}}?[?)]?)(?:\s*(?<!\d)\d{{1,2}}(?!\d))?\s*[:|–-]?\s+(?P<grade>{G})(?P<star>\*+)?\W*$",
    re.I,
)
# Contents pages: a line that ends in a page number.
CONTENTS_LINE = re.compile(r"\s\d{1,3}$")
# A grade word anywhere: a text without one states no grade, whatever rule reads it.
GRADE_WORD = re.compile(rf"\b(?:{G})\b", re.I)
# The word every spelling of each grade ends in ("requires improvement"), less those inside another
# ("adequate" is in "inadequate"): every grade word holds one.
_ENDS = {g.split()[-1].lower() for g in GRADES}
GRADE_ENDS = tuple(sorted(w for w in _ENDS if not any(o != w and o in w for o in _ENDS)))


def grade_word_bounds(texts: list[str]) -> list[int]:
    """For each text, at least as many as the grade words it holds in any case (0: none): how often the
    words of ``GRADE_ENDS`` occur in it. One plain search over all the texts folded to lower case as a
    case-blind pattern reads them (``scan.fold``, which keeps each character one) rather than a pattern per
    text, which pays where texts are many (sentences)."""
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    low = fold("\0".join(texts))  # no word spans a NUL
    counts = [0] * len(texts)
    for word in GRADE_ENDS:
        at = low.find(word)
        while at >= 0:
            counts[bisect_right(starts, at) - 1] += 1
            at = low.find(word, at + 1)
    return counts


# The verbs of a sentence: a label that holds one is prose.
_LABEL_VERB = re.compile(r"\b(?:is|are|was|were|be|been|has|have|should|will)\b", re.I)


@lru_cache(maxsize=65536)
def grade_cell(text: str) -> tuple[str, bool, str | None] | None:
    """(grade, carried over?, year last inspected) when a cell or line is a grade, else None. Kept per text:
    the rules ask it of every block, several times over."""
    hit = GRADE_CELL.match(" ".join(text.split()))
    if not hit:
        return None
    return grade_name(hit.group("grade")), bool(hit.group("star")), hit.group("year")


def pillar_heading(text: str) -> str | None:
    """A heading that is a pillar's name alone ("Effectiveness"): the pillar, else None."""
    hit = PILLAR_NAME.match(text)
    return hit.group(1).lower() if hit else None


@lru_cache(maxsize=65536)
def label_grade(text: str) -> tuple[str, str, bool] | None:
    """(label, grade, starred) for a heading or short line that holds its own grade, else None."""
    text = " ".join(text.split())
    if len(text) > 180 or text.endswith("."):  # a sentence, not a label
        return None
    hit = LABEL_GRADE.match(text)
    if not hit or _LABEL_VERB.search(hit.group("label")):
        return None
    if GRADE_WORD.search(hit.group("label")[1:]):  # rows run together, not one label
        return None
    return hit.group("label").strip(" :–-"), grade_name(hit.group("grade")), bool(hit.group("star"))


# ------------------------------------------------------------------------------------------ sentences
def _subject() -> str:
    """Who a grade sentence is about: the force (by any name of any force), the force, the constabulary."""
    return rf"(?P<subject>{FORCE_NOUN}|{_IT}|{F.any_name_pattern()})"


# "it" opening a sentence or a clause ("However, it requires improvement in ...", "..., but it is good at ...").
_IT = r"(?:^|(?<=\bbut )|(?<=\bhowever, )|(?<=\bhowever )|(?<=\band )|(?<=\byet ))it\b"


# (rule name, pattern). ``area`` names the question; a rule without ``area`` grades the pillar overall.
SENTENCE_RULES: list[tuple[str, str]] = [
    (
        "extent_is",  # The extent to which the force is effective at keeping people safe ... is good.
        rf"\bthe extent to which {{S}} (?P<area>.{{5,220}}?) (?:is:?\s*|(?={_Q}(?:{G_VERB})))"
        rf"{_Q}(?P<grade>{G}){_Q}\s*[.!]?$",
    ),
    (
        "with_which_is",  # the efficiency with which the force carries out its responsibilities is good (2014)
        rf"\bthe (?P<area>effectiveness|efficiency|legitimacy) with which {{S}} [^.;]{{3,200}}? is:?\s*{_Q}(?P<grade>{G}){_Q}\s*[.!]?$",
    ),
    (
        "assessed_as",  # ... has been assessed/judged/graded as 'good' in respect of its legitimacy
        rf"{{S}} (?:has been|is|was today) (?:assessed|judged|graded|rated) (?:as |to be |to (?={G_VERB}))?{_Q}(?P<grade>{G}){_Q},? (?:at|in|for|on|in respect of|in terms of|in how) (?P<area>[^.;]{{3,220}})",
    ),
    (
        "assessed_as_overall",  # ... has been graded as good. (the pillar of the page or report)
        rf"{{S}} (?:has been|is|was today) (?:assessed|judged|graded|rated) (?:as |to be |to (?={G_VERB}))?{_Q}(?P<grade>{G}){_Q}\s*[.!]?$",
    ),
    (
        "its_area_judged",  # ...; its use of resources to manage demand is assessed to be good; and its planning ...
        rf"(?:^|\band )(?:its|the force['’]s|{{S}}['’]s) (?P<area>[^.;,]{{3,120}}?) (?:is|has been|was) (?:also )?(?:assessed|judged|graded|rated|found) (?:as |to be |to (?={G_VERB}))?{_Q}(?P<grade>{G}){_Q}\s*[.!]?$",
    ),
    (
        "is_grade_at",  # Essex Police is good at preventing crime ...
        rf"{{S}} is (?:currently |still |now )?{_Q}(?P<grade>{G}){_Q} (?:at|in|for) (?P<area>[^.;]{{3,220}})",
    ),
    (
        "found_to_be",  # HMICFRS found the force to be 'inadequate' at protecting vulnerable people
        rf"\b(?:found|finds|considers?|judges) {{S}} to be {_Q}(?P<grade>{G}){_Q} (?:at|in|for) (?P<area>[^.;]{{3,220}})",
    ),
    (
        "requires_improvement_in",  # Essex Police requires improvement in how it investigates crime
        rf"{{S}} {_Q}(?P<grade>{G_VERB}){_Q} (?:at|in|to|for|on) (?P<area>[^.;]{{3,220}})",
    ),
    (
        "judgment_on",  # Our judgment on how well the force meets current demands is requires improvement.
        rf"\bour (?:overall )?judg(?:e)?ment (?:on|of) (?P<area>.{{5,200}}?) is:?\s*{_Q}(?P<grade>{G}){_Q}\s*[.!]?$",
    ),
    (
        "grade_for_pillar",  # The force's effectiveness is good. / Its overall legitimacy grade is: requires improvement.
        # A headline may run into the next line ("... is good Avon and Somerset Constabulary's ...").
        rf"^(?:{{S}}['’]s|its|the force['’]s) (?:overall )?(?P<area>effectiveness|efficiency|legitimacy)(?: (?:at|in) [^.;]{{3,150}}?)?(?: grade| judg(?:e)?ment)? is:?\s*{_Q}(?P<grade>{G}){_Q}(?:\s*[.!]?$|\s+(?=[A-Z]))",
    ),
]
# Prose that mentions a grade without giving one for this report.
NOT_A_GRADE = re.compile(
    r"\bnot (?:yet )?(?:been )?graded\b|\bcarried over\b|\bnot inspected\b|\blast year\b|\bprevious(?:ly)?\b"
    r"|\bin (?:19|20)\d\d,? (?:we|it|the force|hmic(?:frs)?|the inspectorate)\b|\bwe (?:judged|graded|assessed|found)\b|\b(?:was|were|had been) (?:judged|graded|assessed|rated)\b"
    r"|\bwhen we (?:judged|graded|assessed|found)\b",
    re.I,
)


@cache
def _names() -> re.Pattern:
    """A force's name (or "the force", "it") anywhere in a line, not only at a sentence's start."""
    return re.compile(_subject().replace("^", "(?!)"), re.I)


_OWN = re.compile(rf"{FORCE_NOUN}$|it$", re.I)


@lru_cache(maxsize=4096)
def _who(subject: str) -> str | None:
    """The force a sentence's subject names ("Kent Police"), None for "the force", "it" or no subject."""
    return F.canonical(subject) if subject and not _OWN.match(subject) else None


FEW_WORDS = 8  # the most words a sentence rule is gated by (``_rules``)


@cache
def _rules() -> list[tuple[str, re.Pattern, re.Pattern | None, tuple[str, ...]]]:
    """(name, pattern, what follows the subject, words) of each sentence rule. A rule that starts with its
    subject is slow to fail (the subject names every force, tried at every position): its words after the
    subject are looked for first, on their own. ``words``: one of them is in every match, folded
    (``scan.needs``): a clause without any is not searched; () when none is certain, or when they are so many
    (a force's every name) that looking for each costs more than the search."""
    subject = _subject()
    out = []
    for name, p in SENTENCE_RULES:
        rule = re.compile(p.replace("{S}", subject), re.I)
        after = re.compile(p.removeprefix("{S}"), re.I) if p.startswith("{S}") else None
        words = tuple(dict.fromkeys(word for word, _ in needs((after or rule).pattern, re.I)))
        out.append((name, rule, after, words if len(words) <= FEW_WORDS else ()))
    return out


def not_a_grade(sentence: str) -> bool:
    """Prose that names grades without grading: the scale listed, last year's grade, 'not yet graded',
    'carried over' or 'not inspected', a condition."""
    hits = list(GRADE_WORD.finditer(sentence))
    if len({hit.group(0).lower().split()[0] for hit in hits}) >= 3 or NOT_A_GRADE.search(sentence):
        return True
    # A condition before the first grade is about more work.
    return bool(hits and CONDITION_WORDS.search(sentence[: hits[0].start()]))


# "good at treating the public fairly and at ensuring ...", "'outstanding' at X and 'good' at Y"
# "good at reducing crime ..., and is good at investigating offending", "good at X, good at Y and good at Z":
# each part its own grade (after a bare comma only where a grade and "at" follow).
AND_AT = re.compile(
    rf"(?:,? and (?:(?:it|the force|the constabulary) )?(?:is )?|, (?={_Q}(?:{G}){_Q} (?:at|in) ))"
    rf"(?:{_Q}({G}){_Q} )?(?:at|in) (?=\w)",
    re.I,
)
# Where an area's words end: a clause that turns to something else ("..., but could do more").
AREA_END = re.compile(r",? (?:but|although|though|while|whereas)\b.*$", re.I)
# Where a sentence's statements part: a semicolon ("...; its planning for future demand is judged to be good").
CLAUSE = re.compile(r"\s*;\s*")


def two_areas(text: str) -> list[str]:
    """One grade for two areas ("good at investigating crime and protecting vulnerable people"): the two
    names when each names a different area and together they are not one question of their year; else
    the text alone."""
    for hit in re.finditer(r",? and ", text):
        left, right = text[: hit.start()], text[hit.end() :]
        a, b = area_key(left), area_key(right)
        if a and b and a != b and "overall" not in (a, b) and (a, b) not in ONE_QUESTION_PAIRS:
            return [left, right]
    return [text]


def clauses(sentence: str) -> list[str]:
    """A sentence's statements, parted at semicolons (a run-in "and" at a clause's start kept)."""
    return [c for c in CLAUSE.split(sentence) if c.strip()]


# A bullet's glyph or dash at the start of an item.
BULLET = re.compile(rf"^\s*(?:[{re.escape(BULLET_GLYPHS)}]|[-–*](?=\s))\s*")
# An item that starts with its grade, its subject in the line that introduces the list ("HMIC judged that
# Avon and Somerset Constabulary:" then "• is 'good' at preventing crime ...").
ITEM_GRADE_FIRST = re.compile(rf"^(?:is |are )?{_Q}(?:{G}){_Q}\s+(?:at|in|for)\b", re.I)


def lead_subject(lead: str) -> str | None:
    """The force a line that introduces a list names last ("HMIC judged that Kent Police:"), when the line
    ends with a colon and is no mention of an old grade; else None."""
    if not lead.rstrip().endswith(":"):  # most lines: nothing to normalise
        return None
    lead = " ".join(lead.split())
    if not_a_grade(lead):
        return None
    names = [m.group("subject") for m in _names().finditer(lead)]
    names = [n for n in names if n.lower() != "it"]
    return names[-1] if names else None


# A count of areas at a grade, then their names after a colon (press releases, 2021 on): "Kent Police was
# graded as good in three areas: investigating crime, protecting vulnerable people and managing offenders."
# With nothing after the colon it introduces a list whose items are the names.
LISTED = (
    rf"{{S}} (?:was|were|has been|have been|is|are) (?:graded|rated|judged|assessed|found to be)(?: as| to be)? "
    rf"{_Q}(?P<grade>{G}){_Q} (?:in|at|for)(?: (?P<count>\w+) (?:of (?:the|its|these) \w+ )?(?:areas?|questions?)"
    rf"(?: of policing)?| the following(?: areas?)?)?\s*[:–]\s*(?P<area>.*)$"
)
# Where the names of a list part: a comma or semicolon (with "and" after it), or "and" before a verb in -ing.
_LIST_SEP = re.compile(r"(\s*[;,]\s*(?:and\s+)?|\s+and\s+(?=[a-z]+ing\b))")


@cache
def _listed() -> re.Pattern:
    return re.compile(LISTED.replace("{S}", _subject()), re.I)


def list_names(text: str) -> list[str]:
    """The area names of a list in prose ("investigating crime, protecting vulnerable people and managing
    offenders and suspects"). A part that names no area, or the same area as the part before it, belongs to
    its neighbour ("Building, supporting and protecting the workforce" is one name)."""
    pieces = _LIST_SEP.split(text.strip(" .;:"))
    names: list[tuple[str, str | None]] = []
    pending = ""
    for n in range(0, len(pieces), 2):
        part = pending + pieces[n]
        pending = ""
        key = area_key(part)
        if key is None or (names and names[-1][1] == key):
            if names and key is None and n + 1 >= len(pieces):
                names[-1] = (names[-1][0] + pieces[n - 1] + part, names[-1][1])
            elif names and key is not None:
                names[-1] = (names[-1][0] + pieces[n - 1] + part, key)
            else:
                pending = part + (pieces[n + 1] if n + 1 < len(pieces) else "")
            continue
        names.append((part, key))
    return [name.strip() for name, _ in names]


# What makes a count of grades an old one ("In 2019 the force was graded good in two areas: ...").
OLD_COUNT = re.compile(
    r"\blast year\b|\bprevious(?:ly)?\b|\b(?:in|since) (?:19|20)\d\d\b|\bcarried over\b|\bnot (?:yet )?graded\b", re.I
)


# What every count of areas says (a verb of grading, then a colon or a dash), looked for before the pattern
# itself, which names every force and is slow to fail.
_LISTED_HINT = re.compile(r"\b(?:graded|rated|judged|assessed|found to be)\b[^:–]*[:–]", re.I)


def _may_list(text: str) -> bool:
    return (":" in text or "–" in text) and _LISTED_HINT.search(text) is not None


def listed_grades(sentence: str, force: str | None) -> list[dict]:
    """The grades of a count of areas followed by their names; [] when the sentence is no such list."""
    hit = _listed().search(sentence) if _may_list(sentence) else None
    if not hit or not hit.group("area").strip() or OLD_COUNT.search(sentence):
        return []
    who = _who(hit.group("subject")) or force
    grade = grade_name(hit.group("grade"))
    out = []
    for name in list_names(hit.group("area")):
        if (key := area_key(name)) and key != "overall":
            out.append(
                {"rule": "listed", "grade": grade, "area": key, "area_label": name, "pillar": None, "force": who}
            )
    return out


def lead_grade(lead: str) -> tuple[str, str] | None:
    """(subject, grade) of a line that introduces a list of areas at one grade ("The force was graded as good
    in three areas:"), else None."""
    if lead.rstrip()[-1:] not in (":", "–"):  # the lead of a list ends with its colon (or dash)
        return None
    lead = " ".join(lead.split())
    hit = _listed().search(lead) if _may_list(lead) else None
    if not hit or hit.group("area").strip() or OLD_COUNT.search(lead):
        return None
    return hit.group("subject"), hit.group("grade")


def item_sentence(subject: str | tuple[str, str] | None, item: str) -> str | None:
    """A list item as a sentence with what its lead line says: the subject of an item that starts with its
    grade ("• is good at ..."), or the subject and grade of an item that is an area's name ("• investigating
    crime;" under "... graded as good in two areas:"); else None."""
    text = BULLET.sub("", item)
    if isinstance(subject, tuple):
        name = text.strip(" .;,")
        if name.lower().startswith("and "):
            name = name[4:]
        if len(name.split()) > 12 or not (key := area_key(name)) or key == "overall":
            return None
        return f"{subject[0]} is {subject[1].lower()} at {name}."
    if not subject or not ITEM_GRADE_FIRST.match(text):
        return None
    return f"{subject} {text}"


def _area(rule: str, area_text: str) -> tuple[str | None, str | None]:
    """(area key, pillar) of the words a rule captured; no words: the pillar's overall grade."""
    if not area_text:
        return "overall", None
    pillar = pillar_of(area_text)
    key = area_key(area_text)
    if rule in ("extent_is", "with_which_is", "grade_for_pillar") and pillar:
        key = "overall"  # "the extent to which the force is effective at ...": the pillar's own grade
    if key is None and pillar and len(area_text.split()) <= 6:
        key = "overall"  # "in respect of legitimacy", "for its efficiency"
    return key, (pillar if key == "overall" else None)


def sentence_grades(sentence: str, force: str | None) -> list[dict]:
    """The grades one sentence states: dicts (rule, grade, area, area_label, pillar, force). ``force`` is the
    document's force; a sentence about another named force gives that force's grade. The first rule that
    matches reads the sentence; areas joined by "and at" each get the grade."""
    if listed := listed_grades(sentence, force):
        return listed
    if not GRADE_WORD.search(sentence) or not_a_grade(sentence):
        return []
    return [hit for clause in clauses(sentence) for hit in _clause_grades(clause, force)]


def _clause_grades(sentence: str, force: str | None) -> list[dict]:
    """The grades of one clause: the first rule that matches reads it."""
    out: list[dict] = []
    low = fold(sentence)
    for name, rule, after_subject, words in _rules():
        if words and not any(word in low for word in words):
            continue
        if after_subject is not None and not after_subject.search(sentence):
            continue
        for hit in rule.finditer(sentence):
            who = _who(hit.groupdict().get("subject") or "") or force
            # "'outstanding' at meeting demand and 'good' at planning": each part with its own grade.
            parts = AND_AT.split(AREA_END.sub("", (hit.groupdict().get("area") or "").strip()))
            grade = grade_name(hit.group("grade"))
            for n in range(0, len(parts), 2):
                grade = grade_name(parts[n - 1]) if n and parts[n - 1] else grade
                for area_text in two_areas(parts[n]) if parts[n] else [parts[n]]:
                    key, pillar = _area(name, area_text)
                    if key is not None:
                        label = area_text or sentence
                        out.append(
                            {
                                "rule": name,
                                "grade": grade,
                                "area": key,
                                "area_label": label,
                                "pillar": pillar,
                                "force": who,
                            }
                        )
        if out:
            break
    return out
