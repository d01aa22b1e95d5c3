"""The data dictionary of ``OUT/data/``, in one place: the Excel workbook's dictionary sheet and the front page
read it; README's "Data dictionary" says the same in prose. A column the tables gain (``cycle``, ``status``)
is described here once and shown wherever the tables hold it."""

from __future__ import annotations

from ..vocab import GRADES_LISTED

TABLE_DESCRIPTIONS: dict[str, str] = {
    "documents": "one row per file of the run, read or not",
    "judgments": "one row per graded area per report",
    "indicators": "one row per figure per period per report",
    "findings": "one row per area for improvement, cause of concern or recommendation",
    "pcc_actions": "one row per action of a Commissioner's response",
    "prior_grades": "one row per grade of an earlier inspection that a report prints beside its own (evidence of "
    "that earlier cycle, never a judgment of the report)",
    "checks": "the documents' checks of themselves",
    "tracker": "one row per cause of concern, recommendation and area for improvement of every inspection report, "
    "joined to the Commissioner's response, its status, its timeliness and the earlier finding it repeats",
}

_SHARED = {
    "doc_id": "id of the document in every table: the file name without suffix (suffix added when two files "
    "share a stem)",
    "force": "canonical name of the force the document is about (lib/data/forces.csv)",
    "year": "year of the inspection (PEEL reports) or of the document",
    "pillar": "effectiveness, efficiency, legitimacy, integrated (PEEL reports only)",
    "cycle": "the inspection cycle as printed (for example 2021/22, 2023–25); year is its first year",
    "page": "1-based position in the document (not the number printed on the page) where the value is printed",
    "page_label": "the page's number as printed on it (a PDF's or a text export's page numbers; a Word file's and a "
    "web page's none), empty where none is printed",
    "evidence": "the sentence, table row or lines as printed, where the value came from",
}

COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "source": "file name",
        "format": "pdf, text, markdown, email (and the formats the readers add: html, docx)",
        "doc_type": "peel_report, pcc_response, pcc_statement (a Commissioner's news page or statement on a report: "
        "grades quoted, no finding answered with an action, no judgments read), force_statement (the same by a "
        "force), pcc_bulletin, unknown (readable, but not a document we know: also a report of another "
        "inspection that grades nothing)",
        "inspectorate": "HMIC or HMICFRS; empty for a Commissioner's document",
        "title": "as printed, or composed from type, pillar, year and force when the document has no title page",
        "published": "ISO date (or year-month) printed near the start, empty when none",
        "pages": "pages read",
        "sha256": "hash of the file's bytes (the key of the per-document caches: its tables and its parsed Document)",
        "status": "ok or failed",
        "error": "one line a person understands, empty when ok",
    },
    "judgments": {
        "area": "the graded area's key (overall, preventing_crime, investigating_crime, protecting_vulnerable, …; "
        "lib/vocab/framework.py)",
        "area_label": "the question or heading as printed",
        "grade": GRADES_LISTED,
        "grade_score": "on the report's own scale, highest best: four-point 4–1, five-point 5–1; empty when ungraded",
        "last_inspected": "the year a carried-over grade was given, empty otherwise",
        "scale": "four_point (2014–2019) or five_point (2021/22 on): never join grade_score across a change of scale",
    },
    "indicators": {
        "indicator": "snake_case key, stable across reports of a family; figures found only by the generic "
        "comparison rule start with compared_",
        "measure": "the figure's key in the measure vocabulary (lib/measures.py), shared by every wording of one "
        'figure ("999 calls answered within ten seconds", "emergency calls answered in ten seconds"); the '
        "indicator key for a figure outside the vocabulary",
        "label": "as printed (table row, panel label) or a short description",
        "period": "for example 12 months to 30 June 2015",
        "unit": "for example per 1,000 population, outcomes, percent change; the vocabulary's for a measure of "
        "lib/measures.py",
        "value": "the force's figure; changes carry their sign",
        "england_wales": "the England and Wales (or national) figure printed beside it; empty when none",
    },
    "findings": {
        "area": "the area whose section the item is in (keys as in judgments)",
        "kind": "area_for_improvement, cause_of_concern, recommendation",
        "text": "the whole item; sub-bullets stay inside their parent",
    },
    "pcc_actions": {
        "recommendation": "the recommendation the action answers, as printed",
        "action": "one action, as printed",
        "status": "the action's status as the response prints it, whole (for example Complete, In progress – due "
        "September 2022), empty when none",
    },
    "prior_grades": {
        "area": "the graded area's key (lib/vocab/framework.py)",
        "area_label": "the area's name as printed",
        "grade": "the earlier grade, in the fixed spelling",
        "grade_cycle": "the cycle or year the grade was given, as printed beside it (2021/22)",
        "year": "the year of the report that prints it",
        "cycle": "the cycle of the report that prints it",
    },
    "tracker": {
        "finding_id": "stable, unique id: force, cycle (or year), pillar, kind (coc, rec, afi) and the number as "
        "printed (afi-2) or the position among its kind (afi-p2); a second copy of a report adds its doc_id",
        "kind": "cause_of_concern, recommendation, area_for_improvement",
        "number": "the number the report prints ('Area for improvement 2'), empty when none",
        "area": "the area whose section the finding is in (keys as in judgments)",
        "text": "the whole finding, as in findings.csv",
        "doc_id": "the inspection report",
        "page": "the report's page where the finding starts",
        "published": "the report's publication date, as in documents.csv",
        "response_doc_id": "the Commissioner's response to that report (same force and year, same cycle where both "
        "print one) whose row answers the finding (an update's first), else the first response; empty when none",
        "response_page": "the response's page of the action row that answers the finding",
        "response_text": "the actions of the response's row for the finding (' / ' between actions); for a cause of "
        "concern no row answers, the recommendations it is answered through",
        "status_printed": "the row's whole status as printed ('In progress – due September 2022'), empty when none",
        "status": "complete, in progress, not started, superseded, not responded (no row for the finding, or no "
        "response in the corpus); empty for a wording the vocabulary does not know (a failed check says so)",
        "response_date": "the first response's publication date (an update does not restart the clock)",
        "days_to_response": "days from the report's publication to the first response's, empty unless both are full "
        "dates",
        "within_56_days": "whether the response came within the 56 days of section 55 of the Police Act 1996, "
        "wherever the dates settle it (empty otherwise)",
        "recurs_from": "the finding_id of the force's earlier finding this one repeats",
        "recurs_how": "stated (the report says it was raised before), similar (the wording matches), override",
        "recurs_score": "how alike the two findings' words are, 0-100",
        "match_score": "how alike the finding and its response row are, 0-100 (100 when matched by number)",
        "overridden": "the fields set by tracker_overrides.csv, with the user's note",
    },
    "checks": {
        "check": "the check's name",
        "passed": "whether the document agrees with itself",
        "detail": "what was compared, or the pattern that did not match",
    },
}


def describe(table: str, column: str) -> str:
    """What a column of a table means ("" for a column nobody described yet)."""
    return COLUMNS.get(table, {}).get(column) or _SHARED.get(column, "")
