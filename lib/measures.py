"""The measure vocabulary: one key for every wording of one figure, so that figures pool across reports.

Reports print the same figure in many words ("It answered 91.4 percent of 999 calls within ten seconds", "the
force answered 64.8 percent of emergency calls within ten seconds") and the extractors give each wording an
``indicator`` key of its own. ``MEASURES`` is a table (key, label, unit, which way is better, the wordings):
``measure_for`` names the measure of an indicators row, and a measure of the table gives the row its unit.
``better`` is filled only where the inspectorate states a direction ("neither" where it says the figure
measures neither way); a figure outside the table keeps its indicator key as its measure.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple


class Measure(NamedTuple):
    key: str
    label: str
    unit: str
    better: str  # "higher is better", "neither" (the inspectorate says so), or "" (not stated: none claimed)
    pattern: str  # matched against "<indicator> <label>", lower case, white space single


# Order matters: the first measure whose pattern matches names the figure.
MEASURES: list[Measure] = [
    Measure(
        "calls_999_answered_in_10_seconds",
        "999 calls answered within ten seconds",
        "percent",
        "",
        r"(?:999|emergency) calls?\b.*within (?:ten|10) seconds|calls_999_answered",
    ),
    Measure(
        "victim_based_crime_rate",
        "Victim-based crime per 1,000 population",
        "per 1,000 population",
        "neither",
        r"^crime_rate_victim_based_crime\b|recorded [\d.,]+ victim-based crimes? per 1,000 popu",
    ),
    Measure(
        "recorded_crime_rate",
        "Recorded crime per 1,000 population",
        "per 1,000 population",
        "neither",
        r"^crime_rate_recorded_crime|^recorded_crime_per_1000\b|recorded [\d.,]+ crimes? per 1,000 popu"
        r"|crimes recorded per 1,000 popu",
    ),
    Measure(
        "asb_incident_rate",
        "Anti-social behaviour incidents per 1,000 population",
        "per 1,000 population",
        "neither",
        r"^asb_incidents_per_1000\b|^crime_rate_anti_social_behaviour_incidents\b"
        r"|anti-social behaviour incidents\b.*per 1,000 popu",
    ),
    Measure(
        "domestic_abuse_crime_rate",
        "Domestic abuse-related crimes per 1,000 population",
        "per 1,000 population",
        "",
        r"domestic abuse-related crimes?\b.*per 1,000 popu",
    ),
    Measure(
        "stop_and_search_rate",
        "Stop and searches per 1,000 population",
        "per 1,000 population",
        "",
        r"stop and search(?:es)?\b.*per 1,000 popu|^stop_and_search_rate_per_1_000",
    ),
    Measure(
        "police_officers_rate",
        "Police officers per 1,000 population",
        "per 1,000 population",
        "",
        r"police officers per 1,000 popu",
    ),
    Measure(
        "public_complaints_rate",
        "Public complaints per 1,000 workforce",
        "per 1,000 workforce",
        "",
        r"public complaints per 1,000 workforce",
    ),
    Measure(
        "charge_summons_rate",
        "Crimes resulting in a charge or summons (percent)",
        "percent of crimes",
        "",
        r"charge/summons rate|^outcome_charged_summonsed_pct\b",
    ),
    Measure(
        "violent_crime_recording_accuracy",
        "Reported violent crime recorded (percent)",
        "percent",
        "",
        r"records? [\d.]+ percent of reported violent crime",
    ),
    Measure(
        "minority_ethnic_workforce_share",
        "Workforce from minority ethnic backgrounds (percent)",
        "percent",
        "",
        r"minority ethnic backgrounds?\b.*percent of the workforce",
    ),
    Measure(
        "net_revenue_expenditure_per_head",
        "Net revenue expenditure per head of population (£)",
        "£ per head of population",
        "",
        r"(?:spend|net revenue expenditure|expenditure)\b.*\bper head\b",
    ),
    Measure(
        "gross_revenue_expenditure_change",
        "Change in gross revenue expenditure (percent)",
        "percent change",
        "",
        r"change in gross revenue expenditure",
    ),
    Measure(
        "reserves_share_of_net_revenue_expenditure",
        "Reserves as a proportion of net revenue expenditure (percent)",
        "percent",
        "",
        r"reserves as a (?:proportion|percentage) of (?:net )?revenue expenditure",
    ),
    Measure(
        "victim_satisfaction",
        "Victims satisfied with the service they received (percent)",
        "percent of victims",
        "higher is better",
        r"^victim_satisfaction",
    ),
]
BY_KEY = {m.key: m for m in MEASURES}
_COMPILED = [(m, re.compile(m.pattern)) for m in MEASURES]


@lru_cache(maxsize=8192)
def measure_of(indicator: str, label: str = "") -> Measure | None:
    """The measure of the vocabulary an indicator key and its printed label name, else None."""
    text = " ".join(f"{indicator} {label}".lower().split())
    for measure, pattern in _COMPILED:
        if pattern.search(text):
            return measure
    return None


def measure_for(indicator: object, label: object = "") -> str:
    """The ``measure`` of an indicators row: the vocabulary's key, else the row's own indicator key."""
    indicator, label = _text(indicator), _text(label)
    found = measure_of(indicator, label)
    return found.key if found else indicator


def unit_for(indicator: object, label: object, unit: object) -> str:
    """The row's unit: the vocabulary's for a measure of the table, else the unit as printed."""
    found = measure_of(_text(indicator), _text(label))
    return found.unit if found else _text(unit)


def label_for(measure: object, label: object = "") -> str:
    """A measure's label: the vocabulary's, else the label as printed."""
    found = BY_KEY.get(_text(measure))
    return found.label if found else _text(label)


def better_for(measure: object) -> str:
    """Which way is better for a measure, as the vocabulary states it ("" when none is stated)."""
    found = BY_KEY.get(_text(measure))
    return found.better if found else ""


def _text(value: object) -> str:
    """A cell as text: "" for None, NaN and pandas' NA."""
    text = "" if value is None else str(value)
    return "" if text in ("<NA>", "nan", "NaN", "None") else text
