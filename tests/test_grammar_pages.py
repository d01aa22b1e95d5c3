"""How the inspectorate's web pages and press releases state grades (issue 16): one test per form, in wordings
of other forces, and the prose around them that states none. Whole pages are built here and read by the
pipeline, so the readers' paragraphs, bullets and headings are the ones a saved page gives."""

from __future__ import annotations

import pytest

from lib.extract.grammar import item_sentence, lead_subject, sentence_grades, two_areas
from lib.pipeline import process_document


def grades(sentence, force="Kent Police"):
    return [(g["rule"], g["area"], g["pillar"], g["grade"]) for g in sentence_grades(sentence, force)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (  # a pillar sentence without "is" before "requires improvement"
            "The extent to which the constabulary is legitimate at keeping people safe and reducing crime requires "
            "improvement.",
            [("extent_is", "overall", "legitimacy", "Requires improvement")],
        ),
        (
            "The extent to which Dorset Police is efficient at keeping people safe and reducing crime ‘requires "
            "improvement’.",
            [("extent_is", "overall", "efficiency", "Requires improvement")],
        ),
        (  # 2014: the pillar named before its force
            "the efficiency with which the constabulary carries out its responsibilities is outstanding; and",
            [("with_which_is", "overall", "efficiency", "Outstanding")],
        ),
        (  # several grades in one sentence, the second with its own "is"
            "in general, the force is good at reducing crime and preventing offending, and is inadequate at "
            "investigating offending.",
            [
                ("is_grade_at", "preventing_crime", None, "Good"),
                ("is_grade_at", "investigating_crime", None, "Inadequate"),
            ],
        ),
        (  # the second grade with its own subject
            "The constabulary is outstanding at preventing crime, and it is inadequate at investigating crime.",
            [
                ("is_grade_at", "preventing_crime", None, "Outstanding"),
                ("is_grade_at", "investigating_crime", None, "Inadequate"),
            ],
        ),
        (  # one grade for two areas
            "Surrey Police is good at investigating crime and protecting vulnerable people.",
            [
                ("is_grade_at", "investigating_crime", None, "Good"),
                ("is_grade_at", "protecting_vulnerable", None, "Good"),
            ],
        ),
        (  # a clause that opens with "it" after a conjunction
            "The force must improve how it prevents crime, but it is outstanding at tackling serious and organised "
            "crime.",
            [("is_grade_at", "serious_organised_crime", None, "Outstanding")],
        ),
        (
            "However, it requires improvement in the way it tackles anti-social behaviour.",
            [("requires_improvement_in", "anti_social_behaviour", None, "Requires improvement")],
        ),
        (  # grades in clauses parted by semicolons, each its own area
            "The constabulary understands demand well; its use of resources to meet demand is judged to be "
            "outstanding; and its planning for future demand is also assessed as good.",
            [
                ("its_area_judged", "meeting_demand", None, "Outstanding"),
                ("its_area_judged", "planning_for_future", None, "Good"),
            ],
        ),
        (  # a press release's headline, printed twice and run together
            "Dorset Police's efficiency at keeping people safe and reducing crime is inadequate Dorset Police’s "
            "efficiency at keeping people",
            [("grade_for_pillar", "overall", "efficiency", "Inadequate")],
        ),
        (  # a condition after the grade is about more work, not about the grade
            "Lancashire Constabulary is good at investigating crime, but could do more to supervise its investigators.",
            [("is_grade_at", "investigating_crime", None, "Good")],
        ),
    ],
)
def test_how_a_page_states_a_grade(sentence, expected):
    assert grades(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Since 2016, when we judged the force to be good at preventing crime, it has lost officers.",
        "The extent to which the force is effective at keeping people safe and reducing crime: not yet graded.",
        "The force is very good at engaging with young people.",
        "If the constabulary were good at investigating crime, fewer cases would fail.",
        "Grades are outstanding, good, requires improvement and inadequate.",
    ],
)
def test_prose_on_a_page_that_grades_nothing(sentence):
    assert grades(sentence) == []


def test_two_names_that_are_one_question_stay_one():
    assert two_areas("investigating crime and managing offenders") == ["investigating crime and managing offenders"]
    assert two_areas("preventing crime and tackling anti-social behaviour") == [
        "preventing crime and tackling anti-social behaviour"
    ]
    assert two_areas("preventing crime, tackling anti-social behaviour and keeping people safe") == [
        "preventing crime, tackling anti-social behaviour and keeping people safe"
    ]


def test_a_bullet_takes_its_subject_from_the_line_that_introduces_it():
    subject = lead_subject("HMIC judged that Hampshire Constabulary:")
    assert subject == "Hampshire Constabulary"
    assert item_sentence(subject, "• is ‘outstanding’ at preventing crime;") == (
        "Hampshire Constabulary is ‘outstanding’ at preventing crime;"
    )
    assert item_sentence(subject, "• works well with partners;") is None
    assert lead_subject("Last year we judged that Hampshire Constabulary:") is None


PAGE = """Skip to content

Northumbria PEEL 2018

This is HMICFRS's fifth PEEL (police effectiveness, efficiency and legitimacy) assessment of Northumbria Police.

Effectiveness

How effectively does the force reduce crime and keep people safe?

Last updated 14/05/2019
Requires improvement

Northumbria Police needs to improve how it prevents crime, but it is good at protecting vulnerable people.

The force is adequate at responding to the public and has adequate arrangements for its estate.

How effective is the force at investigating crime and reducing re-offending?

This question was not subject to detailed inspection in 2018/19, and our judgment from the 2017 effectiveness
inspection has been carried over.
"""

RELEASE = """PEEL: police legitimacy 2016 - force press releases

Published on: 8 December 2016

Durham Constabulary's legitimacy at keeping people safe and reducing crime is outstanding

HMIC judged that Durham Constabulary:

  • is ‘outstanding’ at treating all of the people it serves with fairness and respect;
  • is ‘good’ at how it ensures its workforce behaves ethically and lawfully; and
  • ‘requires improvement’ in how it treats its workforce with fairness and respect.

Notes to editors
"""


def _grades(result):
    return sorted((r["area"], r.get("pillar") or "", r["grade"]) for r in result["judgments"])


def test_a_bare_grade_under_the_question_and_its_date(tmp_path):
    path = tmp_path / "northumbria-peel-2018-19-effectiveness.txt"
    path.write_text(PAGE, encoding="utf-8")
    got = _grades(process_document(path, "d"))
    assert ("overall", "effectiveness", "Requires improvement") in got
    assert ("protecting_vulnerable", "effectiveness", "Good") in got
    assert not any(g == "Adequate" for *_, g in got)  # a four-point year: "adequate arrangements" is no grade
    assert len(got) == 2  # the question carried over states no grade


def test_a_press_release_names_the_areas_after_its_headline(tmp_path):
    path = tmp_path / "peel-legitimacy-2016-press-release-durham.txt"
    path.write_text(RELEASE, encoding="utf-8")
    got = {(r["area"], r["grade"]) for r in process_document(path, "d")["judgments"]}
    assert got == {
        ("overall", "Outstanding"),
        ("treatment_of_public", "Outstanding"),
        ("ethical_behaviour", "Good"),
        ("treating_workforce_fairly", "Requires improvement"),
    }


def test_a_count_of_areas_then_their_names():
    assert grades(
        "Kent Police was graded as ‘adequate’ in three areas: treatment of the public, investigating crime and "
        "building, supporting and protecting the workforce."
    ) == [
        ("listed", "treatment_of_public", None, "Adequate"),
        ("listed", "investigating_crime", None, "Adequate"),
        ("listed", "workforce", None, "Adequate"),
    ]
    assert grades(
        "The force has been rated inadequate in two areas of policing – responding to the public and "
        "protecting vulnerable people."
    ) == [  # fmt: skip
        ("listed", "responding_to_public", None, "Inadequate"),
        ("listed", "protecting_vulnerable", None, "Inadequate"),
    ]


def test_counts_that_name_no_area_or_an_old_year_grade_nothing():
    assert grades("The force was graded inadequate in three areas, requires improvement in two and good in two.") == []
    assert (
        grades("In 2019 the force was graded good in two areas: investigating crime and responding to the public.")
        == []
    )


COUNTS_RELEASE = """Staffordshire Police graded in new inspection

Published on: 12 May 2022

HMICFRS has published its PEEL inspection of Staffordshire Police. Our inspection assessed how good the force is
in ten areas of policing.

Staffordshire Police was graded as good in two areas:

  • investigating crime; and
  • protecting vulnerable people.

It was graded as requires improvement in one area: responding to the public.
"""


def test_a_press_release_gives_counts_and_then_names_the_areas(tmp_path):
    path = tmp_path / "staffordshire-peel-2021-22-press-release.txt"
    path.write_text(COUNTS_RELEASE, encoding="utf-8")
    got = {(r["area"], r["grade"]) for r in process_document(path, "d")["judgments"]}
    assert got == {
        ("investigating_crime", "Good"),
        ("protecting_vulnerable", "Good"),
        ("responding_to_public", "Requires improvement"),
    }


def test_an_integrated_reports_overall_grade_is_a_pillars_never_the_integrated_one():
    from lib.extract.judgments import _row_pillar
    from lib.extract.rule_rows import Grade

    integrated = {"pillar": "integrated", "year": 2018}
    label = "Kent Police is good at keeping people safe and reducing crime"
    row = Grade("overall", label, "Good", 1, "", None, "sentence")
    assert _row_pillar(row, integrated) == "effectiveness"
    assert _row_pillar(Grade("overall", "Overall", "Good", 1, ""), integrated) is None
    assert _row_pillar(row, {"pillar": "legitimacy", "year": 2016}) == "legitimacy"


def test_judged_to_require_improvement():
    assert grades(
        "West Mercia Police has been judged to require improvement in the legitimacy with which it keeps people "
        "safe and reduces crime."
    ) == [("assessed_as", "overall", "legitimacy", "Requires improvement")]
    assert grades(
        "The constabulary understands demand; its planning for the future is judged to require improvement."
    ) == [("its_area_judged", "planning_for_future", None, "Requires improvement")]
