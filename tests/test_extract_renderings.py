"""The later families as other tools print them, built here: text exports of the "Force in numbers" grid and of
the 2018/19 summary table, printed titles, re-wrapped and capitalised text, grade graphics as Markdown and as
lines, tab-separated judgments, Word headings, web pages and press releases stating grades in sentences."""

from __future__ import annotations

import pytest

from lib.pipeline import process_document


def run(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return process_document(path, "d")


HEAD_2016 = "HMIC\nPEEL: Police legitimacy 2016\nAn inspection of {force}\n\nOverall judgment\nGood\n\n"
TAIL_2016 = "\nAreas for improvement\n• The constabulary should improve how it vets its staff.\n"

GRID_LAYOUT = """Force in numbers

   Public complaints against officers and staff per    Norfolk Constabulary   England and Wales
   1,000 workforce                                     198                    229
                                                       Norfolk Constabulary   England and Wales
   Stop and search rate per 1,000 population
                                                       5.6                    7.4

For further information about the data in this graphic, please see Annex A.
"""

GRID_PLAIN = """Force in numbers
Public complaints against officers and staff per
1,000 workforce

Stop and search rate per 1,000 population

Norfolk Constabulary

England and Wales

Norfolk Constabulary

England and Wales

198
5.6

229
7.4

For further information about the data in this graphic, please see Annex A.
"""


WRAPPED = ("please see Annex A.", "please see\nAnnex A.")  # the note after the grid re-wrapped at 70 columns


@pytest.mark.parametrize(
    "grid",
    [
        GRID_LAYOUT,
        GRID_PLAIN,
        GRID_LAYOUT.replace(*WRAPPED),
        GRID_PLAIN.replace(*WRAPPED),
        GRID_PLAIN.replace("\n\n", "\n").replace("per 1,000 population", "per 1,000\npopulation"),
    ],
    ids=["layout", "plain", "layout-wrapped", "plain-wrapped", "plain-no-blank-lines"],
)
def test_force_in_numbers_grid_as_text_exports_print_it(tmp_path, grid):
    result = run(tmp_path, "norfolk.txt", HEAD_2016.format(force="Norfolk Constabulary") + grid + TAIL_2016)
    pairs = {(r["value"], r["england_wales"]) for r in result["indicators"]}
    assert {(198.0, 229.0), (5.6, 7.4)} <= pairs
    assert (198.0, 5.6) not in pairs and (229.0, 7.4) not in pairs


SUMMARY_CELLS = """PEEL: Police effectiveness, efficiency and legitimacy 2018/19
An inspection of Northumbria Police
HMICFRS

Overall summary
Pillar / question

Grade

Effectiveness

Requires improvement

Investigating crime

Requires improvement

Tackling serious and organised crime

Good

Efficiency

{years}

Good

Planning for the future

Good

Legitimacy

Last inspected

Good

Fair treatment of the workforce

Outstanding

This is the summary of what we found in Northumbria Police.

How effective is the force at investigating crime and reducing re-offending?
Requires improvement

The force must improve how it supervises investigations.

How effective is the force at tackling serious and organised crime?
Good
last inspected 2016

We did not inspect this question in 2018/19. The grade from our 2016 inspection has been carried over.

To what extent does the force treat its workforce with fairness and respect?
Outstanding
last inspected 2017

We did not inspect this question in 2018/19.
"""


def test_2018_19_last_inspected_when_a_plain_export_scatters_the_summary_column(tmp_path):
    # A plain export prints each cell on its own line and the "Last inspected" column's years out of row order:
    # the question's own section ("Good" / "last inspected 2016") says which grade was carried over.
    result = run(tmp_path, "northumbria.txt", SUMMARY_CELLS.format(years="2016\n\n2017"))
    rows = {r["area"]: (r["grade"], r["last_inspected"]) for r in result["judgments"] if r["area"] != "overall"}
    assert rows["serious_organised_crime"] == ("Good", "2016")
    assert rows["treating_workforce_fairly"] == ("Outstanding", "2017")
    assert rows["investigating_crime"] == ("Requires improvement", None)
    assert rows["planning_for_future"] == ("Good", None)


COC_WRAPPED = """HMICFRS
PEEL 2021/22
An inspection of Merseyside Police

Responding to the public
Inadequate

Cause of concern
The force isn't answering emergency calls quickly enough. This means
that it can't identify risk.

Recommendations
Within three months, the force should:
• improve its call handling so that emergency calls are
answered within ten seconds,
in line with national standards;
• make sure that call handlers use a structured triage process to
assess risk and identify vulnerabi-
lity; and
• make sure it has enough call handlers to meet demand at peak
times.

Areas for improvement
• The force should improve how it records the use of force.
"""


def test_recommendations_re_wrapped_at_70_columns_stay_whole(tmp_path):
    result = run(tmp_path, "merseyside.txt", COC_WRAPPED)
    recs = [f["text"] for f in result["findings"] if f["kind"] == "recommendation"]
    assert len(recs) == 3, recs
    assert recs[0].endswith("in line with national standards;")
    assert recs[1].endswith("identify vulnerability; and") and recs[2].endswith("peak times.")


def grades(result):
    return {(r["area"], r["grade"]) for r in result["judgments"]}


HEAD21 = (
    "HMICFRS\n\nPEEL 2021/22\nPolice effectiveness, efficiency and legitimacy\n"
    "An inspection of Suffolk Constabulary\n\n"
)
INTRO = (
    "Our inspection assessed how good Suffolk Constabulary is in ten areas of policing. We make graded "
    "judgments in six of these ten as follows:\n\n"
)
SIX = {
    ("preventing_crime", "Good"),
    ("treatment_of_public", "Adequate"),
    ("investigating_crime", "Requires improvement"),
    ("responding_to_public", "Inadequate"),
    ("protecting_vulnerable", "Good"),
    ("workforce", "Adequate"),
}

MD = (
    INTRO
    + """| Outstanding | Good | Adequate | Requires improvement | Inadequate |
|---|---|---|---|---|
| | Preventing crime | Treatment of the public | Investigating crime | Responding to the public |
| | Protecting vulnerable people | Developing a positive workplace | | |

We set out our detailed findings in the rest of this report.
"""
)

LINES = (
    INTRO
    + """Good: Preventing crime and anti-social behaviour
Adequate: Treatment of the public
Requires improvement: Investigating crime
Inadequate: Responding to the public
Good: Protecting vulnerable people
Adequate: Developing a positive workplace

We set out our detailed findings in the rest of this report.
"""
)


def test_2021_22_grade_graphic_as_a_markdown_table(tmp_path):
    r = run(tmp_path, "suffolk.md", HEAD21.replace("PEEL 2021/22\n", "# PEEL 2021/22\n") + MD)
    assert grades(r) == SIX


def test_2021_22_grade_graphic_as_grade_first_lines(tmp_path):
    r = run(tmp_path, "suffolk.txt", HEAD21 + LINES)
    assert grades(r) == SIX


TSV = """HMICFRS

PEEL 2023–25
Police effectiveness, efficiency and legitimacy
An inspection of Norfolk Constabulary

Our judgments
We make graded judgments in five areas.

Area of policing\tGrade
Police powers and public treatment\tGood
Preventing crime\tAdequate
Responding to the public\tRequires improvement
Investigating crime\tInadequate
Leadership and force management\tOutstanding

Cause of concern
The force doesn't investigate crime well enough.

Recommendation 1: Within six months, the force should make sure investigations are supervised.
Recommendation 2: Within six months, the force should reduce the backlog of digital devices.

Area for improvement 1: The force should improve how it records stop and search.
"""


def test_2023_25_judgments_tab_separated_with_numbered_recommendations_under_a_cause_of_concern(tmp_path):
    r = run(tmp_path, "norfolk.txt", TSV)
    assert grades(r) == {
        ("treatment_of_public", "Good"),
        ("preventing_crime", "Adequate"),
        ("responding_to_public", "Requires improvement"),
        ("investigating_crime", "Inadequate"),
        ("leadership", "Outstanding"),
    }
    kinds = [f["kind"] for f in r["findings"]]
    assert kinds.count("recommendation") == 2 and kinds.count("cause_of_concern") == 1
    assert kinds.count("area_for_improvement") == 1


WEB = """Essex Police - PEEL 2016/17

The extent to which the force is effective at keeping people safe and reducing crime is good.

Effectiveness

Essex Police is good at preventing crime and tackling anti-social behaviour.

Essex Police requires improvement in how it investigates crime and reduces re-offending.

The extent to which the force operates efficiently and sustainably is: good.

Legitimacy

Not yet graded.

Last year the force was judged to be inadequate at protecting vulnerable people.

HMICFRS grades forces as outstanding, good, requires improvement or inadequate.
"""


def test_a_2016_17_web_page_with_grades_only_in_sentences_and_what_is_not_a_grade(tmp_path):
    r = run(tmp_path, "essex.txt", WEB)
    assert r["document"]["doc_type"] == "peel_report"
    g = {(x["area"], x["pillar"], x["grade"]) for x in r["judgments"]}
    assert g == {
        ("overall", "effectiveness", "Good"),
        ("preventing_crime", "effectiveness", "Good"),
        ("investigating_crime", "effectiveness", "Requires improvement"),
        ("overall", "efficiency", "Good"),
    }, g


def test_area_for_improvement_n_headings_in_a_word_file(tmp_path):
    from docx import Document as Docx

    d = Docx()
    d.add_heading("PEEL 2023–25 Police effectiveness, efficiency and legitimacy", 0)
    d.add_paragraph("An inspection of Durham Constabulary")
    d.add_heading("Our judgments", 1)
    t = d.add_table(rows=3, cols=2)
    for i, (a, b) in enumerate(
        [("Area of policing", "Grade"), ("Investigating crime", "Good"), ("Preventing crime", "Outstanding")]
    ):
        t.cell(i, 0).text, t.cell(i, 1).text = a, b
    d.add_heading("Investigating crime", 1)
    d.add_heading("Area for improvement 1", 2)
    d.add_paragraph("The force should make sure that victims are updated.")
    d.add_heading("Area for improvement 2", 2)
    d.add_paragraph("The force should improve its supervision of investigations.")
    d.add_heading("Promising practice", 2)
    d.add_paragraph("The force should be proud of its new hub.")
    p = tmp_path / "durham.docx"
    d.save(str(p))
    r = process_document(p, "d")
    assert grades(r) == {("investigating_crime", "Good"), ("preventing_crime", "Outstanding")}
    afis = [(f["area"], f["text"]) for f in r["findings"] if f["kind"] == "area_for_improvement"]
    assert afis == [
        ("investigating_crime", "The force should make sure that victims are updated."),
        ("investigating_crime", "The force should improve its supervision of investigations."),
    ], afis


NOT_GRADE_FIRST = (
    HEAD21
    + INTRO.replace("six", "two")
    + """Good: the force has improved how it answers calls
Inadequate – its records are not complete

Contents
Good use of resources 14
Investigating crime 18
"""
)


def test_grade_first_lines_that_are_prose_or_a_contents_page_are_not_grades(tmp_path):
    r = run(tmp_path, "suffolk.txt", NOT_GRADE_FIRST)
    assert grades(r) == set()


PRESS_QUOTES = """HMICFRS press release
PEEL: Police effectiveness 2016 – Thames Valley Police

Thames Valley Police has been graded as “requires improvement” at keeping people safe and reducing crime.
HMICFRS found the force to be ‘inadequate’ at protecting vulnerable people. Last year the force was graded
'good' at investigating crime. Forces are graded 'outstanding', 'good', 'requires improvement' or 'inadequate'.
The judgment on tackling serious and organised crime from 2015 has been carried over.
"""


def test_a_press_release_with_grades_in_curly_and_double_quotes(tmp_path):
    result = run(tmp_path, "release.txt", PRESS_QUOTES)
    assert result["document"]["doc_type"] == "peel_report"
    assert {(r["area"], r["grade"]) for r in result["judgments"]} == {
        ("overall", "Requires improvement"),
        ("protecting_vulnerable", "Inadequate"),
    }


GRAPHIC_BY_COLUMN = """HMICFRS

PEEL 2021/22
Police effectiveness, efficiency and legitimacy
An inspection of Wiltshire Police

Our judgments
Our inspection assessed how good Wiltshire Police is in ten areas of policing. We make
graded judgments in seven of these ten as follows:
Outstanding

Good
Investigating crime

Disrupting serious
organised crime

Adequate
Treatment of the
public

Requires
improvement
Responding to the public

Inadequate
Protecting vulnerable
people

Good use of
resources

Managing offenders
and suspects

We set out our detailed findings in the rest of this report.

Managing offenders and suspects
Good

The force manages offenders well.

Good use of resources
Adequate

The force plans its budget well.

Protecting vulnerable people
Inadequate

The force does not always identify risk.
"""


def test_grade_graphic_read_column_by_column_into_blocks_invents_no_grade(tmp_path):
    # A plain text export of the graphic re-set as a PDF: grade words and area names each a block of their own.
    from fixtures import render_pdf

    source = tmp_path / "wiltshire.txt"
    source.write_text(GRAPHIC_BY_COLUMN, encoding="utf-8")
    result = process_document(render_pdf(source, tmp_path / "wiltshire.pdf", styled=True), "d")
    assert grades(result) == {
        ("investigating_crime", "Good"),
        ("serious_organised_crime", "Good"),
        ("treatment_of_public", "Adequate"),
        ("responding_to_public", "Requires improvement"),
        # after the last grade word: a later row of some column; their own sections grade them
        ("protecting_vulnerable", "Inadequate"),
        ("managing_offenders", "Good"),
        ("strategic_planning", "Adequate"),
    }
