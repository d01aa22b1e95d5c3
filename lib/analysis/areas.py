"""The graded areas as a reader sees them: one name per area key, the framework's order, a theme per area.

Reports word one area many ways ("Investigating crime and reducing re-offending", "How effective is the force
at investigating crime?"); every table and chart of the analysis names it once, from ``AREAS``, and orders
areas as the inspectorate's framework does (``order``): each pillar's overall grade first, then the
questions of the 2014–2019 pillars (effectiveness, efficiency, legitimacy) or the areas of the 2021/22 and
2023–25 programmes in the order their reports print them.
"""

from __future__ import annotations

import re

import pandas as pd

from ..vocab import AREAS, ORDER, ORDER_FIVE_POINT, PILLAR_SUMMARY_ROWS
from ..vocab import PILLARS_ORDER as PILLARS


def pillar_overall(area: object, label: object, pillar: object) -> tuple[str, str]:
    """(area, pillar) of a judgment as the grid shows it: a pillar's question printed as a row of a summary
    ("keeping people safe and reducing crime") is that pillar's overall grade; anything else as read."""
    text = " ".join(_text(label).lower().split())
    for name, pattern in PILLAR_SUMMARY_ROWS:
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
