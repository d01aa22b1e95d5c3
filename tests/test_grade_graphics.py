"""The 2021/22 grade graphic however a reader gives its labels: names stacked in one cell and run together,
labels wrapped over three or four lines (other forces' graphics, built here)."""

from __future__ import annotations

from lib.extract.grade_tables import grade_column_table, stacked_names
from lib.pipeline import process_document


def test_names_stacked_in_one_cell_and_run_together_are_each_a_name():
    assert stacked_names(
        "Treatment of the public Managing offenders and suspects Building, supporting and protecting the workforce"
    ) == [
        "Treatment of the public",
        "Managing offenders and suspects",
        "Building, supporting and protecting the workforce",
    ]


def test_a_name_wrapped_over_lines_in_a_cell_is_one_name():
    assert stacked_names(
        "Strategic planning,\norganisational\nmanagement and value\nfor money\nInvestigating crime"
    ) == [
        "Strategic planning, organisational management and value for money",
        "Investigating crime",
    ]


def test_a_cell_of_one_name_in_title_case_stays_whole():
    assert stacked_names("Protecting Vulnerable People") == ["Protecting Vulnerable People"]


def test_a_ruled_graphic_whose_cells_run_their_names_together():
    rows = [
        ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"],
        ["Preventing crime", "", "Responding to the public Investigating crime", "", "Protecting vulnerable people"],
    ]
    got = {(r.area, r.grade) for r in grade_column_table(rows, 2)}
    assert got == {
        ("preventing_crime", "Outstanding"),
        ("responding_to_public", "Adequate"),
        ("investigating_crime", "Adequate"),
        ("protecting_vulnerable", "Inadequate"),
    }


GRAPHIC_WRAPPED = """HMICFRS

PEEL 2021/22
Police effectiveness, efficiency and legitimacy
An inspection of Gloucestershire Constabulary

Our judgments
Our inspection assessed how good Gloucestershire Constabulary is in ten areas of policing. We make
graded judgments in six of these ten as follows:
Outstanding

Good
Building,
supporting and
protecting the
workforce

Adequate
Strategic planning,
organisational
management and
value for money

Requires
improvement
Managing offenders
and suspects

Inadequate
Preventing crime
and anti-social
behaviour

Treatment of the
public
"""


def test_graphic_labels_wrapped_over_three_or_four_lines(tmp_path):
    from fixtures import render_pdf

    source = tmp_path / "gloucestershire.txt"
    source.write_text(GRAPHIC_WRAPPED, encoding="utf-8")
    result = process_document(render_pdf(source, tmp_path / "gloucestershire.pdf", styled=True), "d")
    got = {(r["area"], r["grade"]) for r in result["judgments"]}
    assert {
        ("workforce", "Good"),
        ("strategic_planning", "Adequate"),
        ("managing_offenders", "Requires improvement"),
    } == got  # after the last grade word: a later row of any column, no grade


def test_graphic_labels_whose_lines_are_blocks_of_their_own():
    # A PDF whose graphic sets every line in a text box of its own: a label's lines come as blocks.
    from lib.extract.grade_headings import graphic_run
    from lib.model import Block
    from lib.structure import Node

    lines = [
        "Good", "Building,", "supporting and", "protecting the", "workforce",
        "Adequate", "Strategic planning,", "organisational", "management and", "value for money",
        "Requires improvement", "Investigating crime", "Inadequate", "Responding to the public",
    ]  # fmt: skip
    nodes = [Node(i, Block("paragraph", text, 3), []) for i, text in enumerate(lines)]
    rows, used = graphic_run(nodes)
    assert [(r.area, r.grade, r.area_label) for r in rows] == [
        ("workforce", "Good", "Building, supporting and protecting the workforce"),
        ("strategic_planning", "Adequate", "Strategic planning, organisational management and value for money"),
        ("investigating_crime", "Requires improvement", "Investigating crime"),
    ]
    assert used == set(range(len(lines)))


EFFICIENCY_2015 = """# PEEL: Police efficiency 2015

An inspection of Suffolk Constabulary. HMIC

## Overall judgment

Requires improvement

## Summary

### How sustainable and affordable is the workforce model?

HMIC judges the constabulary to be good in this area.

## How well does the force use its resources to meet its demand?

### Grade: Requires improvement

The constabulary does not understand its demand well.

## How sustainable and affordable is the workforce model?

### Grade: Good

The workforce plan is sound.

## How sustainable is the force's financial position for the short and long term?

### Grade: Inadequate

The constabulary has no plan for its savings.

### Areas for improvement

- The constabulary should set out how it will make its savings.
"""


def test_2015_efficiency_grade_boxes_under_questions_asked_in_other_words(tmp_path):
    path = tmp_path / "suffolk_peel_efficiency_2015.md"
    path.write_text(EFFICIENCY_2015, encoding="utf-8")
    got = {(r["area"], r["grade"]) for r in process_document(path, "d")["judgments"]}
    assert got == {
        ("overall", "Requires improvement"),
        ("meeting_demand", "Requires improvement"),
        ("workforce_model", "Good"),
        ("financial_position", "Inadequate"),
    }


SUB_QUESTION_2015 = """# PEEL: Police effectiveness 2015

An inspection of Wiltshire Police. HMIC

## How effective is the force at tackling serious and organised crime?

### How effectively is the force working with partners to prevent serious and organised crime?

The force works well with partners.

### Summary of findings

Requires improvement

### Areas for improvement

- The force should share its intelligence with partners.
"""


def test_a_summary_box_under_a_sub_question_belongs_to_the_pillars_question(tmp_path):
    path = tmp_path / "wiltshire_peel_effectiveness_2015.md"
    path.write_text(SUB_QUESTION_2015, encoding="utf-8")
    rows = process_document(path, "d")["judgments"]
    assert [(r["area"], r["grade"], r["area_label"][:40]) for r in rows] == [
        ("serious_organised_crime", "Requires improvement", "How effective is the force at tackling s")
    ]


TABBED_GRAPHIC = """HMICFRS

PEEL 2021/22
Police effectiveness, efficiency and legitimacy
An inspection of Dyfed-Powys Police

Our judgments
Our inspection assessed how good Dyfed-Powys Police is in ten areas of policing. We make graded
judgments in four of these ten as follows:

Outstanding\tGood\tAdequate\tRequires improvement\tInadequate
\tTreatment of the public Disrupting serious organised crime\tInvestigating crime\t\tResponding to the public

We judge forces on a five-tier scale.
"""


def test_a_graphic_a_reader_gave_as_tab_separated_lines_is_read_by_cell_not_by_position(tmp_path):
    # A text export whose graphic's cells are set apart by tabs (as one saved from a web page or a Word
    # table prints it): the text reader's table, a cell per tab, whatever the cells' widths.
    path = tmp_path / "dyfed_powys_peel_2021-22.txt"
    path.write_text(TABBED_GRAPHIC, encoding="utf-8")
    got = [(r["area"], r["grade"]) for r in process_document(path, "d")["judgments"]]
    assert got == [
        ("treatment_of_public", "Good"),
        ("serious_organised_crime", "Good"),
        ("investigating_crime", "Adequate"),
        ("responding_to_public", "Inadequate"),
    ]


def test_names_each_followed_by_a_grade_are_no_graphic():
    # A judgments list (a previous year's, say) whose grades happen to rise down the list: each grade is the
    # name's before it, never the names' after it.
    from lib.extract.grade_headings import graphic_run
    from lib.model import Block
    from lib.structure import Node

    lines = [
        "Responding to the public", "Good", "Investigating crime", "Adequate",
        "Protecting vulnerable people", "Requires improvement", "Managing offenders", "Inadequate",
    ]  # fmt: skip
    nodes = [Node(i, Block("paragraph", text, 1), []) for i, text in enumerate(lines)]
    assert graphic_run(nodes) == ([], set())


EFFICIENCY_SCALE_PRINTED = """# PEEL: Police efficiency 2016

An inspection of Bedfordshire Police. HMIC

## Overall judgement

Outstanding

Good

Requires improvement

Inadequate

Bedfordshire Police has been judged to require improvement in the efficiency with which it keeps people
safe and reduces crime.

## How well does the force use its resources to meet its demand?

### Summary of findings

Good

### Areas for improvement

- The force should understand its demand better.
"""


def test_an_overall_graphic_that_prints_every_grade_word_leaves_the_grade_to_the_sentence(tmp_path):
    path = tmp_path / "bedfordshire_peel_efficiency_2016.md"
    path.write_text(EFFICIENCY_SCALE_PRINTED, encoding="utf-8")
    got = {(r["area"], r.get("pillar"), r["grade"]) for r in process_document(path, "d")["judgments"]}
    assert got == {("overall", "efficiency", "Requires improvement"), ("meeting_demand", "efficiency", "Good")}


def test_graphic_columns_read_one_by_one_whose_first_heads_run_together():
    # The columns of a graphic read panel by panel, the empty first column's head run into the next's.
    from lib.extract.grade_headings import graphic_run
    from lib.model import Block
    from lib.structure import Node

    lines = [
        "Outstanding Good", "Preventing crime", "Disrupting serious organised crime",
        "Adequate", "Treatment of the public", "Developing a positive workplace",
        "Requires improvement", "Investigating crime", "Good use of resources",
        "Inadequate", "Responding to the public",
    ]  # fmt: skip
    nodes = [Node(i, Block("paragraph", text, 3), []) for i, text in enumerate(lines)]
    rows, _ = graphic_run(nodes)
    assert [(r.area, r.grade) for r in rows] == [
        ("preventing_crime", "Good"),
        ("serious_organised_crime", "Good"),
        ("treatment_of_public", "Adequate"),
        ("workforce", "Adequate"),
        ("investigating_crime", "Requires improvement"),
        ("strategic_planning", "Requires improvement"),
    ]
