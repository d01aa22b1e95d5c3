"""Findings from the structure: lists, numbered items, causes of concern with recommendations, and what is not
a finding (innovative and promising practice)."""

from __future__ import annotations

from lib.extract.findings_blocks import block_findings
from lib.model import Block
from lib.structure import outline


def H(text, level=2, box=""):
    return Block("heading", text, 1, level=level, box=box)


def P(text, box=""):
    return Block("paragraph", text, 1, box=box)


def L(text, level=0, number=""):
    return Block("list_item", text, 1, level=level, number=number)


def found(blocks):
    return [(r.kind, r.area, r.text) for r in block_findings(outline(blocks))]


def test_areas_for_improvement_list_under_an_area_heading():
    rows = found(
        [
            H("Protecting vulnerable people", 2),
            P("Adequate"),
            H("Areas for improvement", 3),
            L("The force should improve its risk assessments."),
            L("The force should record the voice of the child."),
            H("Managing offenders", 2),
        ]
    )
    assert rows == [
        ("area_for_improvement", "protecting_vulnerable", "The force should improve its risk assessments."),
        ("area_for_improvement", "protecting_vulnerable", "The force should record the voice of the child."),
    ]


def test_sub_bullets_stay_in_their_parent_item():
    rows = found(
        [
            H("Investigating crime", 2),
            H("Areas for improvement", 3),
            L("The force should improve its approach by:"),
            L("understanding its arrest rate;", level=1),
            L("clarifying its policy; and", level=1),
            L("The force should act on feedback."),
        ]
    )
    assert [t for _, _, t in rows] == [
        "The force should improve its approach by: understanding its arrest rate; clarifying its policy; and",
        "The force should act on feedback.",
    ]


def test_sub_items_at_the_same_depth_after_a_colon_stay_in_their_parent():
    rows = found(
        [
            H("Investigating crime"),
            H("Areas for improvement"),
            L("The force should:"),
            L("audit its files;"),
            L("train staff."),
        ]
    )
    assert [t for _, _, t in rows] == ["The force should: audit its files; train staff."]


def test_areas_for_improvement_as_paragraphs_when_there_is_no_list_markup():
    rows = found(
        [
            H("Responding to the public"),
            H("Areas for improvement", 3),
            P("The force should answer calls sooner."),
            P("Other prose."),
        ]
    )
    assert rows == [("area_for_improvement", "responding_to_public", "The force should answer calls sooner.")]


def test_numbered_area_for_improvement_in_a_box_heading_then_its_text():
    rows = found(
        [
            H("Investigating crime", 2),
            P("Adequate"),
            H("Area for improvement 1", 4, box="box"),
            P("The force should pursue suspects promptly.", box="box"),
            P("Area for improvement 2: The force should update victims."),
        ]
    )
    assert rows == [
        ("area_for_improvement", "investigating_crime", "The force should pursue suspects promptly."),
        ("area_for_improvement", "investigating_crime", "The force should update victims."),
    ]


def test_a_cause_of_concern_and_its_recommendations():
    rows = found(
        [
            H("Responding to the public", 2),
            H("Cause of concern", 3, box="box"),
            P("The force isn't answering calls quickly enough.", box="box"),
            H("Recommendations", 4, box="box"),
            P("Within six months, the force should:", box="box"),
            L("answer emergency calls within ten seconds;"),
            L("make sure it has enough call handlers."),
            H("Investigating crime", 2),
        ]
    )
    assert rows == [
        ("cause_of_concern", "responding_to_public", "The force isn't answering calls quickly enough."),
        ("recommendation", "responding_to_public", "answer emergency calls within ten seconds;"),
        ("recommendation", "responding_to_public", "make sure it has enough call handlers."),
    ]


def test_numbered_recommendations_of_a_2023_cause_of_concern():
    rows = found(
        [
            H("Protecting vulnerable people", 2),
            H("Cause of concern", 3),
            P("The force does not safeguard children well enough."),
            P("Recommendation 1: Within six months, the force should train its staff."),
            P("Recommendation 2: The force should audit its referrals."),
        ]
    )
    assert [k for k, _, _ in rows] == ["cause_of_concern", "recommendation", "recommendation"]
    assert rows[1][2] == "Within six months, the force should train its staff."


def test_innovative_and_promising_practice_are_not_findings():
    rows = found(
        [
            H("Preventing crime", 2),
            H("Innovative practice", 4, box="box"),
            P("The force should be proud of its problem-solving hub.", box="box"),
            L("A hub that gives officers access to analysts."),
            H("Promising practice", 4, box="box"),
            P("Using data to target hotspot patrols", box="box"),
        ]
    )
    assert rows == []


def test_area_from_a_preceding_question_where_headings_come_at_one_level():
    rows = found(
        [
            H("How effective is the force at tackling serious and organised crime?", 2),
            P("Prose."),
            H("Summary of findings", 2),
            P("Good"),
            H("Areas for improvement", 2),
            L("The force should understand county lines."),
        ]
    )
    assert rows == [("area_for_improvement", "serious_organised_crime", "The force should understand county lines.")]


def test_a_deeper_item_after_a_whole_item_is_the_next_item():
    rows = found(
        [
            H("Responding to the public"),
            H("Cause of concern", 3),
            P("Calls are not answered quickly enough."),
            P("Within three months, the force should:"),
            L("answer emergency calls within ten seconds;"),
            L("use a structured triage process; and"),
            L("have enough call handlers at peak times.", level=1),  # an indent the reader mis-set
        ]
    )
    assert [k for k, _, _ in rows] == ["cause_of_concern", "recommendation", "recommendation", "recommendation"]


# ---------------------------------------------------------------- boxes left as markup (lib/readers/boxes.py)
def found_unboxed(blocks):
    from lib.readers.boxes import unbox

    return [(r.kind, r.area, r.text) for r in block_findings(outline(unbox(blocks)))]


def test_a_cause_of_concern_in_a_blockquote_run_into_one_paragraph():
    rows = found_unboxed(
        [
            H("Responding to the public", 2),
            P("Cleveland Police requires improvement at responding to the public."),
            H("Main findings", 3),
            P(
                "> Cause of concern > > The force doesn't answer calls quickly enough. > > Recommendations > > "
                "Within three months, the force should: > > - make sure it has enough call handlers; and > - make "
                "sure that calls are graded correctly."
            ),
            H("Areas for improvement", 3),
            L("The force should improve its call-backs."),
        ]
    )
    assert rows == [
        ("cause_of_concern", "responding_to_public", "The force doesn't answer calls quickly enough."),
        ("recommendation", "responding_to_public", "make sure it has enough call handlers; and"),
        ("recommendation", "responding_to_public", "make sure that calls are graded correctly."),
        ("area_for_improvement", "responding_to_public", "The force should improve its call-backs."),
    ]


def test_a_blockquote_with_headings_and_numbered_recommendations_wrapped_over_lines():
    rows = found_unboxed(
        [
            H("Investigating crime", 2),
            P(
                "> ### Cause of concern > > The force does not supervise > investigations well enough. > > "
                "#### Recommendation > > By 31 March 2023, the force should: > > 1. audit its open > "
                "investigations; and > 2. train its supervisors."
            ),
        ]
    )
    assert rows == [
        ("cause_of_concern", "investigating_crime", "The force does not supervise investigations well enough."),
        ("recommendation", "investigating_crime", "audit its open investigations; and"),
        ("recommendation", "investigating_crime", "train its supervisors."),
    ]


def test_a_fenced_callout_whose_fences_stand_in_its_first_and_last_blocks():
    rows = found_unboxed(
        [
            H("Protecting vulnerable people", 2),
            P("::: {.callout .cause-of-concern} **Cause of concern**"),
            P("The force does not always safeguard children at risk."),
            P("**Recommendations**"),
            P("Within six months, the force should:"),
            L("review its referrals; and"),
            L("train its staff. :::"),
            P("Other prose."),
        ]
    )
    assert rows == [
        ("cause_of_concern", "protecting_vulnerable", "The force does not always safeguard children at risk."),
        ("recommendation", "protecting_vulnerable", "review its referrals; and"),
        ("recommendation", "protecting_vulnerable", "train its staff."),
    ]


def test_a_finding_is_quoted_without_a_footnote_number():
    """(A hyphen a line break left is the reader's to take out: tests/test_readers_text.py.)"""
    from lib.extract.findings import extract_findings
    from lib.model import Document

    doc = Document(
        "x.pdf",
        "x.pdf",
        "pdf",
        "0",
        [],
        blocks=[
            H("Leadership and force management", 5),
            H("Area for improvement 4", 6, box="box"),
            P("The force should make sure that it has a complete understanding of its workforce2.", box="box"),
            P("It completes a workforce plan each year."),
        ],
    )
    (row,) = extract_findings(doc, {"doc_type": "peel_report"})
    assert row["text"] == "The force should make sure that it has a complete understanding of its workforce."
    assert "workforce2" not in row["evidence"]


def test_a_finding_under_a_question_that_names_no_known_area_is_not_filed_under_the_section_before():
    rows = found(
        [
            H("How well does the force use its resources to meet its demand?", 5),
            H("Understanding demand", 6),
            H("Areas for improvement", 6),
            L("The constabulary should understand hidden demand."),
            H("How resilient is the force's approach to its partnerships?", 5),
            H("Partnerships", 6),
            H("Areas for improvement", 6),
            L("The constabulary should review its partnerships."),
        ]
    )
    assert [(area, text[:40]) for _, area, text in rows] == [
        ("meeting_demand", "The constabulary should understand hidde"),
        (None, "The constabulary should review its partn"),
    ]


def test_headings_at_one_level_still_file_a_finding_under_the_area_before_it():
    rows = found(
        [
            H("Managing offenders and suspects", 2),
            P("Avon and Somerset Constabulary is good at managing offenders and suspects."),
            H("Areas for improvement", 2),
            L("The force should visit registered sex offenders on time."),
        ]
    )
    assert [area for _, area, _ in rows] == ["managing_offenders"]


def test_the_introduction_under_causes_of_concern_is_not_a_cause():
    rows = found(
        [
            H("Responding to the public", 2),
            H("Causes of concern", 3),
            P("We have identified one cause of concern about how the force responds to calls."),
            P("The force does not answer emergency calls quickly enough."),
            H("Recommendations", 4),
            L("The force should recruit more call handlers."),
        ]
    )
    assert [(k, t) for k, _, t in rows] == [
        ("cause_of_concern", "The force does not answer emergency calls quickly enough."),
        ("recommendation", "The force should recruit more call handlers."),
    ]


def test_no_cause_where_the_report_says_it_found_none():
    assert found([H("Causes of concern", 3), P("We did not identify any causes of concern."), H("Next", 3)]) == []


def test_causes_of_concern_as_a_list_each_item_a_cause():
    rows = found(
        [
            H("Protecting vulnerable people", 2),
            H("Causes of concern", 3),
            L("The force does not always safeguard children at risk."),
            L("The force does not manage registered sex offenders well enough."),
            P("Other prose."),
        ]
    )
    assert [(k, a) for k, a, _ in rows] == [("cause_of_concern", "protecting_vulnerable")] * 2


def test_a_finding_printed_in_a_summary_and_in_its_section_takes_the_sections_area():
    from lib.extract.findings import extract_findings
    from lib.model import Document

    blocks = [
        H("Preventing crime", 2),
        P("Durham Constabulary is good at preventing crime."),
        H("Summary of areas for improvement", 2),
        H("Areas for improvement", 3),
        L("The force should improve how it records stop and search."),
        H("Treatment of the public", 2),
        H("Areas for improvement", 3),
        L("The force should improve how it records stop and search."),
    ]
    doc = Document("x.html", "x.html", "html", "0", [], blocks=blocks)
    rows = extract_findings(doc, {"doc_type": "peel_report"})
    assert [(r["area"], r["text"]) for r in rows] == [
        ("treatment_of_public", "The force should improve how it records stop and search.")
    ]
