"""All extractors over one document: judgments, indicators, findings, PCC actions, the earlier grades a report
prints beside its own, and the extractors' own
checks (a grade or figure printed twice agrees); lib.checks adds the document's checks of itself."""

from __future__ import annotations

from ..model import Document
from ..structure import document_outline
from .findings import extract_findings
from .indicators import extract_indicators
from .judgments import extract_judgments
from .pcc import extract_pcc_actions
from .prior_grades import prior_grades


def extract_all(doc: Document, info: dict) -> dict[str, list[dict]]:
    judgments, judgment_checks = extract_judgments(doc, info)
    indicators, indicator_checks = extract_indicators(doc, info)
    findings = extract_findings(doc, info)
    actions, answered = extract_pcc_actions(doc, info)
    findings += answered
    tables = {"judgments": judgments, "indicators": indicators, "findings": findings, "pcc_actions": actions}
    if info.get("doc_type") == "peel_report":  # an earlier inspection's grades the report prints beside its own
        tables["prior_grades"] = prior_grades(document_outline(doc), info.get("year"))
    tables["checks"] = judgment_checks + indicator_checks
    return tables
