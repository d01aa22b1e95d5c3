"""Commissioners' responses in every form, and the document types around them: a Word table whose first column
is merged down its groups, a letter of numbered paragraphs, a web page of labelled findings, a PDF table split
over pages with its header repeated; a Commissioner's or force's statement (grades quoted, nothing answered);
reports of other inspections; a site's banner before a page's content. Fixtures vary wording, force and layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.extract.pcc import columns, extract_pcc_actions
from lib.extract.pcc_letters import causes_named, labelled_actions, split_status
from lib.model import Block, Document, Page
from lib.pipeline import process_document

RESPONSE = {"doc_type": "pcc_response", "title": ""}


def _doc(blocks: list[Block], tables: list[list[list[str]]] = ()) -> Document:
    return Document("x", "x.pdf", "pdf", "", [Page(1, [], list(tables))], blocks=blocks)


def _para(text: str, kind: str = "paragraph", number: str = "") -> Block:
    return Block(kind, text, 1, number=number)


# ------------------------------------------------------------------------------------------ Word, merged column
def _merged_word(path: Path, header: list[str], groups: list[tuple[str, list[list[str]]]], force: str) -> Path:
    """A Section 55 letter and a table whose first column is merged down each group's rows (python-docx)."""
    import docx

    d = docx.Document()
    d.add_paragraph(f"Office of the Police and Crime Commissioner for {force}")
    d.add_paragraph("Dear Chief Inspector,")
    d.add_paragraph(
        f"In accordance with section 55 of the Police Act 1996, I publish my response to the PEEL 2021/22 "
        f"inspection of {force} Police within 56 days. The force was graded good in two areas."
    )
    d.add_paragraph("Yours sincerely,")
    table = d.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for group, rows in groups:
        first = len(table.rows)
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells[1:], row, strict=True):
                cell.text = text
        top = table.cell(first, 0)
        merged = top.merge(table.cell(len(table.rows) - 1, 0)) if len(rows) > 1 else top
        merged.text = group
    d.save(path)
    return path


def test_a_word_table_merged_down_its_first_column_gives_an_action_a_row(tmp_path):
    header = ["Theme", "Area for improvement or recommendation", "Action taken", "Owner", "RAG status"]
    groups = [
        (
            "Responding to the public",
            [["AFI: The force should answer 101 calls sooner.", "A call-back service.", "Supt Contact", "Complete"]],
        ),
        (
            "Cause of concern – protecting vulnerable people",
            [
                [
                    "Recommendation 1: Within six months, review risk assessments.",
                    "• Audit\n• Training",
                    "DCS",
                    "In progress – due May 2023",
                ],
                ["Recommendation 2: Within six months, staff the hub.", "Eight officers posted.", "DCS", "Complete"],
            ],
        ),
    ]
    path = _merged_word(tmp_path / "r.docx", header, groups, "Cumbria")
    result = process_document(path, "r")
    assert result["document"]["doc_type"] == "pcc_response" and result["judgments"] == []
    assert [(a["action"], a["status"]) for a in result["pcc_actions"]] == [
        ("A call-back service.", "Complete"),
        ("Audit", "In progress – due May 2023"),
        ("Training", "In progress – due May 2023"),
        ("Eight officers posted.", "Complete"),
    ]
    kinds = [(f["kind"], f["area"]) for f in result["findings"]]
    assert kinds == [
        ("area_for_improvement", "responding_to_public"),
        ("cause_of_concern", "protecting_vulnerable"),
        ("recommendation", "protecting_vulnerable"),
        ("recommendation", "protecting_vulnerable"),
    ]


def test_the_columns_of_who_leads_and_by_when_are_no_actions():
    cols = columns(["Area of policing", "HMICFRS finding", "Force action", "Lead", "Due date", "Status"])
    assert (cols.group, cols.finding, cols.actions, cols.status) == ([0], 1, [2], 5)


def test_a_table_split_over_pages_with_its_header_repeated_keeps_its_group():
    header = ["Area", "Recommendation", "Response", "Status"]
    page1 = [header, ["Investigating crime", "The force should plan investigations.", "Plans audited.", "Complete"]]
    page2 = [header, ["", "The force should update victims.", "Victim contracts.", "In progress"]]
    doc = Document("x", "x.pdf", "pdf", "", [Page(1, [], [page1]), Page(2, [], [page2])])
    actions, findings = extract_pcc_actions(doc, RESPONSE)
    assert [(a["action"], a["page"]) for a in actions] == [("Plans audited.", 1), ("Victim contracts.", 2)]
    assert [f["area"] for f in findings] == ["investigating_crime", "investigating_crime"]


# ----------------------------------------------------------------------------------- numbered paragraphs
LETTER = [
    ("1", "I welcome the inspectorate's report on Kent Police. I publish this response within 56 days."),
    (
        "2",
        "The report names two causes of concern, about calls and investigations, with two recommendations.",
    ),
    ("3", "I am pleased that the force was graded good at investigating crime."),
    ("4", "Recommendation 1: Call handlers have been recruited. Status: In progress – due September 2022."),
    ("5", "Recommendation 2: Investigation plans are now mandatory. Status: Complete."),
    ("6", "AFI 1 – Stop and search records are reviewed within a week. Status: Ongoing – on track"),
    ("7", "I will hold the Chief Constable to account for this work."),
]


@pytest.mark.parametrize("numbered", ["inline", "list"])
def test_a_letter_of_numbered_paragraphs_gives_its_labelled_paragraphs_as_actions(numbered):
    blocks = [_para(f"{n}. {text}") if numbered == "inline" else _para(text, "list_item", n) for n, text in LETTER]
    actions, findings = extract_pcc_actions(_doc(blocks), RESPONSE)
    assert [(a["recommendation"], a["status"]) for a in actions] == [
        ("Recommendation 1", "In progress – due September 2022"),
        ("Recommendation 2", "Complete"),
        ("AFI 1", "Ongoing – on track"),
    ]
    assert actions[0]["action"] == "Call handlers have been recruited."
    assert sorted(f["kind"] for f in findings) == [
        "area_for_improvement",
        "cause_of_concern",
        "cause_of_concern",
        "recommendation",
        "recommendation",
    ]


def test_a_status_is_kept_whole_as_printed():
    assert split_status("Work done. Status: In progress – due March 2025.") == (
        "Work done.",
        "In progress – due March 2025",
    )
    assert split_status("No status here.") == ("No status here.", "")


def test_a_cause_of_concern_named_in_a_sentence():
    doc = _doc([_para("The report identifies one cause of concern, about responding to the public.")])
    [cause] = causes_named(doc)
    assert (cause["kind"], cause["area"]) == ("cause_of_concern", "responding_to_public")


def test_a_section_55_letter_in_pdf_is_a_response_without_a_table(tmp_path):
    from tests.fixtures import render_pdf

    text = tmp_path / "letter.txt"
    text.write_text(
        "Essex Police, Fire & Crime Commissioner\n\nDear Sir Andy,\n\n"
        "PEEL 2023–25: An inspection of Essex Police – my response under section 55 of the Police Act 1996\n\n"
        "1. I welcome the report, which grades the force good at preventing crime and adequate at "
        "investigating crime.\n\n"
        "2. Area for improvement 1: The force has revised its crime allocation policy. Status: Complete.\n\n"
        "3. Area for improvement 2: A new vetting unit has been set up. Status: In progress.\n\n"
        "4. I will continue to monitor progress.\n\nYours sincerely,\n"
    )
    result = process_document(render_pdf(text, tmp_path / "letter.pdf"), "l")
    doc = result["document"]
    assert (doc["doc_type"], doc["force"], doc["year"]) == ("pcc_response", "Essex Police", 2023)
    assert result["judgments"] == []
    assert [a["status"] for a in result["pcc_actions"]] == ["Complete", "In progress"]


# -------------------------------------------------------------------------------------------- web pages
def test_a_web_page_of_findings_and_their_responses(tmp_path):
    page = (
        "<html><body><main><h1>PCC response to the HMICFRS PEEL 2021/22 inspection of Norfolk Constabulary</h1>"
        "<p>The Police and Crime Commissioner for Norfolk has published his response.</p>"
        "<h2>Recommendation 1</h2><p>The force should answer emergency calls within ten seconds.</p>"
        "<p>Response: New call handlers have been trained.</p><p>Status: Complete</p>"
        "<h2>Area for improvement 1: The force should improve how it records stop and search.</h2>"
        "<ul><li>Monthly audits of records</li><li>Refresher training</li></ul><p>Status: In progress</p>"
        "<h2>Contact us</h2><p>Write to the Commissioner's office.</p></main></body></html>"
    )
    path = tmp_path / "norfolk.html"
    path.write_text(page, encoding="utf-8")
    result = process_document(path, "n")
    assert (result["document"]["doc_type"], result["document"]["force"]) == ("pcc_response", "Norfolk Constabulary")
    assert [(a["action"], a["status"]) for a in result["pcc_actions"]] == [
        ("New call handlers have been trained.", "Complete"),
        ("Monthly audits of records", "In progress"),
        ("Refresher training", "In progress"),
    ]
    assert [f["kind"] for f in result["findings"]] == ["recommendation", "area_for_improvement"]


def test_blocks_without_labels_are_no_actions():
    blocks = [_para("I welcome the report."), _para("The force was graded good."), _para("Yours sincerely,")]
    assert labelled_actions(_doc(blocks)) == ([], [])


# ---------------------------------------------------------------------------------------------- statements
@pytest.mark.parametrize(
    "text, dtype",
    [
        (
            "News\n\nPCC welcomes HMICFRS PEEL report on Gwent Police\n\nThe Police and Crime Commissioner for Gwent "
            'said: "I am pleased the inspectorate judged the force good at investigating crime and good at '
            "preventing crime. It requires improvement in responding to the public, and I will hold the Chief "
            'Constable to account."\n',
            "pcc_statement",
        ),
        (
            "Statement from the Chief Constable on the HMIC PEEL effectiveness 2016 report\n\nChief Constable Jo "
            'Smith said: "HMIC has judged Dorset Police to be good at keeping people safe and reducing crime. '
            'The force is good at preventing crime and requires improvement in investigating crime."\n',
            "force_statement",
        ),
        (
            "Latest news\n\nLeicestershire Police welcomes HMICFRS PEEL 2023–25 inspection report\n\nThe force has "
            "been graded good at investigating crime and adequate at responding to the public, and requires "
            "improvement in protecting vulnerable people, inspectors found.\n",
            "force_statement",
        ),
    ],
)
def test_a_statement_naming_grades_is_no_report_and_grades_nothing(tmp_path, text, dtype):
    path = tmp_path / "statement.txt"
    path.write_text(text, encoding="utf-8")
    result = process_document(path, "s")
    assert result["document"]["doc_type"] == dtype
    assert result["judgments"] == [] and result["document"]["inspectorate"] == ""


def test_a_news_page_that_answers_findings_with_actions_is_a_response(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(
        "News\n\nCommissioner responds to HMICFRS PEEL 2023–25 report on Wiltshire Police\n\n"
        "The Police and Crime Commissioner for Wiltshire said the force was graded adequate in most areas.\n\n"
        "Area for improvement 1: The force now reviews every missed appointment. Status: Complete.\n\n"
        "Area for improvement 2: A new triage desk answers non-emergency calls. Status: In progress.\n",
        encoding="utf-8",
    )
    result = process_document(path, "w")
    assert result["document"]["doc_type"] == "pcc_response"
    assert len(result["pcc_actions"]) == 2 and result["judgments"] == []


# ---------------------------------------------------------------------------------------- other documents
def test_a_custody_inspection_report_is_not_a_peel_report(tmp_path):
    path = tmp_path / "custody.txt"
    path.write_text(
        "Report on an unannounced inspection visit to police custody suites in Lancashire\n\n"
        "by HM Inspectorate of Prisons and HM Inspectorate of Constabulary and Fire & Rescue Services\n\n"
        "Areas for improvement\n\n• The force should make sure detainees are offered a shower.\n\n"
        "Recommendations\n\n• Custody staff should be trained. The cause of concern we raised is resolved.\n",
        encoding="utf-8",
    )
    result = process_document(path, "c")
    assert result["document"]["doc_type"] == "unknown" and result["judgments"] == []


def test_a_site_banner_before_the_content_leaves_the_page_typed(tmp_path):
    page = (
        "<html><body><div class='banner'><p>Planned downtime: this website will be unavailable on Saturday.</p>"
        "</div><div><p>We are consulting on our new inspection programme. Have your say.</p></div><main>"
        "<h1>PEEL 2021/22 Police effectiveness, efficiency and legitimacy: An inspection of Suffolk Constabulary</h1>"
        "<h2>Our judgments</h2><p>We make graded judgments in 8 of these 9 areas.</p>"
        "<table><tr><th>Area of policing</th><th>Grade</th></tr><tr><td>Investigating crime</td><td>Good</td></tr>"
        "</table><h3>Area for improvement</h3><p>The force should pursue suspects promptly.</p></main></body></html>"
    )
    path = tmp_path / "suffolk.html"
    path.write_text(page, encoding="utf-8")
    doc = process_document(path, "s")["document"]
    assert (doc["doc_type"], doc["force"], doc["year"], doc["pillar"]) == (
        "peel_report",
        "Suffolk Constabulary",
        2021,
        "integrated",
    )


def test_a_consultation_notice_before_a_page_gives_neither_its_date_nor_its_year(tmp_path):
    path = tmp_path / "essex.txt"
    path.write_text(
        "Skip to content\n\nHMICFRS is consulting on our proposed inspection programmes\n\n"
        "Please give us your views on these programmes by 5pm on Monday 19 February 2018.\n\nNorfolk 2017\n\n"
        "This is HMICFRS' fourth PEEL (police effectiveness, efficiency and legitimacy) assessment of Norfolk "
        "Constabulary.\n\nThe extent to which the force is effective at keeping people safe and reducing crime is "
        "not yet graded.\n\nThe extent to which the force is efficient at keeping people safe and reducing crime "
        "is good.\n\nThe extent to which the force is legitimate at keeping people safe and reducing crime is "
        "good.\n",
        encoding="utf-8",
    )
    doc = process_document(path, "n")["document"]
    assert (doc["doc_type"], doc["force"], doc["year"], doc["pillar"]) == (
        "peel_report",
        "Norfolk Constabulary",
        2017,
        "integrated",  # a force's assessment page grades each pillar in a sentence
    )


def test_a_2018_pillar_page_is_of_the_pillar_it_asks_about(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(
        "Skip to content\n\nKent PEEL 2018\n\nEfficiency\n\nHow efficiently does the force operate and how "
        "sustainable are its services?\n\nLast updated 27/09/2019\nGood\n\nKent Police is good at meeting current "
        "demands and using resources. Kent Police is good at planning for the future.\n",
        encoding="utf-8",
    )
    doc = process_document(path, "k")["document"]
    assert (doc["doc_type"], doc["force"], doc["year"], doc["pillar"]) == (
        "peel_report",
        "Kent Police",
        2018,
        "efficiency",
    )


def test_a_report_that_links_its_commissioners_response_stays_a_report(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "PCC response (PDF)\n\nPEEL 2021/22 Police effectiveness, efficiency and legitimacy\n\nAn inspection of "
        "Avon and Somerset Constabulary\n\nThe police and crime commissioner must publish a response within 56 "
        "days.\n\nOur inspection assessed how good Avon and Somerset Constabulary is in nine areas of policing. "
        "We make graded judgments in eight of these nine as follows.\n\nAreas for improvement\n\n• The force "
        "should improve.\n",
        encoding="utf-8",
    )
    assert process_document(path, "a")["document"]["doc_type"] == "peel_report"


def test_a_letter_without_a_letterhead_is_a_response_by_its_greeting_and_the_act(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(
        "12 May 2022\n\nDear Sir Thomas,\n\nI write under section 55 of the Police Act 1996 about your PEEL "
        "2021/22 report on Lancashire Constabulary. The force was graded good at investigating crime.\n\n"
        "Yours sincerely,\n",
        encoding="utf-8",
    )
    doc = process_document(path, "l")["document"]
    assert (doc["doc_type"], doc["force"], doc["year"]) == ("pcc_response", "Lancashire Constabulary", 2021)


def test_a_reports_own_areas_for_improvement_are_no_answers():
    from lib.extract.pcc import answers_with_actions

    blocks = [
        _para("Area for improvement 1: The force should make sure it answers calls promptly."),
        _para("The force has too few call handlers at peak times."),
        _para("Investigating crime"),
    ]
    assert not answers_with_actions(_doc(blocks))
    blocks[1] = _para("Response: Twenty call handlers have been recruited.")
    assert answers_with_actions(_doc(blocks))


@pytest.mark.parametrize(
    "text, label, status",
    [
        ("Recommendation 2 (cause of concern): Staff recruited. Status: Complete.", "Recommendation 2", "Complete"),
        ("Area for Improvement 3 – Training given (Status: ongoing)", "Area for Improvement 3", "ongoing"),
        ("AFI 4. A new policy. RAG: Amber – due June 2023", "AFI 4", "Amber – due June 2023"),
    ],
)
def test_labels_and_statuses_as_letters_print_them(text, label, status):
    [action], _ = labelled_actions(_doc([_para(text)]))
    assert (action["recommendation"], action["status"]) == (label, status)


def test_a_table_without_a_header_whose_rows_answer_labelled_findings():
    rows = [
        ["Recommendation 1: The force should triage calls.", "• A triage desk\n• Training", "Complete"],
        ["", "Call-backs within an hour.", "In progress – due May 2024"],
        ["Area for improvement 1: The force should record stop and search.", "Monthly audits.", "Amber"],
    ]
    doc = Document("x", "x.docx", "docx", "", [Page(1, [], [rows])])
    actions, findings = extract_pcc_actions(doc, RESPONSE)
    assert [(a["action"], a["status"]) for a in actions] == [
        ("A triage desk", "Complete"),
        ("Training", "Complete"),
        ("Call-backs within an hour.", "In progress – due May 2024"),
        ("Monthly audits.", "Amber"),
    ]
    assert [f["kind"] for f in findings] == ["recommendation", "area_for_improvement"]
