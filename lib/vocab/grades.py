"""The grades: the four- and five-point scales, the forms that give no grade, the patterns that read a grade
word, and the grades' colours and ink (the same in every chart, table and box)."""

from __future__ import annotations

import re

# ------------------------------------------------------------------------------------------------ grades
GRADES = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]  # best first
UNGRADED = "Ungraded"
SCALES = {
    "four_point": [g for g in GRADES if g != "Adequate"],  # 2014 to 2019
    "five_point": list(GRADES),  # from the 2021/22 programme
}
SCALE_NAMES = {"four_point": "four-point scale", "five_point": "five-point scale"}
# The forms in which no grade is given where a grade stands.
NO_GRADE_WORDS = ("ungraded", "not graded")
_NO_GRADE = {"", *NO_GRADE_WORDS, "n/a", "none", "nan", "<na>"}


def _alternation(words: list[str]) -> str:
    """A regular-expression alternation of grade words, each spelling as printed ("require(s) improvement")."""
    return "|".join(w.lower().replace("requires ", "requires? ") for w in words)


# A grade word, as a pattern to put inside a group: "outstanding|good|adequate|requires? improvement|inadequate".
G = _alternation(GRADES)
# The same with the forms that stand where a grade stands but give none.
G_OR_NONE = f"{G}|{'|'.join(NO_GRADE_WORDS)}"
GRADE_RE = re.compile(rf"\b({G_OR_NONE})\b", re.I)
# A line that is nothing but a grade (how panels and "Summary of findings" print it).
GRADE_LINE = re.compile(rf"^\W*({G_OR_NONE})\W*$", re.I)
# A grade word run into the name after it; "Good use of resources" is a name ("Good" needs a capital after it).
GRADE_LEAD = re.compile(
    rf"^((?i:{_alternation([g for g in GRADES if g != 'Good'])})|(?:Good|GOOD)(?=\s+[A-Z][a-z]))\s+(\S.*)$"
)
# The grade that reads as a verb phrase in a sentence ("Essex Police requires improvement in ...").
G_VERB = _alternation([GRADES[3]])
# The first word of a grade that a graphic's header wraps over two lines ("Requires" / "improvement").
GRADE_FIRST_WORDS = {g.split()[0].lower(): g for g in GRADES if " " in g}
GRADE_REST_WORDS = {g.split(" ", 1)[1].lower(): g for g in GRADES if " " in g}
# The grades' colours: the same in every chart, table and box, and used for grades only.
GRADE_COLOURS = {
    "Outstanding": "#1b7837",
    "Good": "#7fbf7b",
    "Adequate": "#f6d55c",
    "Requires improvement": "#f4a259",
    "Inadequate": "#c0392b",
    UNGRADED: "#bdbdbd",
}
# Text on a grade's colour: white on the dark ends of the scale.
GRADE_INK = {g: ("white" if g in (GRADES[0], GRADES[-1]) else "black") for g in GRADE_COLOURS}
GRADES_LISTED = ", ".join([*GRADES, UNGRADED])  # for the data dictionary
SCALE_NOTE = (
    f"Grades to 2019 are on a 4-point scale (no '{GRADES[2]}'); from 2021 on a 5-point scale. "
    "The inspectorate says the two cannot be compared directly."
)
# Area names that start with a grade word ("Good use of resources"): a name, not a grade run into one.
NAME_WITH_GRADE_WORD = re.compile(r"^good use of\b", re.I)


def grade_name(grade: object) -> str:
    """A grade as printed ("requires improvement", "GOOD", "Require improvement") in the fixed spelling of
    ``GRADES``; "Ungraded" for none (empty, "not graded", a missing value); anything else unchanged."""
    text = " ".join(("" if grade is None else str(grade)).split()).lower()
    for first, name in GRADE_FIRST_WORDS.items():
        if text.startswith(first[:-1]):  # "require improvement", "requires improvement:"
            return name
    for name in GRADES:
        if text == name.lower():
            return name
    return UNGRADED if text in _NO_GRADE else str(grade)


def scale_for(year: int | None) -> str:
    """The inspectorate's scale: four grades to 2019, five (with Adequate) from the 2021/22 programme."""
    return "five_point" if (year or 0) >= 2021 else "four_point"


def grade_score(grade: str, scale: str) -> int | None:
    """Outstanding highest. Scores are comparable only within one scale (see ``scale``)."""
    order = SCALES.get(scale, GRADES)
    return len(order) - order.index(grade) if grade in order else None
