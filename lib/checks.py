"""The document checks itself: what must be there is there, and figures printed twice agree.

Each check is a row (check, passed, detail). A failed check does not stop the run: the run lists it under
the document, so a pattern that should have matched and did not is visible with the document and pattern.
"""

from __future__ import annotations

from .model import Document

# The questions each family grades (effectiveness pillar); a report should grade every one of them.
EXPECTED_AREAS = {
    ("effectiveness", 2015): [
        "overall",
        "preventing_crime",
        "investigating_crime",
        "protecting_vulnerable",
        "serious_organised_crime",
    ],
    ("effectiveness", 2016): [
        "overall",
        "preventing_crime",
        "investigating_crime",
        "protecting_vulnerable",
        "serious_organised_crime",
        "specialist_capabilities",
    ],
    ("effectiveness", 2017): [
        "overall",
        "preventing_crime",
        "investigating_crime",
        "protecting_vulnerable",
        "serious_organised_crime",
        "specialist_capabilities",
    ],
}
PATTERNS = {
    "judgments": "'Overall judgment'/'Summary of findings'/an area heading followed by a grade line; "
    "a judgment table row '<area>  <grade>  [year]'; '<force> is <grade> at <area>'",
    "pcc_actions": "a table whose header names 'Recommendations' and 'actions', rows of cells",
    "findings": "'Areas for improvement' heading followed by bullet items",
}


def run_checks(doc: Document, info: dict, tables: dict[str, list[dict]]) -> list[dict]:
    checks: list[dict] = []
    dtype = info.get("doc_type")
    if dtype == "peel_report":
        areas = {r["area"] for r in tables["judgments"]}
        checks.append(
            {
                "check": "judgments_found",
                "passed": bool(areas),
                "detail": f"{len(areas)} graded areas"
                if areas
                else f"no graded judgment matched ({PATTERNS['judgments']})",
            }
        )
        expected = EXPECTED_AREAS.get((info.get("pillar"), info.get("year")))
        for area in expected or []:
            checks.append(
                {
                    "check": f"judgment_present:{area}",
                    "passed": area in areas,
                    "detail": "graded" if area in areas else f"no grade found for {area} ({PATTERNS['judgments']})",
                }
            )
        text = doc.text.lower()
        afi_headings = text.count("areas for improvement\n") + text.count("area for improvement\n")
        afis = sum(1 for r in tables["findings"] if r["kind"] == "area_for_improvement")
        if afi_headings:
            checks.append(
                {
                    "check": "findings_found",
                    "passed": afis > 0,
                    "detail": f"{afis} areas for improvement under {afi_headings} headings"
                    if afis
                    else f"heading printed but no item matched ({PATTERNS['findings']})",
                }
            )
    if dtype == "pcc_response":
        n = len(tables["pcc_actions"])
        checks.append(
            {
                "check": "pcc_actions_found",
                "passed": n > 0,
                "detail": f"{n} actions"
                if n
                else f"no recommendation-to-action table matched ({PATTERNS['pcc_actions']})",
            }
        )
    return checks
