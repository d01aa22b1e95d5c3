"""The graded areas as a reader sees them: one name per area key, the framework's order, a theme per area.

Reports word one area many ways ("Investigating crime and reducing re-offending", "How effective is the force
at investigating crime?"); every table and chart of the analysis names it once, from ``AREAS``, and orders
areas as the inspectorate's framework does (``order``): each pillar's overall grade first, then the
questions of the 2014–2019 pillars (effectiveness, efficiency, legitimacy) or the areas of the 2021/22 and
2023–25 programmes in the order their reports print them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd


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
    "strategic_planning": Area("Strategic planning and value for money", "Demand and resources"),
    "ethical_behaviour": Area("Ethical and lawful workforce behaviour", "Ethics and integrity"),
    "treating_workforce_fairly": Area("Treating the workforce fairly", "Workforce and training"),
    "workforce": Area("Supporting the workforce", "Workforce and training"),
    "leadership": Area("Leadership and force management", "Leadership and management"),
    "victim_service": Area("Service to victims", "Victims"),
}
PILLARS = ["effectiveness", "efficiency", "legitimacy"]
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
PILLAR_QUESTIONS = [
    ("effectiveness", r"keep(?:s|ing) people safe and reduc"),
    ("efficiency", r"operat\w* efficiently and sustainabl"),
    ("legitimacy", r"treat\w* the public and its workforce legitimately"),
]


def pillar_overall(area: object, label: object, pillar: object) -> tuple[str, str]:
    """(area, pillar) of a judgment as the grid shows it: a pillar's question printed as a row of a summary
    ("keeping people safe and reducing crime") is that pillar's overall grade; anything else as read."""
    text = " ".join(_text(label).lower().split())
    for name, pattern in PILLAR_QUESTIONS:
        if re.search(pattern, text):
            return "overall", name
    return _text(area), _text(pillar)


def row_name(area: object, pillar: object = "") -> str:
    """One name per area across reports and families: "Investigating crime"; a pillar's overall grade is
    "Overall effectiveness" (an integrated report's own overall grade "Overall")."""
    key = _text(area)
    if key == "overall":
        p = _text(pillar)
        return f"Overall {p}" if p in PILLARS else "Overall"
    return AREAS[key].label if key in AREAS else (key.replace("_", " ").capitalize() or "Area not stated")


def sort_key(area: object, pillar: object = "", scale: object = "") -> tuple[int, int]:
    """Where an area stands in the framework's order (overall rows first, by pillar; unknown areas last)."""
    key, p = _text(area), _text(pillar)
    if key == "overall":
        return (0, PILLARS.index(p) + 1 if p in PILLARS else 0)
    order = ORDER_FIVE_POINT if _text(scale) == "five_point" else ORDER
    other = ORDER_FIVE_POINT if order is ORDER else ORDER
    if key in order:
        return (1, order.index(key))
    return (2, other.index(key)) if key in other else (3, 0)


def theme(area: object) -> str:
    """The theme of an area ("" for none or an unknown key)."""
    return AREAS[_text(area)].theme if _text(area) in AREAS else ""


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
