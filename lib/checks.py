"""The document checks itself: what must be there is there, what it says of itself holds, figures agree.

Each check is a row (check, passed, detail). A failed check does not stop the run: the run lists it under
the document, so a pattern that should have matched and did not is visible with the document and pattern.
- every question of the report's family (per pillar and year) is graded or explained (carried over, not
  inspected, ungraded);
- "We make graded judgments in nine of these ten areas": nine graded rows;
- a count of causes of concern printed in prose ("I have identified one cause of concern") agrees with the
  causes found;
- every "Areas for improvement" heading has items; every PCC response has actions.
"""

from __future__ import annotations

import re

from .model import Document
from .text import sentences
from .vocab import area_key

_EFFECTIVENESS_2015 = [
    "overall",
    "preventing_crime",
    "investigating_crime",
    "protecting_vulnerable",
    "serious_organised_crime",
]
# The questions each family grades, keyed by (pillar, year); "overall:<pillar>" is a pillar's own grade.
EXPECTED_AREAS: dict[tuple[str, int], list[str]] = {
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
    ("integrated", 2021): [
        "treatment_of_public",
        "preventing_crime",
        "responding_to_public",
        "investigating_crime",
        "protecting_vulnerable",
        "managing_offenders",
        "serious_organised_crime",
        "workforce",
        "strategic_planning",
    ],
}
EXPECTED_AREAS[("integrated", 2019)] = EXPECTED_AREAS[("integrated", 2018)]
PATTERNS = {
    "judgments": "a judgment table row '<area> | <grade> | [year]'; the grade graphic; a heading, 'Overall "
    "judgment' or 'Summary of findings' with a grade in it or after it; '<force> is <grade> at <area>', "
    "'The extent to which ... is <grade>'",
    "pcc_actions": "a table whose header names 'Recommendation' or 'Area for improvement' and 'actions' or 'response'",
    "findings": "'Areas for improvement' heading followed by list items or 'The force should ...' paragraphs",
}
NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
GRADED_IN = re.compile(r"graded judg(?:e)?ments? (?:in|on|for) (\w+) of (?:these|the|our) (\w+)", re.I)
CAUSES = re.compile(r"\b(?:identified|found|raised|issued|set out) (\w+) (?:accelerated )?causes? of concern", re.I)
EXPLAINED = re.compile(
    r"not inspect|did not inspect|carried over|not graded|do not grade|don['’]t (?:make a )?grade", re.I
)


def _number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _check(name: str, passed: bool, detail: str) -> dict:
    return {"check": name, "passed": bool(passed), "detail": detail}


def graded_keys(judgments: list[dict]) -> set[str]:
    """The areas a report's rows grade; a pillar's own grade also as 'overall:<pillar>'."""
    keys = {r["area"] for r in judgments}
    keys |= {f"overall:{r.get('pillar')}" for r in judgments if r["area"] == "overall"}
    return keys


def question_set(info: dict, judgments: list[dict], doc: Document) -> list[dict]:
    """Every question of the family graded, or explained in the report (carried over, not inspected)."""
    expected = EXPECTED_AREAS.get((info.get("pillar"), info.get("year")))
    if not expected:
        return []
    graded = graded_keys(judgments)
    explained = {area_key(s.text) for s in sentences(doc) if EXPLAINED.search(s.text)}
    out = []
    for area in expected:
        if area in graded:
            out.append(_check(f"judgment_present:{area}", True, "graded"))
        elif area in explained:
            out.append(_check(f"judgment_present:{area}", True, "not graded here: the report says why"))
        else:
            out.append(
                _check(f"judgment_present:{area}", False, f"no grade found for {area} ({PATTERNS['judgments']})")
            )
    return out


def graded_count(judgments: list[dict], doc: Document) -> list[dict]:
    """'We make graded judgments in nine of these ten areas': that many graded rows."""
    for sent in sentences(doc):
        hit = GRADED_IN.search(sent.text)
        if not hit or (want := _number(hit.group(1))) is None:
            continue
        rows = [r for r in judgments if r["grade"] != "Ungraded" and r["area"] != "victim_service"]
        have = sorted({r["area"] for r in rows})
        detail = f"page {sent.page}: the report grades {want} areas; {len(have)} found ({', '.join(have) or 'none'})"
        if len(have) < want:
            detail += f"; missing {want - len(have)} ({PATTERNS['judgments']})"
        return [_check("graded_count", len(have) == want, detail)]
    return []


def cause_count(findings: list[dict], doc: Document) -> list[dict]:
    """'I have identified one cause of concern': that many causes found."""
    for sent in sentences(doc):
        hit = CAUSES.search(sent.text)
        if hit and (want := _number(hit.group(1))) is not None:
            have = sum(1 for r in findings if r["kind"] == "cause_of_concern")
            return [_check("cause_count", have == want, f"page {sent.page}: {want} printed, {have} found")]
    return []


def run_checks(doc: Document, info: dict, tables: dict[str, list[dict]]) -> list[dict]:
    checks: list[dict] = []
    dtype = info.get("doc_type")
    if dtype == "peel_report":
        areas = {r["area"] for r in tables["judgments"]}
        checks.append(
            _check(
                "judgments_found",
                bool(areas),
                f"{len(areas)} graded areas" if areas else f"no graded judgment matched ({PATTERNS['judgments']})",
            )
        )
        checks += question_set(info, tables["judgments"], doc)
        checks += graded_count(tables["judgments"], doc)
        checks += cause_count(tables["findings"], doc)
        text = doc.text.lower()
        afi_headings = text.count("areas for improvement\n") + text.count("area for improvement\n")
        afis = sum(1 for r in tables["findings"] if r["kind"] == "area_for_improvement")
        if afi_headings:
            checks.append(
                _check(
                    "findings_found",
                    afis > 0,
                    f"{afis} areas for improvement under {afi_headings} headings"
                    if afis
                    else f"heading printed but no item matched ({PATTERNS['findings']})",
                )
            )
    if dtype == "pcc_response":
        n = len(tables["pcc_actions"])
        checks.append(
            _check(
                "pcc_actions_found",
                n > 0,
                f"{n} actions" if n else f"no recommendation-to-action table matched ({PATTERNS['pcc_actions']})",
            )
        )
    return checks
