"""The recommendation tracker (issue 17): statuses onto one list, findings joined to the Commissioner's
response by number then by text, 56-day timeliness, and recurrence across two cycles of one force, on corpora
built here (a report in Markdown and a saved web page; responses in Word and as text), run end to end."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from lib import tables as T
from lib.pipeline import build_tables, process_document
from lib.run.listing import list_documents
from lib.tracker import build_tracker, read_overrides
from lib.tracker_match import date_bounds, label_of, similarity, status_of, timeliness

REPORT_2021 = """# PEEL 2021/22: An inspection of Kent Police

Published: 17 March 2022

## Overall summary

| Outstanding | Good | Adequate | Requires improvement | Inadequate |
|---|---|---|---|---|
| | Protecting vulnerable people | Responding to the public | Investigating crime | |

## Responding to the public

### Cause of concern

The force isn't answering emergency calls quickly enough.

#### Recommendations

Within three months, the force should:

- make sure that it answers emergency calls within ten seconds; and
- make sure it has enough call handlers to meet demand at peak times.

### Areas for improvement

- The force should make sure that call handlers use a structured triage process to assess risk.

## Investigating crime

### Areas for improvement

- The force should make sure that supervisors review investigations regularly and record their direction.
- The force should improve the timeliness of digital forensic examinations.

## Protecting vulnerable people

### Areas for improvement

- The force should improve how it shares information about children at risk with partner agencies.
"""

CAUSE = "Cause of concern – Responding to the public: The force isn't answering emergency calls quickly enough."
RESPONSE_2021 = [
    ["Area for improvement / cause of concern recommendation", "Force/PCC response and actions", "Status"],
    [CAUSE] * 3,
    # Printed in another order than the report's, and worded a little differently: matched by text.
    [
        "Recommendation: Within three months, the force should make sure it has enough call handlers at peak times.",
        "Recruitment of 40 call handlers.",
        "Ongoing – on track",
    ],
    [
        "Recommendation: Within three months, the force should make sure that it answers emergency calls within "
        "ten seconds.",
        "A new call-handling model.",
        "Complete – monitoring continues",
    ],
    ["Investigating crime"] * 3,
    [
        "The force should improve the timeliness of digital forensic examinations.",
        "Two more examiners.",
        "In progress – due September 2022",
    ],
    [
        "The force should make sure that supervisors review investigations regularly and record their direction.",
        "Monthly audits of supervision.",
        "Complete",
    ],
    # The triage and the children's information-sharing areas for improvement have no row: not responded.
]

REPORT_2023 = """<html><head><title>PEEL 2023–25: An inspection of Kent Police</title></head><body><main>
<h1>PEEL 2023–25 Police effectiveness, efficiency and legitimacy: An inspection of Kent Police</h1>
<p>Published on: 2 February 2024</p>
<h2>Overall summary</h2>
<dl class="judgments"><dt>Investigating crime</dt><dd>Adequate</dd><dt>Protecting vulnerable people</dt><dd>Good</dd>
</dl>
<h2>Investigating crime</h2>
<h3>Area for improvement 1</h3>
<p>The force should make sure that supervisors review investigations regularly and record their direction.
This was an area for improvement in our 2021/22 inspection.</p>
<h3>Area for improvement 2</h3>
<p>The force should improve the timeliness of its digital forensic examinations, so that investigations are
not delayed.</p>
<h3>Area for improvement 3</h3>
<p>The force should make sure that victim needs assessments are completed for all victims.</p>
<h2>Protecting vulnerable people</h2>
<h3>Area for improvement 4</h3>
<p>The force should make sure that it completes risk assessments for all victims of stalking.</p>
</main></body></html>
"""

RESPONSE_2023 = (
    "Office of the Police and Crime Commissioner for Kent\n\n30 May 2024\n\n"
    "Response to the HMICFRS PEEL 2023–25 inspection of Kent Police\n\nDear Mr Cooke,\n\n"
    "Section 55 of the Police Act 1996 requires me to publish my comments on the report.\n\n"
    "Area for improvement\tResponse and actions\tStatus\n"
    # Numbered: matched by number, whatever the words ("Stalking risk assessments." shares few with the report).
    "Area for improvement 2: The force should speed up digital forensics.\tNew examiners.\t"
    "Superseded by the regional forensic programme\n"
    "Area for improvement 1: The force should make sure that supervisors review investigations.\t"
    "Supervision audits every month.\tIn progress – due September 2024\n"
    "Area for improvement 4: Stalking risk assessments.\tTraining delivered.\tAmber\n\nYours sincerely,\n"
)


def _word_response(path, rows, date_line="10 May 2022", cycle="2021/22"):
    import docx  # python-docx, a dependency of the Word reader

    d = docx.Document()
    d.add_paragraph("Office of the Police and Crime Commissioner for Kent")
    d.add_paragraph(date_line)
    d.add_heading(f"Response to the HMICFRS PEEL {cycle} inspection of Kent Police", level=2)
    d.add_paragraph("Section 55 of the Police Act 1996 requires me to publish my comments on the report.")
    table = d.add_table(rows=0, cols=3)
    for row in rows:
        cells = table.add_row().cells
        if len(set(row)) == 1:
            cells[0].merge(cells[2]).text = row[0]
        else:
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
    d.save(path)
    return path


def _tracker(folder, overrides=None):
    paths = list_documents(folder)
    tables = build_tables([process_document(p, p.stem) for p in paths])
    return build_tracker(tables, overrides if overrides is not None else read_overrides(folder))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kent")
    (folder / "kent_2021.md").write_text(REPORT_2021, encoding="utf-8")
    _word_response(folder / "kent_2021_response.docx", RESPONSE_2021)
    (folder / "kent_2023.html").write_text(REPORT_2023, encoding="utf-8")
    (folder / "kent_2023_response.txt").write_text(RESPONSE_2023, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def tracked(corpus):
    tracker, checks = _tracker(corpus)
    return tracker.set_index("finding_id", drop=False), checks


# ------------------------------------------------------------------------------------------------ words


@pytest.mark.parametrize(
    "printed, status",
    [
        ("Complete", "complete"),
        ("Complete – monitoring continues", "complete"),
        ("Status: Complete – monitoring continues.", "complete"),
        ("Ongoing – on track", "in progress"),
        ("On track", "in progress"),
        ("In progress – due September 2022", "in progress"),
        ("Not started", "not started"),
        ("Not yet started – planned for 2025", "not started"),
        ("Superseded by the regional forensic programme", "superseded"),
        ("Closed – superseded by recommendation 3", "superseded"),
        ("Partially complete", "in progress"),
        ("Under review", "in progress"),
        ("Completed", "complete"),
        ("Amber", None),
        ("", ""),
    ],
)
def test_a_printed_status_onto_the_list(printed, status):
    assert status_of(printed) == status


@pytest.mark.parametrize(
    "text, kind, number",
    [
        ("Recommendation 2: By 31 March 2025, the force should …", "recommendation", "2"),
        ("Area for improvement 1 / The force should …", "area_for_improvement", "1"),
        ("AFI 3 – The force should …", "area_for_improvement", "3"),
        ("Cause of concern 1", "cause_of_concern", "1"),
        ("Recommendation: Within three months …", "recommendation", ""),
        ("The force should improve …", None, ""),
    ],
)
def test_a_findings_label_gives_its_kind_and_number(text, kind, number):
    assert label_of(text)[:2] == (kind, number)


def test_days_to_the_response_and_the_56_days():
    assert timeliness("2022-03-17", "2022-05-10") == (54, True)
    assert timeliness("2024-02-02", "2024-05-30") == (118, False)
    assert timeliness("2022-03", "2022-09-14") == (None, False)  # late whichever day of March
    assert timeliness("2022-07", "2022-09-14") == (None, None)  # 45 to 75 days: not settled
    assert timeliness("", "2022-09-14") == (None, None)
    assert date_bounds("2022-02") == (date(2022, 2, 1), date(2022, 2, 28))


def test_similar_wording_and_different_subjects():
    assert (
        similarity(
            "The force should improve the timeliness of digital forensic examinations.",
            "The force should improve the timeliness of its digital forensic examinations, so that "
            "investigations are not delayed.",
        )
        >= 70
    )
    assert (
        similarity(
            "The constabulary should ensure that all officers and staff have received vetting.",
            "The force should make sure that all officers and staff have received vetting.",
        )
        >= 70
    )
    assert (
        similarity(
            "The force should make sure that victim needs assessments are completed for all victims.",
            "The force should make sure that it completes risk assessments for all victims of stalking.",
        )
        < 70
    )


# ------------------------------------------------------------------------------------------------ joins


def test_every_finding_once_with_a_stable_unique_id(tracked, corpus):
    tracker, _ = tracked
    assert tracker["finding_id"].is_unique and len(tracker) == 11
    assert set(tracker["kind"]) == {"cause_of_concern", "recommendation", "area_for_improvement"}
    # Numbered where the report prints numbers, by position where it does not.
    assert {"kent-2023-25-integrated-afi-1", "kent-2023-25-integrated-afi-4"} <= set(tracker.index)
    assert {"kent-2021-22-integrated-rec-p1", "kent-2021-22-integrated-afi-p4"} <= set(tracker.index)
    assert tracker.loc["kent-2023-25-integrated-afi-2", "number"] == "2"
    again, _ = _tracker(corpus)  # the same corpus again: the same ids
    assert list(again["finding_id"]) == list(tracker["finding_id"])


def test_statuses_from_the_response_by_text(tracked):
    tracker, _ = tracked
    first = tracker[tracker["doc_id"] == "kent_2021"]
    got = dict(zip(first["text"].str[:40], zip(first["status_printed"], first["status"], strict=True)))
    assert got["make sure that it answers emergency call"] == ("Complete – monitoring continues", "complete")
    assert got["make sure it has enough call handlers to"] == ("Ongoing – on track", "in progress")
    assert got["The force should improve the timeliness "] == ("In progress – due September 2022", "in progress")
    assert got["The force should make sure that supervis"] == ("Complete", "complete")
    # No row for them in the response: not responded, nothing printed.
    assert got["The force should make sure that call han"] == ("", "not responded")
    assert got["The force should improve how it shares i"] == ("", "not responded")
    cause = tracker[tracker["kind"] == "cause_of_concern"].iloc[0]
    assert cause["status"] == "in progress"  # through its recommendations: the least advanced
    assert "answered through its recommendations" in cause["response_text"]
    row = tracker.loc["kent-2021-22-integrated-rec-p1"]
    assert row["response_doc_id"] == "kent_2021_response" and row["response_text"] == "A new call-handling model."


def test_statuses_from_the_response_by_number_and_an_unknown_wording(tracked):
    tracker, checks = tracked
    assert tracker.loc["kent-2023-25-integrated-afi-2", "status"] == "superseded"
    assert tracker.loc["kent-2023-25-integrated-afi-1", "status"] == "in progress"
    assert tracker.loc["kent-2023-25-integrated-afi-3", "status"] == "not responded"
    amber = tracker.loc["kent-2023-25-integrated-afi-4"]
    assert (amber["status_printed"], amber["status"]) == ("Amber", "")
    assert [(c["check"], c["passed"]) for c in checks] == [("tracker_status_known", False)]
    assert "Amber" in checks[0]["detail"] and "kent-2023-25-integrated-afi-4" in checks[0]["detail"]


def test_timeliness_of_each_response(tracked):
    tracker, _ = tracked
    first = tracker[tracker["doc_id"] == "kent_2021"]
    assert set(first["days_to_response"]) == {54} and first["within_56_days"].all()
    second = tracker[tracker["doc_id"] == "kent_2023"]
    assert set(second["days_to_response"]) == {118} and not second["within_56_days"].any()
    assert set(second["response_date"]) == {"2024-05-30"}


def test_recurring_areas_for_improvement_stated_or_restated_without_false_links(tracked):
    tracker, _ = tracked
    links = {
        fid: (r["recurs_from"], r["recurs_how"]) for fid, r in tracker.iterrows() if r["recurs_from"] or r["recurs_how"]
    }
    assert links == {
        "kent-2023-25-integrated-afi-1": ("kent-2021-22-integrated-afi-p2", "stated"),
        "kent-2023-25-integrated-afi-2": ("kent-2021-22-integrated-afi-p3", "similar"),
    }
    assert tracker.loc["kent-2023-25-integrated-afi-2", "recurs_score"] >= 70


def test_no_response_no_findings_one_report(tmp_path):
    (tmp_path / "kent_2021.md").write_text(REPORT_2021, encoding="utf-8")
    tracker, checks = _tracker(tmp_path)
    assert set(tracker["status"]) == {"not responded"} and not checks
    assert tracker["response_doc_id"].fillna("").eq("").all() and tracker["within_56_days"].isna().all()
    empty, _ = build_tracker({name: T.frame(name, []) for name in T.TABLES})
    assert list(empty.columns) == T.COLUMNS["tracker"] and empty.empty


def test_the_same_report_twice_is_told_apart_by_its_document(tmp_path):
    (tmp_path / "kent_2021.md").write_text(REPORT_2021, encoding="utf-8")
    (tmp_path / "kent_2021_copy.md").write_text(REPORT_2021, encoding="utf-8")
    tracker, _ = _tracker(tmp_path)
    assert tracker["finding_id"].is_unique and len(tracker) == 14
    copy = tracker[tracker["doc_id"] == "kent_2021_copy"]
    assert copy["finding_id"].str.endswith("-kent-2021-copy").all()
    assert copy["recurs_from"].fillna("").eq("").all()  # one cycle: nothing recurs


def test_overrides_are_applied_shown_and_checked(corpus, tmp_path):
    overrides = pd.DataFrame(
        [
            ["kent-2023-25-integrated-afi-4", "status", "In progress", "Amber is in progress in our tracker"],
            ["kent-2023-25-integrated-afi-3", "recurs_from", "kent-2021-22-integrated-afi-p1", "the same triage"],
            ["kent-2023-25-integrated-afi-2", "recurs_from", "", "not the same examinations"],
            ["no-such-finding", "status", "complete", ""],
            ["kent-2023-25-integrated-afi-1", "status", "finished", ""],
        ],
        columns=["finding_id", "field", "value", "note"],
    )
    overrides.to_csv(tmp_path / "tracker_overrides.csv", index=False)
    tracker, checks = _tracker(corpus, read_overrides(tmp_path))
    tracker = tracker.set_index("finding_id", drop=False)
    row = tracker.loc["kent-2023-25-integrated-afi-4"]
    assert (row["status"], row["overridden"]) == ("in progress", "status: Amber is in progress in our tracker")
    row = tracker.loc["kent-2023-25-integrated-afi-3"]
    assert (row["recurs_from"], row["recurs_how"]) == ("kent-2021-22-integrated-afi-p1", "override")
    assert tracker.loc["kent-2023-25-integrated-afi-2", "recurs_from"] in ("", None)
    assert tracker.loc["kent-2023-25-integrated-afi-1", "status"] == "in progress"  # "finished": refused
    refused = [c["detail"] for c in checks if c["check"] == "tracker_override"]
    assert len(refused) == 2 and "no-such-finding" in refused[0] and "finished" in refused[1]


def test_the_run_writes_the_tracker_and_reads_no_override_file_as_a_document(corpus, tmp_path):
    from lib.run.batch import run

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in corpus.iterdir():
        (seeds / p.name).write_bytes(p.read_bytes())
    pd.DataFrame(
        [["kent-2023-25-integrated-afi-4", "status", "in progress", "agreed with the force"]],
        columns=["finding_id", "field", "value", "note"],
    ).to_csv(seeds / "tracker_overrides.csv", index=False)
    assert run(seeds, tmp_path / "out", notebooks=False) == 0
    data = tmp_path / "out" / "data"
    assert "tracker_overrides" not in set(T.read(data, "documents")["doc_id"])
    tracker = T.read(data, "tracker").set_index("finding_id")
    assert tracker.loc["kent-2023-25-integrated-afi-4", "status"] == "in progress"
    assert tracker.loc["kent-2023-25-integrated-afi-4", "overridden"] == "status: agreed with the force"
    checks = T.read(data, "checks")
    assert not (checks["check"] == "tracker_status_known").any()  # the unknown wording settled by the user
    from openpyxl import load_workbook

    sheet = load_workbook(data / "peel-workbook.xlsx")["tracker"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[header.index("finding_id")].value.endswith("afi-4"))
    assert row[header.index("doc_id")].hyperlink.target == "../reports/evidence/kent_2023.html#page-1"
    answer = row[header.index("response_doc_id")]
    assert answer.hyperlink.target == "../reports/evidence/kent_2023_response.html#page-1"


def test_a_letter_of_numbered_paragraphs_answers_by_number(tmp_path):
    """As a response letter reads (no table): "4. Recommendation 1: …" paragraphs, the status at the end of
    each ("Status: Complete – monitoring continues."); the report's numbers are in its findings' evidence."""
    report = {"doc_id": "rep", "doc_type": "peel_report", "force": "Sussex Police", "year": 2023, "cycle": "2023–25"}
    letter = {**report, "doc_id": "letter", "doc_type": "pcc_response", "published": "2024-08-02"}
    documents = T.frame("documents", [{**report, "status": "ok", "published": "2024-06"}, {**letter, "status": "ok"}])
    finding = {"doc_id": "rep", "force": "Sussex Police", "year": 2023, "page": 3}
    findings = T.frame(
        "findings",
        [
            {**finding, "kind": "recommendation", "text": "By 31 December 2024, the force should answer calls.",
             "evidence": "Recommendation 1 / By 31 December 2024, the force should answer calls."},
            {**finding, "kind": "recommendation", "text": "By 31 March 2025, the force should attend in time.",
             "evidence": "Recommendation 2 / By 31 March 2025, the force should attend in time."},
            {**finding, "kind": "area_for_improvement", "text": "The force should record stop and search.",
             "evidence": "Area for improvement 1 / The force should record stop and search."},
        ],
    )  # fmt: skip
    action = {"doc_id": "letter", "force": "Sussex Police", "year": 2023, "page": 1, "status": ""}
    actions = T.frame(
        "pcc_actions",
        [
            {**action, "recommendation": "5. Recommendation 2: attendance.",
             "action": "A new deployment model. Status: In progress – due March 2025."},
            {**action, "recommendation": "4. Recommendation 1: call handling.",
             "action": "Forty call handlers recruited. Status: Complete – monitoring continues."},
        ],
    )  # fmt: skip
    tables = {name: T.frame(name, []) for name in T.TABLES}
    tables.update(documents=documents, findings=findings, pcc_actions=actions)
    tracker, checks = build_tracker(tables)
    got = dict(zip(tracker["finding_id"], tracker["status"], strict=True))
    assert got == {
        "sussex-2023-25-peel-rec-1": "complete",
        "sussex-2023-25-peel-rec-2": "in progress",
        "sussex-2023-25-peel-afi-1": "not responded",
    }
    assert not checks and list(tracker["within_56_days"]) == [pd.NA] * 3  # June 2024 to 2 August: not settled


def test_an_update_gives_the_status_and_the_first_response_the_timeliness():
    report = {"doc_id": "rep", "doc_type": "peel_report", "force": "Kent Police", "year": 2021, "cycle": "2021/22"}
    first = {**report, "doc_id": "first", "doc_type": "pcc_response", "published": "2022-05-10"}
    update = {**first, "doc_id": "update", "published": "2023-05-01", "cycle": ""}  # the year alone answers too
    documents = T.frame(
        "documents", [{**d, "status": "ok"} for d in ({**report, "published": "2022-03-17"}, first, update)]
    )
    findings = T.frame(
        "findings",
        [{"doc_id": "rep", "force": "Kent Police", "kind": "area_for_improvement", "page": 2,
          "text": "The force should improve the timeliness of digital forensic examinations."}],
    )  # fmt: skip
    row = {"force": "Kent Police", "page": 1, "recommendation": "The force should improve the timeliness of digital "
           "forensic examinations.", "action": "Two more examiners."}  # fmt: skip
    actions = T.frame(
        "pcc_actions",
        [{**row, "doc_id": "first", "status": "In progress"}, {**row, "doc_id": "update", "status": "Complete"}],
    )
    tables = {name: T.frame(name, []) for name in T.TABLES}
    tables.update(documents=documents, findings=findings, pcc_actions=actions)
    [row] = build_tracker(tables)[0].to_dict("records")
    assert (row["status"], row["response_doc_id"]) == ("complete", "update")
    assert (row["response_date"], row["days_to_response"], row["within_56_days"]) == ("2022-05-10", 54, True)


# The 2021/22 report as a PDF-to-text tool prints it: no Markdown marks, bullets "•", the grade table left out.
REPORT_2021_TEXT = "\n".join(
    line.lstrip("#").strip().replace("- ", "• ", 1) if line.startswith(("#", "- ")) else line
    for line in REPORT_2021.splitlines()
    if not line.startswith("|") and line != "## Overall summary"
)


@pytest.mark.parametrize("form", ["text", "pdf"])
def test_the_same_tracker_from_the_report_as_text_or_pdf(tmp_path, tracked, form):
    """The 2021/22 report as a PDF-to-text export and rendered to PDF: the same findings, statuses and links."""
    from tests.fixtures import render_pdf

    text = tmp_path / "src" / "kent_2021.txt"
    text.parent.mkdir()
    text.write_text(REPORT_2021_TEXT, encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    if form == "pdf":
        render_pdf(text, folder / "kent_2021.pdf", styled=True)
    else:
        (folder / "kent_2021.txt").write_text(REPORT_2021_TEXT, encoding="utf-8")
    _word_response(folder / "kent_2021_response.docx", RESPONSE_2021)
    (folder / "kent_2023.html").write_text(REPORT_2023, encoding="utf-8")
    (folder / "kent_2023_response.txt").write_text(RESPONSE_2023, encoding="utf-8")
    tracker, _ = _tracker(folder)
    expected, _ = tracked
    cols = ["finding_id", "kind", "status", "status_printed", "recurs_from", "recurs_how", "within_56_days"]
    pd.testing.assert_frame_equal(
        tracker[cols].fillna("").reset_index(drop=True),
        expected[cols].fillna("").reset_index(drop=True),
    )
