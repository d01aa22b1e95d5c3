"""Citations as a reader quotes them: no converter's marks, no footnote numbers, no line-break hyphens; a
compound keeps its hyphen."""

from __future__ import annotations

import pytest

from lib.extract.citations import Printed, clean_citation, clean_citations, rejoin


@pytest.mark.parametrize(
    "printed, quoted",
    [
        (
            "PEEL 2021/22: An inspection of Cleveland Police {#main-content}",
            "PEEL 2021/22: An inspection of Cleveland Police",
        ),
        ("Heading {.section #areas}", "Heading"),
        (
            "compared with 80.1 in England and Wales.[^4] The force",
            "compared with 80.1 in England and Wales. The force",
        ),
        ("Overall judgment2: Good", "Overall judgment: Good"),
        ("compared with 5.2 across England and Wales3.", "compared with 5.2 across England and Wales."),
        ("Stop and search rate (per 1,000 population; )", "Stop and search rate (per 1,000 population)"),
        ("Rate ( ; )", "Rate"),
        ("recorded 80.4 crimes per 1,000 population in 2019", "recorded 80.4 crimes per 1,000 population in 2019"),
    ],
)
def test_converter_marks_and_footnote_numbers_are_taken_out(printed, quoted):
    assert clean_citation(printed) == quoted


def test_a_hyphen_inside_a_word_the_document_prints_whole_is_taken_out():
    words = Printed(["The force completes its reviews.", "The investigation was thorough."])
    assert rejoin("a comp-lete picture of each investi-gation", words) == "a complete picture of each investigation"


def test_a_hyphen_before_a_syllable_is_taken_out_without_the_word_printed_whole():
    assert (
        rejoin("staff understand vulnerabi-lity and informa-tion") == "staff understand vulnerability and information"
    )


@pytest.mark.parametrize(
    "compound",
    ["anti-social behaviour", "non-emergency calls", "well-being", "co-ordinate", "problem-solving", "face-to-face"],
)
def test_a_compound_keeps_its_hyphen(compound):
    assert rejoin(compound, Printed(["antisocial wellbeing nonemergency"])) == compound


def test_the_documents_words_are_asked_for_only_when_a_hyphen_may_be_a_line_breaks():
    asked = []

    def words():
        asked.append(True)
        return Printed(["The force completes its reviews."])

    assert clean_citations(["anti-social behaviour", "", "Rate ( ; )"], words) == ["anti-social behaviour", "", "Rate"]
    assert not asked
    assert clean_citations(["a comp-lete picture[^2]"], words) == ["a complete picture"]
    assert asked


def test_a_word_is_printed_whole_only_as_a_run_of_letters_of_its_own():
    printed = Printed(["Completely done; anti-complete; complete2; INCOMPLETE; completeness"])
    assert printed.prints("complete", 3)  # "completely": two letters more
    assert not printed.prints("complete", 0)  # never alone: in a compound, before a digit, after letters
    assert not Printed(["completeness"]).prints("complete", 3)  # four letters more
    assert Printed(["INVESTIGATION"]).prints("investigation")  # any case
