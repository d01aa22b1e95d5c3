"""Grades in tables, the 2021/22 grade graphic (HTML table, text export, PDF boxes) and headings."""

from __future__ import annotations

from lib.extract.grade_headings import heading_grades, panel_grades
from lib.extract.grade_tables import grade_boxes, grade_column_table, table_grades
from lib.model import Block
from lib.pipeline import process_document
from lib.structure import outline


def rows_of(found):
    return [(r.area, r.pillar, r.grade, r.last_inspected) for r in found]


def test_a_judgments_table_skips_its_header_and_keeps_the_year_last_inspected():
    rows = [
        ["Area of policing", "Grade", "Last inspected"],
        ["Investigating crime", "Good", "2016"],
        ["Protecting vulnerable people", "Requires improvement", ""],
        ["Specialist capabilities", "Ungraded", ""],
    ]
    assert rows_of(table_grades(rows, 3)) == [
        ("investigating_crime", None, "Good", "2016"),
        ("protecting_vulnerable", None, "Requires improvement", None),
        ("specialist_capabilities", None, "Ungraded", None),
    ]


def test_good_with_an_asterisk_is_a_grade_carried_over_from_the_footnote_year():
    rows = [["Question", "Grade"], ["Tackling serious and organised crime", "Good*"]]
    found = table_grades(rows, 2, footnotes="* Grade carried over from our 2017 inspection.")
    assert rows_of(found) == [("serious_organised_crime", None, "Good", "2017")]
    assert found[0].evidence == "Tackling serious and organised crime | Good*"


def test_the_2018_19_summary_gives_pillar_rows_and_their_questions():
    rows = [
        ["Pillar / question", "Grade", "Last inspected"],
        ["Effectiveness", "Good", ""],
        ["Investigating crime", "Good", "2017"],
        ["Armed response capability", "Ungraded", ""],
        ["Efficiency", "Outstanding", ""],
        ["Planning for the future", "Outstanding", ""],
        ["Legitimacy", "Requires improvement", ""],
        ["Fair treatment of the workforce", "Good", "2017"],
    ]
    assert rows_of(table_grades(rows, 1)) == [
        ("overall", "effectiveness", "Good", None),
        ("investigating_crime", "effectiveness", "Good", "2017"),
        ("armed_policing", "effectiveness", "Ungraded", None),
        ("overall", "efficiency", "Outstanding", None),
        ("planning_for_future", "efficiency", "Outstanding", None),
        ("overall", "legitimacy", "Requires improvement", None),
        ("treating_workforce_fairly", "legitimacy", "Good", "2017"),
    ]


def test_a_merged_group_row_is_no_grade():
    assert table_grades([["Good", "Good", "Good"], ["Crime data integrity", "Inadequate"]], 1)[0].grade == "Inadequate"
    assert len(table_grades([["Good", "Good", "Good"]], 1)) == 0


def test_the_grade_graphic_as_an_html_table_whose_headers_are_the_grades():
    rows = [
        ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"],
        ["", "Preventing crime", "Treatment of the public", "Investigating crime", "Responding to the public"],
        ["", "Disrupting serious organised crime", "Developing a positive workplace", "Good use of resources", ""],
    ]
    got = {(r.area, r.grade) for r in grade_column_table(rows, 1)}
    assert got == {
        ("preventing_crime", "Good"),
        ("serious_organised_crime", "Good"),
        ("treatment_of_public", "Adequate"),
        ("workforce", "Adequate"),
        ("investigating_crime", "Requires improvement"),
        ("strategic_planning", "Requires improvement"),
        ("responding_to_public", "Inadequate"),
    }
    assert grade_column_table([["Area", "Grade"], ["Preventing crime", "Good"]], 1) == []


GRAPHIC_IN_COLUMNS = """HMICFRS

PEEL 2021/22
Police effectiveness, efficiency and legitimacy
An inspection of Gwent Police

Our judgments
Our inspection assessed how good Gwent Police is in ten areas of policing. We make graded judgments
in seven of these ten as follows:

{graphic}

We set out our detailed findings in the rest of this report.
"""


def _graphic_grades(tmp_path, graphic: str) -> set[tuple[str, str]]:
    """The grades of a text export (``pdftotext -layout``) of a report whose graphic is ``graphic``."""
    path = tmp_path / "gwent_peel_2021-22.txt"
    path.write_text(GRAPHIC_IN_COLUMNS.format(graphic=graphic), encoding="utf-8")
    return {(r["area"], r["grade"]) for r in process_document(path, "d")["judgments"]}


def test_the_grade_graphic_as_a_text_export_with_names_in_columns(tmp_path):
    graphic = """\
Outstanding    Good               Adequate             Requires           Inadequate
                                                      improvement
               Preventing crime   Treatment of the     Investigating      Responding to the
                                  public               crime              public
               Disrupting serious Managing offenders   Good use of
               organised crime    and suspects         resources"""
    assert _graphic_grades(tmp_path, graphic) == {
        ("preventing_crime", "Good"),
        ("serious_organised_crime", "Good"),
        ("treatment_of_public", "Adequate"),
        ("managing_offenders", "Adequate"),
        ("investigating_crime", "Requires improvement"),
        ("strategic_planning", "Requires improvement"),
        ("responding_to_public", "Inadequate"),
    }


def test_grade_words_run_together_on_a_line_are_no_graphic(tmp_path):
    assert _graphic_grades(tmp_path, "Outstanding GoodAdequate\nPreventing crime") == set()


def test_the_grade_graphic_as_pdf_boxes_under_their_grade():
    def box(text, x0, top, x1, bottom):
        return Block("paragraph", text, 3, bbox=(x0, top, x1, bottom))

    blocks = [
        box("Outstanding", 40, 100, 130, 112),
        box("Good", 140, 100, 230, 112),
        box("Adequate", 240, 100, 330, 112),
        box("Requires improvement", 340, 100, 430, 112),
        box("Inadequate", 440, 100, 530, 112),
        box("Preventing crime", 145, 120, 225, 140),
        box("Treatment of the public", 245, 120, 325, 140),
        box("Responding to the public", 445, 120, 525, 140),
        box("Good use of resources", 345, 150, 425, 170),
        box("A paragraph across the page that closes the graphic and names investigating crime.", 40, 200, 530, 230),
    ]
    assert {(r.area, r.grade) for r in grade_boxes(blocks)} == {
        ("preventing_crime", "Good"),
        ("treatment_of_public", "Adequate"),
        ("responding_to_public", "Inadequate"),
        ("strategic_planning", "Requires improvement"),
    }


def H(text, level=2, box=""):
    return Block("heading", text, 1, level=level, box=box)


def P(text, box=""):
    return Block("paragraph", text, 1, box=box)


def test_a_heading_followed_by_its_grade_and_the_year_last_inspected():
    nodes = outline([H("Investigating crime"), P("Good"), P("last inspected 2017"), P("Text.")])
    rows, checks = heading_grades(nodes, "integrated")
    assert rows_of(rows) == [("investigating_crime", None, "Good", "2017")] and checks == []


def test_summary_of_findings_at_the_end_of_a_section_grades_the_sections_question():
    nodes = outline(
        [
            H("How legitimate is the force at keeping people safe and reducing crime?", 1),
            P("Overall judgment1 Good"),
            H("How well does the force ensure that its workforce behaves ethically and lawfully?", 2),
            H("How well does the force develop and maintain an ethical culture?", 3),
            P("Some prose."),
            H("Summary of findings", 3, box="box"),
            P("Requires improvement", box="box"),
            H("Areas for improvement", 3),
        ]
    )
    rows, checks = heading_grades(nodes, "legitimacy")
    assert [(r.area, r.grade, r.area_label[:24]) for r in rows] == [
        ("overall", "Good", "Overall judgment"),
        ("ethical_behaviour", "Requires improvement", "How well does the force "),
    ]
    assert rows[0].pillar == "legitimacy" and checks == []


def test_a_pillar_heading_and_its_grade_is_that_pillars_overall_row():
    rows, _ = heading_grades(outline([H("Efficiency", 1), P("Outstanding")]), "integrated")
    assert rows_of(rows) == [("overall", "efficiency", "Outstanding", None)]


def test_a_contents_page_repeats_questions_not_grades():
    nodes = outline([H("Contents"), P("Investigating crime 14"), P("Good use of resources: Good"), H("Introduction")])
    assert heading_grades(nodes, "integrated") == ([], [])


def test_a_grade_after_a_heading_that_names_no_area_fails_loudly():
    rows, checks = heading_grades(outline([H("Neighbourhood policing arrangements"), P("Good")]), "integrated")
    assert rows == [] and len(checks) == 1 and not checks[0]["passed"]
    assert "Neighbourhood policing arrangements" in checks[0]["detail"] and "page 1" in checks[0]["detail"]


def test_a_panel_of_questions_then_their_grades_in_order():
    nodes = outline(
        [
            H("How effective is the force at preventing crime and anti-social behaviour?"),
            H("How effective is the force at investigating crime and managing offenders?"),
            P("Good"),
            P("Requires improvement"),
        ]
    )
    rows, used = panel_grades(nodes)
    assert [(r.area, r.grade) for r in rows] == [
        ("preventing_crime", "Good"),
        ("investigating_crime", "Requires improvement"),
    ]
    assert used == {0, 1, 2, 3}
    assert heading_grades(nodes, "effectiveness")[0] == rows


def test_the_grade_graphic_in_a_pdf_whose_header_words_run_together():
    def box(text, bbox):
        return Block("paragraph", text, 3, bbox=bbox)

    blocks = [
        box("Outstanding GoodAdequate", None),  # a run the reader could not place
        box("Requires improvement Inadequate", (364, 161, 505, 179)),
        box("Preventing crime", (168, 197, 230, 205)),
        box("Treatment of the public", (260, 197, 321, 215)),
        box("Managing offenders and suspects", (260, 228, 334, 246)),
        box("Investigating crime", (353, 197, 422, 205)),
        box("Good use of", (352, 217, 398, 224)),
        box("resources", (352, 226, 389, 234)),
        box("Responding to the public", (445, 197, 513, 215)),
        box("We also inspected the service given to victims of crime.", (68, 331, 506, 354)),
    ]
    assert [(r.area, r.grade, r.area_label) for r in grade_boxes(blocks)] == [
        ("preventing_crime", "Good", "Preventing crime"),
        ("treatment_of_public", "Adequate", "Treatment of the public"),
        ("managing_offenders", "Adequate", "Managing offenders and suspects"),
        ("investigating_crime", "Requires improvement", "Investigating crime"),
        ("strategic_planning", "Requires improvement", "Good use of resources"),
        ("responding_to_public", "Inadequate", "Responding to the public"),
    ]


def test_the_tail_of_a_wrapped_heading_is_no_heading_of_its_own():
    nodes = outline([H("reducing vulnerability"), P("Good"), P("Kent Police is good at preventing crime.")])
    assert heading_grades(nodes, "integrated") == ([], [])


def test_area_names_listed_in_one_column_under_the_grade_words_are_no_graphic():
    def box(text, top):
        return Block("paragraph", text, 3, bbox=(57, top, 230, top + 10))

    blocks = [box("Outstanding GoodAdequate", 100), box("Preventing crime", 120), box("Investigating crime", 140)]
    assert grade_boxes(blocks) == []


def test_the_grade_graphic_laid_out_as_rows_of_a_grade_and_its_areas():
    rows = [
        ["Grade", "Areas"],
        ["Good", "Preventing crime\nDisrupting serious organised crime"],
        ["Requires improvement", "Investigating crime; Good use of resources"],
        ["Outstanding", ""],
    ]
    assert {(r.area, r.grade) for r in table_grades(rows, 1)} == {
        ("preventing_crime", "Good"),
        ("serious_organised_crime", "Good"),
        ("investigating_crime", "Requires improvement"),
        ("strategic_planning", "Requires improvement"),
    }


def test_a_starred_grade_takes_its_year_from_a_text_exports_footnote(tmp_path):
    """The footnote "* Grade carried over from ..." is read from its block: a text reader sets it as a list
    item whose asterisk went with the bullet."""
    from lib.pipeline import process_document

    path = tmp_path / "kent_peel_2018.txt"
    path.write_text(
        "PEEL: Police effectiveness, efficiency and legitimacy 2018/19\nAn inspection of Kent Police\n\nSummary\n\n"
        "Pillar / question\tGrade\nEffectiveness\tGood\n"
        "Preventing crime and tackling anti-social behaviour\tGood*\nInvestigating crime\tGood\n\n"
        "* Grade carried over from our 2017 effectiveness inspection.\n\nKent Police is good at preventing crime.\n",
        encoding="utf-8",
    )
    rows = {r["area"]: r["last_inspected"] for r in process_document(path, "d")["judgments"]}
    assert rows["preventing_crime"] == "2017" and rows["investigating_crime"] is None


def test_a_starred_grade_takes_the_year_of_the_marked_note_before_a_bullet_that_names_a_year(tmp_path):
    """A web page prints its note with its asterisk; a bullet that mentions an earlier inspection is no note
    where a marked one stands."""
    from lib.pipeline import process_document

    path = tmp_path / "essex_peel_2018.html"
    path.write_text(
        "<html><body><main><h1>PEEL: Police effectiveness, efficiency and legitimacy 2018/19</h1>"
        "<p>An inspection of Essex Police</p><p>HMICFRS: Her Majesty's Inspectorate of Constabulary and Fire & Rescue"
        " Services.</p><h2>Summary</h2><ul><li>Since our previous inspection in 2016 the"
        " force has changed its structure.</li></ul><table><tr><th>Pillar / question</th><th>Grade</th></tr>"
        "<tr><td>Effectiveness</td><td>Good</td></tr><tr><td>Investigating crime</td><td>Good*</td></tr>"
        "<tr><td>Protecting vulnerable people</td><td>Good</td></tr></table>"
        "<p>* Grade carried over from our 2017 effectiveness inspection.</p>"
        "<p>Essex Police is good at investigating crime.</p></main></body></html>",
        encoding="utf-8",
    )
    rows = {r["area"]: r["last_inspected"] for r in process_document(path, "d")["judgments"]}
    assert rows["investigating_crime"] == "2017" and rows["protecting_vulnerable"] is None
