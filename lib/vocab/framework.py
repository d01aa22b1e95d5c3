"""The framework PEEL grades: the pillars and their questions, the graded areas of every family (rules that name
them, one name each, their theme and the framework's order), and the questions each family grades."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# ----------------------------------------------------------------------------------------------- pillars
# (key, the stem that names it in a label or sentence)
PILLARS = (("effectiveness", r"effective"), ("efficiency", r"efficien"), ("legitimacy", r"legitima"))
PILLAR_WORDS = "|".join(p for p, _ in PILLARS)
# How each pillar's overall question is asked (2015-17 single-pillar reports and pages).
PILLAR_OVERALL = {
    "effectiveness": r"how effective is the force at keeping people safe",
    "efficiency": r"how efficient is the force at keeping people safe|how efficient is the force\b",
    "legitimacy": r"how legitimate is the force at keeping people safe|how legitimate is the force\b",
}
# The words that tell which pillar a report is about (its overall question, its title, its pillar sentence).
PILLAR_NAMED = {
    "effectiveness": r"how effective is the force at keeping people safe|police effectiveness|overall effectiveness"
    r"|force is effective at keeping people safe",
    "efficiency": r"how efficient is the force|police efficiency|overall efficiency|operates efficiently",
    "legitimacy": r"how legitimate is the force|police legitimacy|overall legitimacy|force is legitimate",
}
# Any question a report asks ("How effective is the force at ...", "To what extent does the force ...").
QUESTION = re.compile(
    r"^(?:\d+\.\s*)?(?:how (?:effective|efficient|legitimate|well) (?:is|does|are) (?:the force|the arrangements)"
    r"|to what extent (?:does|is) the force)",
    re.I,
)
# Questions that head a graded section: effectiveness ("How effective is the force at ..."), efficiency and
# legitimacy ("How well does the force ...", "To what extent does the force ..."), 2016-17 specialist
# capabilities ("How effective are the force's specialist capabilities?").
TOP_QUESTION = re.compile(
    r"^(?:how (?:effective|efficient|legitimate) is the force at|how (?:effective|efficient|well) (?:are|is|does) "
    r"the force(?:'s|’s)?\b|to what extent (?:does|is) the force)",
    re.I,
)
# The questions that head a pillar's own section (the sub-questions under them start "How well does ...").
PILLAR_QUESTION = re.compile(
    r"^(?:how (?:effective|efficient|legitimate) is the force at|to what extent does the force)", re.I
)
# Headings under which a grade is the pillar's or the report's own.
OVERALL_HEAD = re.compile(rf"^(?:overall (?:judg(?:e)?ment|{PILLAR_WORDS}|grade))\b", re.I)
# Headings under which a grade belongs to the section, not to the heading itself.
SUMMARY_HEAD = re.compile(r"^(?:summary of (?:findings|judg(?:e)?ments?)|our judg(?:e)?ments?|grade)\b", re.I)
PILLAR_NAME = re.compile(rf"^\W*({PILLAR_WORDS})(?:\s+(?:overall|20\d\d))?\W*$", re.I)


def pillar_of(text: str) -> str | None:
    """The pillar a label or a sentence names (effectiveness, efficiency, legitimacy), if one."""
    low = text.lower()
    return next((p for p, w in PILLARS if re.search(w, low)), None)


# ------------------------------------------------------------------------------------------------- areas
# Order matters: the first rule whose pattern matches names the area.
AREA_RULES: list[tuple[str, str]] = [
    (
        "overall",
        r"keep(?:s|ing) people safe and reduc(?:es|ing) crime|overall (?:effectiveness|efficiency|legitimacy|judg(?:e)?ment)"
        r"|operates? efficiently and sustainabl|^(?:the |its )?(?:effectiveness|efficiency|legitimacy)$",
    ),
    # "How effectively does the force reduce crime and keep people safe?" (2018/19 web pages): the pillar's own
    # question; "its use of resources to manage demand" (2017 efficiency pages) is meeting demand.
    ("overall", r"reduc\w* crime and keep\w* people safe"),
    ("meeting_demand", r"use of (?:its )?resources to (?:meet|manage) (?:its )?demand"),
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
    # The 2015 efficiency questions after the first (how well the force uses its resources to meet demand):
    # the workforce model and the financial position, each graded.
    ("workforce_model", r"workforce model"),
    ("financial_position", r"financial position"),
]
_COMPILED_AREAS = [(key, re.compile(pattern)) for key, pattern in AREA_RULES]

# The pillar each question of the 2018/19 integrated reports belongs to.
AREA_PILLAR = {
    **dict.fromkeys(
        (
            "preventing_crime",
            "investigating_crime",
            "protecting_vulnerable",
            "serious_organised_crime",
            "specialist_capabilities",
            "armed_policing",
        ),
        "effectiveness",
    ),
    **dict.fromkeys(
        ("meeting_demand", "planning_for_future", "understanding_demand", "workforce_model", "financial_position"),
        "efficiency",
    ),
    **dict.fromkeys(("treatment_of_public", "ethical_behaviour", "treating_workforce_fairly"), "legitimacy"),
}


@lru_cache(maxsize=4096)
def area_key(label: str) -> str | None:
    """The area a question, heading or label names (the first rule of ``AREA_RULES`` that matches), else None."""
    low = " ".join(label.lower().replace("antisocial", "anti-social").split())
    for key, pattern in _COMPILED_AREAS:
        if pattern.search(low):
            return key
    return None


# The graded areas as a reader sees them: one name per area key, the theme of the findings under it, and the
# framework's order (each pillar's overall grade first, then the 2014-2019 questions by pillar, or the areas of
# the 2021/22 and 2023-25 programmes in the order their reports print them).
class Area(NamedTuple):
    label: str
    theme: str  # the theme of the areas for improvement found under it (findings.themes)


AREAS: dict[str, Area] = {
    "overall": Area("Overall", ""),
    "treatment_of_public": Area("Treatment of the public", "Fair treatment of the public"),
    "preventing_crime": Area("Preventing crime and anti-social behaviour", "Prevention and neighbourhoods"),
    "anti_social_behaviour": Area("Tackling anti-social behaviour", "Prevention and neighbourhoods"),
    "responding_to_public": Area("Responding to the public", "Calls and initial response"),
    "investigating_crime": Area("Investigating crime", "Investigation standards"),
    "protecting_vulnerable": Area("Protecting vulnerable people", "Vulnerability and safeguarding"),
    "managing_offenders": Area("Managing offenders and suspects", "Offender management"),
    "serious_organised_crime": Area("Serious and organised crime", "Serious and organised crime"),
    "specialist_capabilities": Area("Specialist capabilities", "Specialist capabilities"),
    "armed_policing": Area("Armed policing", "Specialist capabilities"),
    "crime_data_integrity": Area("Crime data integrity", "Crime recording"),
    "understanding_demand": Area("Understanding demand", "Demand and resources"),
    "meeting_demand": Area("Meeting demand and using resources", "Demand and resources"),
    "planning_for_future": Area("Planning for the future", "Demand and resources"),
    "workforce_model": Area("Workforce model", "Workforce and training"),
    "financial_position": Area("Financial position", "Demand and resources"),
    "strategic_planning": Area("Strategic planning and value for money", "Demand and resources"),
    "ethical_behaviour": Area("Ethical and lawful workforce behaviour", "Ethics and integrity"),
    "treating_workforce_fairly": Area("Treating the workforce fairly", "Workforce and training"),
    "workforce": Area("Supporting the workforce", "Workforce and training"),
    "leadership": Area("Leadership and force management", "Leadership and management"),
    "victim_service": Area("Service to victims", "Victims"),
}
PILLARS_ORDER = [p for p, _ in PILLARS]
# The framework's order: to 2019 by pillar (effectiveness, efficiency, legitimacy), then the later programmes'.
ORDER = [
    "overall",
    "preventing_crime",
    "anti_social_behaviour",
    "investigating_crime",
    "protecting_vulnerable",
    "serious_organised_crime",
    "specialist_capabilities",
    "armed_policing",
    "understanding_demand",
    "meeting_demand",
    "planning_for_future",
    "workforce_model",
    "financial_position",
    "treatment_of_public",
    "ethical_behaviour",
    "treating_workforce_fairly",
    "crime_data_integrity",
]
ORDER_FIVE_POINT = [
    "treatment_of_public",
    "preventing_crime",
    "responding_to_public",
    "investigating_crime",
    "protecting_vulnerable",
    "managing_offenders",
    "serious_organised_crime",
    "workforce",
    "leadership",
    "strategic_planning",
    "crime_data_integrity",
    "victim_service",
]
# A 2018/19 summary names each pillar by its question: the pillar's grade, whatever row key it was read with.
PILLAR_SUMMARY_ROWS = [
    ("effectiveness", r"keep(?:s|ing) people safe and reduc"),
    ("efficiency", r"operat\w* efficiently and sustainabl"),
    ("legitimacy", r"treat\w* the public and its workforce legitimately"),
]


_EFFECTIVENESS_2015 = [
    "overall",
    "preventing_crime",
    "investigating_crime",
    "protecting_vulnerable",
    "serious_organised_crime",
]
# The questions each family grades, keyed by (pillar, year); "overall:<pillar>" is a pillar's own grade (the
# reports check themselves against them: lib/checks.py).
EXPECTED_AREAS: dict[tuple[str | None, int], list[str]] = {
    ("effectiveness", 2015): _EFFECTIVENESS_2015,
    ("effectiveness", 2016): _EFFECTIVENESS_2015 + ["specialist_capabilities"],
    ("effectiveness", 2017): _EFFECTIVENESS_2015 + ["specialist_capabilities"],
    ("legitimacy", 2016): ["overall", "treatment_of_public", "ethical_behaviour", "treating_workforce_fairly"],
    ("legitimacy", 2017): ["overall", "treatment_of_public", "ethical_behaviour", "treating_workforce_fairly"],
    ("integrated", 2018): [
        "overall:effectiveness",
        "overall:efficiency",
        "overall:legitimacy",
        *_EFFECTIVENESS_2015[1:],
        "armed_policing",
        "meeting_demand",
        "planning_for_future",
        "treatment_of_public",
        "ethical_behaviour",
        "treating_workforce_fairly",
    ],
    # 2021/22: the programme's areas in their order, less those of later years (leadership), those graded
    # only where inspected (crime data integrity) and the one never graded (the victim service assessment).
    ("integrated", 2021): [
        a for a in ORDER_FIVE_POINT if a not in ("leadership", "crime_data_integrity", "victim_service")
    ],
}
EXPECTED_AREAS[("integrated", 2019)] = EXPECTED_AREAS[("integrated", 2018)]
# 2014, the first PEEL: one assessment of the force (no pillar of its own), its effectiveness questions graded,
# efficiency graded as a pillar, legitimacy not graded; the effectiveness page grades the same questions.
_QUESTIONS_2014 = ["preventing_crime", "investigating_crime", "anti_social_behaviour"]
EXPECTED_AREAS[(None, 2014)] = [*_QUESTIONS_2014, "overall:efficiency"]
EXPECTED_AREAS[("effectiveness", 2014)] = _QUESTIONS_2014
# 2015 efficiency: the pillar and its three questions.
EXPECTED_AREAS[("efficiency", 2015)] = ["overall", "meeting_demand", "workforce_model", "financial_position"]
