"""PCC and PFCC responses: the recommendation-to-action table with its status column and merged group rows,
in Word (python-docx, built here) and as a PDF whose letterhead is a Commissioner's."""

from __future__ import annotations

from pathlib import Path

from lib.extract.pcc import extract_pcc_actions
from lib.model import Document, Page
from lib.pipeline import process_document

HEADER = ["Area for improvement / cause of concern recommendation", "Force/PCC response and actions", "Status"]
CAUSE = "Cause of concern – Responding to the public: The force isn't answering calls quickly enough."
ROWS = [
    HEADER,
    [CAUSE] * 3,
    ["Recommendation: Within three months, the force should answer calls within ten seconds.", "A review.", "Complete"],
    ["Recommendation: The force should have enough call handlers.", "Recruitment is under way.", "Ongoing – on track"],
    ["Investigating crime"] * 3,
    ["The force should allocate investigations well.", "• A new policy\n• Training for supervisors", "In progress"],
]


def response(rows) -> Document:
    return Document("x", "x.docx", "docx", "", [Page(1, ["Response"], [rows])])


def test_status_column_kept_and_group_rows_are_not_actions():
    actions, findings = extract_pcc_actions(response(ROWS), {"doc_type": "pcc_response", "title": ""})
    assert [(a["action"], a["status"]) for a in actions] == [
        ("A review.", "Complete"),
        ("Recruitment is under way.", "Ongoing – on track"),
        ("A new policy", "In progress"),
        ("Training for supervisors", "In progress"),
    ]
    assert [(f["kind"], f["area"]) for f in findings] == [
        ("cause_of_concern", "responding_to_public"),
        ("recommendation", "responding_to_public"),
        ("recommendation", "responding_to_public"),
        ("area_for_improvement", "investigating_crime"),
    ]
    assert all(a["page"] == 1 and a["evidence"] for a in actions)


def test_a_table_without_a_status_column_gives_empty_status():
    rows = [["Recommendation", "Corresponding actions"], ["Audit crime records.", "• Monthly audits\n• Training"]]
    actions, findings = extract_pcc_actions(response(rows), {"doc_type": "pcc_response", "title": ""})
    assert [(a["action"], a["status"]) for a in actions] == [("Monthly audits", ""), ("Training", "")]
    assert [f["kind"] for f in findings] == ["recommendation"]


def _word_response(path: Path, force: str, commissioner: str) -> Path:
    import docx  # python-docx, a dependency of the Word reader

    d = docx.Document()
    d.add_paragraph(f"Office of the Police, Fire and Crime Commissioner for {commissioner}")
    d.add_paragraph("3 March 2023")
    d.add_heading(f"Response to the HMICFRS PEEL 2021/22 inspection of {force}", level=2)
    d.add_paragraph("Dear Mr Cooke,")
    d.add_paragraph(
        "Section 55 of the Police Act 1996 requires me to publish my comments. I am pleased that the force was "
        "graded good at preventing crime, and outstanding in one area."
    )
    d.add_paragraph("Yours sincerely,")
    table = d.add_table(rows=0, cols=3)
    for row in ROWS:
        cells = table.add_row().cells
        if len(set(row)) == 1:
            merged = cells[0].merge(cells[2])
            merged.text = row[0]
        else:
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
    d.save(path)
    return path


def test_a_pfcc_response_in_word_is_typed_and_read(tmp_path):
    path = _word_response(tmp_path / "response.docx", "Staffordshire Police", "Staffordshire")
    result = process_document(path, "r")
    doc = result["document"]
    assert (doc["doc_type"], doc["force"], doc["year"], doc["cycle"], doc["inspectorate"]) == (
        "pcc_response",
        "Staffordshire Police",
        2021,
        "2021/22",
        "",
    )
    assert result["judgments"] == []  # a letter that mentions grades grades nothing
    assert [a["status"] for a in result["pcc_actions"]] == [
        "Complete",
        "Ongoing – on track",
        "In progress",
        "In progress",
    ]
    assert sum(f["kind"] == "cause_of_concern" for f in result["findings"]) == 1


def test_a_pfcc_response_pdf_is_a_response_not_a_report(tmp_path):
    from tests.fixtures import render_pdf

    text = tmp_path / "letter.txt"
    text.write_text(
        "Police, Fire and Crime Commissioner for Northamptonshire\n\n12 October 2022\n\n"
        "PFCC response to the HMICFRS PEEL 2021/22 report on Northamptonshire Police\n\n"
        "Dear Mr Cooke,\n\nSection 55 of the Police Act 1996 requires me to respond. The report finds the force "
        "good at investigating crime and identifies areas for improvement and a cause of concern. The Summary of "
        "findings is welcome.\n\nYours sincerely,\n\n"
        "Recommendation\tResponse and actions\tStatus\n"
        "The force should improve its call handling.\tNew call handlers recruited.\tIn progress\n"
    )
    result = process_document(render_pdf(text, tmp_path / "letter.pdf"), "l")
    doc = result["document"]
    assert (doc["format"], doc["doc_type"], doc["force"], doc["year"]) == (
        "pdf",
        "pcc_response",
        "Northamptonshire Police",
        2021,
    )
    assert [(a["action"], a["status"]) for a in result["pcc_actions"]] == [
        ("New call handlers recruited.", "In progress")
    ]


def test_a_table_continued_on_the_next_page_without_its_header():
    first, rest = ROWS[:4], ROWS[4:]
    doc = Document("x", "x.pdf", "pdf", "", [Page(1, ["Response"], [first]), Page(2, [], [rest])])
    actions, findings = extract_pcc_actions(doc, {"doc_type": "pcc_response", "title": ""})
    assert [a["status"] for a in actions] == ["Complete", "Ongoing – on track", "In progress", "In progress"]
    assert [a["page"] for a in actions] == [1, 1, 2, 2]
    assert findings[-1]["kind"] == "area_for_improvement" and findings[-1]["area"] == "investigating_crime"


def test_a_row_that_mentions_a_response_is_not_a_header():
    rows = [
        HEADER,
        ["Recommendation: The force should respond faster.", "The response and actions plan is agreed.", "Complete"],
    ]
    actions, _ = extract_pcc_actions(response(rows), {"doc_type": "pcc_response", "title": ""})
    assert [a["action"] for a in actions] == ["The response and actions plan is agreed."]


def test_a_group_row_printed_in_the_first_cell_alone_is_no_action():
    rows = [
        HEADER,
        ["Cause of concern – Responding to the public: calls are not answered quickly enough.", "", ""],
        ["Recommendation: The force should answer calls sooner.", "New call handlers.", "Complete"],
        ["Investigating crime", "", ""],
        ["The force should allocate investigations well.", "A new policy.", "In progress"],
    ]
    actions, findings = extract_pcc_actions(response(rows), {"doc_type": "pcc_response", "title": ""})
    assert [a["action"] for a in actions] == ["New call handlers.", "A new policy."]
    assert [(f["kind"], f["area"]) for f in findings] == [
        ("cause_of_concern", "responding_to_public"),
        ("recommendation", "responding_to_public"),
        ("area_for_improvement", "investigating_crime"),
    ]


def test_evidence_is_the_whole_row_however_long():
    """A long response cell is quoted whole in the evidence of its action and of its recommendation."""
    long_response = " ".join(
        f"Step {i}: the force has trained its call handlers in the new triage process." for i in range(12)
    )
    rows = [HEADER, ["The force should answer calls within ten seconds.", long_response, "Complete"]]
    actions, findings = extract_pcc_actions(response(rows), {"doc_type": "pcc_response", "title": ""})
    assert len(long_response) > 600
    assert long_response in actions[0]["evidence"] and long_response in findings[0]["evidence"]
