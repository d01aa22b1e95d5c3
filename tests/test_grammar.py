"""The grammar of grades in words: one test per form, and the prose that names grades without giving one."""

from __future__ import annotations

import pytest

from lib.extract.grammar import grade_cell, label_grade, not_a_grade, pillar_heading, sentence_grades


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Good", ("Good", False, None)),
        ("  REQUIRES IMPROVEMENT ", ("Requires improvement", False, None)),
        ("Require improvement", ("Requires improvement", False, None)),
        ("Good*", ("Good", True, None)),
        ("Outstanding †", ("Outstanding", True, None)),
        ("Good (last inspected 2017)", ("Good", False, "2017")),
        ("Not graded", ("Ungraded", False, None)),
        ("Adequate", ("Adequate", False, None)),
        ("Good use of resources", None),
        ("Good progress has been made.", None),
    ],
)
def test_a_cell_or_line_that_is_a_grade(text, expected):
    assert grade_cell(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Investigating crime: Good", ("Investigating crime", "Good", False)),
        ("Good use of resources: Requires improvement", ("Good use of resources", "Requires improvement", False)),
        ("Overall judgment1 Good", ("Overall judgment", "Good", False)),
        ("Protecting vulnerable people – Inadequate", ("Protecting vulnerable people", "Inadequate", False)),
        ("Treatment of the public Good*", ("Treatment of the public", "Good", True)),
        ("The force is good.", None),
        ("Dyfed-Powys Police's approach to investigating crimes requires improvement.", None),
    ],
)
def test_a_heading_that_holds_its_grade(text, expected):
    assert label_grade(text) == expected


def test_a_pillar_alone_names_the_pillar():
    assert [pillar_heading(t) for t in ("Effectiveness", "EFFICIENCY", "Legitimacy overall", "Efficiency savings")] == [
        "effectiveness",
        "efficiency",
        "legitimacy",
        None,
    ]


def grades(sentence, force="Essex Police"):
    return [(g["rule"], g["area"], g["pillar"], g["grade"], g["force"]) for g in sentence_grades(sentence, force)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Essex Police is good at preventing crime, tackling anti-social behaviour and keeping people safe.",
            [("is_grade_at", "preventing_crime", None, "Good", "Essex Police")],
        ),
        (
            "The extent to which the force is effective at keeping people safe and reducing crime is inadequate.",
            [("extent_is", "overall", "effectiveness", "Inadequate", "Essex Police")],
        ),
        (
            "The extent to which Essex Police operates efficiently and sustainably is good.",
            [("extent_is", "overall", "efficiency", "Good", "Essex Police")],
        ),
        (
            "The extent to which the force treats the public and its workforce legitimately is: good.",
            [("extent_is", "overall", "legitimacy", "Good", "Essex Police")],
        ),
        (
            "Cheshire Constabulary has been assessed as good in respect of the legitimacy with which it keeps "
            "people safe and reduces crime.",
            [("assessed_as", "overall", "legitimacy", "Good", "Cheshire Constabulary")],
        ),
        (
            "Kent Police has been graded 'outstanding' at keeping people safe and reducing crime, HMIC said.",
            [("assessed_as", "overall", None, "Outstanding", "Kent Police")],
        ),
        (
            "Essex Police requires improvement in how it investigates crime and reduces re-offending.",
            [("requires_improvement_in", "investigating_crime", None, "Requires improvement", "Essex Police")],
        ),
        (
            "The constabulary is good at treating all of the people it serves with fairness and respect.",
            [("is_grade_at", "treatment_of_public", None, "Good", "Essex Police")],
        ),
        (
            "HMICFRS found the force to be ‘inadequate’ at protecting vulnerable people.",
            [("found_to_be", "protecting_vulnerable", None, "Inadequate", "Essex Police")],
        ),
        (
            "Its overall efficiency grade is: requires improvement.",
            [("grade_for_pillar", "overall", "efficiency", "Requires improvement", "Essex Police")],
        ),
    ],
)
def test_sentences_that_state_a_grade(sentence, expected):
    assert grades(sentence) == expected


def test_grades_listed_with_commas_each_read_with_their_own_area():
    sentence = (
        "Essex Police is good at keeping people safe and reducing crime, good at operating efficiently and good at "
        "treating the public and its workforce legitimately."
    )
    assert [g["area_label"] for g in sentence_grades(sentence, "Essex Police")] == [
        "keeping people safe and reducing crime",
        "operating efficiently",
        "treating the public and its workforce legitimately",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Essex Police's efficiency has not yet been graded.",
        "Our judgment on legitimacy is not yet graded.",
        "The judgment from 2016 has been carried over.",
        "This question was not inspected in 2017.",
        "Last year we judged the force to be good in respect of legitimacy.",
        "In 2015, we judged Essex Police to be good at preventing crime.",
        "In 2016, HMIC found Essex Police to be good at preventing crime.",
        "Essex Police was judged to be good at investigating crime in the previous inspection.",
        "HMIC judgments are outstanding, good, requires improvement or inadequate.",
        "We now use a five-tier scale: outstanding, good, adequate, requires improvement and inadequate.",
        "If the force were good at preventing crime, demand would fall.",
        "The force is good at engaging with its communities, and it has a clear plan.",
    ],
)
def test_prose_that_names_grades_without_giving_one(sentence):
    assert grades(sentence) == []


def test_the_scale_and_last_year_are_recognised_as_not_grades():
    assert not_a_grade("outstanding, good, requires improvement and inadequate")
    assert not_a_grade("Last year the force was good.")
    assert not not_a_grade("Essex Police is good at preventing crime.")


def test_a_sentence_about_another_named_force_gives_that_forces_grade():
    assert grades("Kent Police is inadequate at responding to the public.", force="Essex Police") == [
        ("is_grade_at", "responding_to_public", None, "Inadequate", "Kent Police")
    ]


def test_new_hampshire_is_no_force_in_a_grade_sentence():
    assert grades("New Hampshire is good at preventing crime.", force=None) == []
    assert grades("New South Wales is good at preventing crime.", force=None) == []


def test_grade_word_bounds_count_every_grade_word_in_any_case():
    from lib.extract.grammar import GRADE_WORD, grade_word_bounds

    texts = [
        "Kent Police is GOOD at preventing crime and Requires Improvement in investigating crime.",
        "No grade here at all.",
        "The force’s legitimacy is inadequate • outstanding",
        "It was ınadequate and outſtanding and İnadequate.",  # letters a case-blind pattern takes for i and s
        "",
    ]
    for some in (texts, texts[:3]):  # with and without the letters a case-blind pattern takes for i and s
        bounds = grade_word_bounds(some)
        assert all(n >= len(GRADE_WORD.findall(t)) for n, t in zip(bounds, some, strict=True))
        assert bounds[1] == 0
    assert len(GRADE_WORD.findall(texts[3])) == 3
