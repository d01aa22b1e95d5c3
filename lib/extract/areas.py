"""PEEL grades and the graded areas (questions) of every report family, as stable snake_case keys."""

from __future__ import annotations

import re
from functools import lru_cache

GRADES = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
UNGRADED = "Ungraded"
_NO_GRADE = {"", "ungraded", "not graded", "n/a", "none", "nan", "<na>"}
GRADE_RE = re.compile(r"\b(outstanding|good|adequate|requires? improvement|inadequate|ungraded|not graded)\b", re.I)
# A line that is nothing but a grade (how panels and "Summary of findings" print it).
GRADE_LINE = re.compile(
    r"^\W*(Outstanding|Good|Adequate|Requires? improvement|Inadequate|Ungraded|Not graded)\W*$", re.I
)


def grade_name(grade: object) -> str:
    """A grade as printed ("requires improvement", "GOOD", "Require improvement") in the fixed spelling of
    ``GRADES``; "Ungraded" for none (empty, "not graded", a missing value); anything else unchanged."""
    text = " ".join(("" if grade is None else str(grade)).split()).lower()
    if text.startswith("require"):
        return "Requires improvement"
    for name in GRADES:
        if text == name.lower():
            return name
    return UNGRADED if text in _NO_GRADE else str(grade)


def scale_for(year: int | None) -> str:
    """The inspectorate's scale: four grades to 2019, five (with Adequate) from the 2021/22 programme."""
    return "five_point" if (year or 0) >= 2021 else "four_point"


def grade_score(grade: str, scale: str) -> int | None:
    """Outstanding highest. Scores are comparable only within one scale (see ``scale``)."""
    order = GRADES if scale == "five_point" else [g for g in GRADES if g != "Adequate"]
    return len(order) - order.index(grade) if grade in order else None


# Order matters: the first rule whose pattern matches names the area.
AREA_RULES: list[tuple[str, str]] = [
    (
        "overall",
        r"keep(?:s|ing) people safe and reduc(?:es|ing) crime|overall (?:effectiveness|efficiency|legitimacy|judg(?:e)?ment)"
        r"|operates? efficiently and sustainabl|^(?:the |its )?(?:effectiveness|efficiency|legitimacy)$",
    ),
    # 2014: "reducing crime and preventing offending", "tackling anti-social behaviour" (a question of its own).
    ("preventing_crime", r"reduc\w* crime and prevent\w* offending"),
    ("anti_social_behaviour", r"^(?:in )?(?:the way it |how it )?tackl\w* anti-social behaviour"),
    # A 2021/22 heading "Preventing and deterring crime ..., and reducing vulnerability" is about prevention.
    ("preventing_crime", r"^(?:how effective is the force at )?prevent\w* (?:and deterring )?(?:crime|anti-social)"),
    ("victim_service", r"victim service assessment|providing a service to (?:the )?victims"),
    ("crime_data_integrity", r"crime data integrity|recording data about crime|crime recording"),
    ("protecting_vulnerable", r"vulnerab"),
    ("serious_organised_crime", r"serious (?:and )?organised crime"),
    ("specialist_capabilities", r"specialist capabilit"),
    ("armed_policing", r"armed (?:policing|response)|firearms capabilit"),
    ("investigating_crime", r"investigat\w* (?:crime|offending)"),
    ("preventing_crime", r"prevent\w* (?:crime|anti-social|antisocial)|tackling anti-social"),
    ("managing_offenders", r"managing offenders|managing (?:offenders and )?suspects"),
    ("responding_to_public", r"responding to the public"),
    (
        "treatment_of_public",
        r"treat(?:ment|ing|s)? (?:of )?the public|police powers and public treatment|public treatment|fair treatment of the public",
    ),
    ("ethical_behaviour", r"ethical(?:ly)? and lawful|ethical (?:and lawful )?(?:workforce )?behaviour"),
    (
        "treating_workforce_fairly",
        r"treat(?:ing|s)? (?:its|the) workforce (?:fairly|with fairness)|fair treatment of (?:the |its )?workforce",
    ),
    ("treatment_of_public", r"treat(?:ing|s)? all (?:of )?(?:the )?people it serves"),
    ("workforce", r"(?:building|supporting|protecting)[\w, ]* the workforce|positive workplace|workforce wellbeing"),
    ("leadership", r"leadership and force management|^leadership"),
    (
        "strategic_planning",
        r"strategic planning|value for money|organisational management|good use of (?:its )?resources",
    ),
    ("meeting_demand", r"meet(?:s|ing)? (?:current )?demands?|use (?:of )?its resources to meet"),
    ("planning_for_future", r"planning for the future|plan(?:ning)? for (?:the )?future|planning for demand"),
    (
        "understanding_demand",
        r"understand(?:ing)? (?:its )?(?:current and (?:likely )?future |current |future )?demand",
    ),
]


_COMPILED_RULES = [(key, re.compile(pattern)) for key, pattern in AREA_RULES]


@lru_cache(maxsize=4096)
def area_key(label: str) -> str | None:
    """The area a question, heading or label names (the first rule of ``AREA_RULES`` that matches), else None."""
    low = " ".join(label.lower().replace("antisocial", "anti-social").split())
    for key, pattern in _COMPILED_RULES:
        if pattern.search(low):
            return key
    return None
