"""Citations as a reader quotes them: no converter's marks, no footnote numbers, no empty brackets (the
readers take out line-break hyphens: tests/test_readers_text.py)."""

from __future__ import annotations

import pytest

from lib.extract.citations import clean_citation


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
