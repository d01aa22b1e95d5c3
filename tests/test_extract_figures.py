"""Figures against England and Wales, one test per way a report states one: in a sentence (money, a rate's
unit printed before the comparator, two comparisons in one sentence, a comparator in brackets, a range), in a
table block whose head names the force and England and Wales (ruled in a PDF, columns of a text export, an
outcomes table), and what is flagged instead of written (an implausible ratio, a percentage over 100)."""

from __future__ import annotations

import pytest

from lib.extract.figures_sentences import generic_comparisons
from lib.extract.figures_tables import block_tables
from lib.extract.indicators import Quoted
from lib.model import Block
from lib.text import Sentence


def compared(*texts: str) -> list[tuple]:
    rows = generic_comparisons([Sentence(2, t) for t in texts], set())
    return [(r["value"], r["england_wales"], r["unit"]) for r in rows]


# ---------------------------------------------------------------- sentences
def test_money_is_read_whole_with_its_unit():
    assert compared(
        "Cumbria Constabulary plans to spend £172 per head of population in 2016/17, "
        "compared with £185 across England and Wales."
    ) == [(172.0, 185.0, "£ per head of population")]


def test_money_in_millions_keeps_its_scale():
    assert compared(
        "The force plans to save £12.5 million by 2020, compared with an England and Wales average of £20.1 million."
    ) == [(12.5, 20.1, "£ million")]


def test_a_rate_with_its_unit_printed_again_before_the_comparator():
    assert compared(
        "In the 12 months to 31 March 2018, Kent Police recorded 80.4 crimes per 1,000 population, compared with "
        "77.9 per 1,000 population across England and Wales."
    ) == [(80.4, 77.9, "per 1,000 population")]


def test_two_comparisons_in_one_sentence_each_take_their_own_figure():
    text = (
        "Essex Police recorded 70.1 crimes per 1,000 population, compared with 79.3 in England and Wales.[^3] "
        "The force answered 90.2 percent of 999 calls within ten seconds, compared with 74.5 percent across "
        "England and Wales."
    )
    assert compared(text) == [(70.1, 79.3, "per 1,000 population"), (90.2, 74.5, "percent")]
    labels = [r["label"] for r in generic_comparisons([Sentence(1, text)], set())]
    assert labels == [
        "Essex Police recorded 70.1 crimes per 1,000 population",
        "The force answered 90.2 percent of 999 calls within ten seconds",
    ]


def test_a_comparator_in_brackets():
    assert compared("The force charged or summonsed 7.2 percent of crimes (England and Wales: 6.1 percent).") == [
        (7.2, 6.1, "percent")
    ]


def test_a_range_keeps_both_ends():
    ((value, ew, unit),) = compared(
        "Between 12 and 15 percent of calls were abandoned, compared with an England and Wales rate of 8 percent."
    )
    assert (value, ew) == (12.0, 8.0) and unit == "percent, range 12 to 15"


def test_a_financial_year_is_not_the_figure():
    ((value, ew, _),) = compared("The force spent £97 per head in 2014/15, compared with £104 in England and Wales.")
    assert (value, ew) == (97.0, 104.0)


@pytest.mark.parametrize(
    "texts",
    [
        ["Proportion of 999 calls answered within ten seconds: 61.2 percent (England and Wales: 70.3 percent)."],
        [
            "Of the 999 calls it received, 61.2 percent were answered within ten seconds.",
            "The England and Wales average was 70.3 percent.",
        ],
        ["Lancashire Constabulary answered 61.2% of 999 calls within ten seconds, against 70.3% in England and Wales."],
        [
            "The force answered 61.2 percent of 999 calls in ten seconds, "
            "compared with England and Wales at 70.3 percent."
        ],
        ["In 2022, 61.2 percent of 999 calls were answered within 10 seconds (70.3 percent in England and Wales)."],
        [
            "The force answered 61.2 percent of emergency calls within ten seconds.",
            "The figure for England and Wales was 70.3 percent.",
        ],
        [
            "The force answered 61.2 percent of 999 calls within ten seconds, "
            "while the England and Wales proportion was 70.3 percent."
        ],
    ],
)
def test_the_999_calls_sentence_in_its_wordings(texts):
    assert compared(*texts) == [(61.2, 70.3, "percent")]


@pytest.mark.parametrize(
    "texts",
    [
        [
            "Lancashire Constabulary recorded 66.0 crimes per 1,000 population, "
            "compared with 81.9 per 1,000 population across England and Wales."
        ],
        [
            "The force recorded 66.0 crimes per 1,000 population.",
            "The England and Wales rate was 81.9 crimes per 1,000 population.",
        ],
        ["Crimes per 1,000 population: 66.0 (England and Wales 81.9)."],
        ["The force recorded 66.0 crimes per 1,000 population, compared with 81.9 for England and Wales as a whole."],
    ],
)
def test_the_crime_rate_sentence_in_its_wordings(texts):
    assert compared(*texts) == [(66.0, 81.9, "per 1,000 population")]


def test_a_comparator_that_opens_the_sentence_takes_the_figure_after_it():
    assert compared(
        "Dorset Police answered most calls.",
        "Compared with the England and Wales rate of 70.3 percent, Dorset Police answered 61.2 percent of 999 calls "
        "within ten seconds.",
    ) == [(61.2, 70.3, "percent")]


def test_a_percentage_comparator_never_takes_a_count_from_the_sentence_before():
    assert (
        compared(
            "The force has 5 call centres.",
            "The England and Wales average was 70.3 percent, while its most similar group averaged 65 percent.",
        )
        == []
    )


def test_a_range_printed_with_its_unit_twice():
    ((value, ew, unit),) = compared(
        "Between 12 percent and 15 percent of calls were abandoned, "
        "compared with an England and Wales rate of 8 percent."
    )
    assert (value, ew, unit) == (12.0, 8.0, "percent, range 12 to 15")


# ---------------------------------------------------------------- tables as blocks
def table(rows: list[list[str]], page: int = 4) -> Block:
    return Block("table", "\n".join(" | ".join(r) for r in rows), page, rows=rows)


def test_a_ruled_table_with_the_force_and_england_and_wales_columns():
    rows = block_tables(
        [
            table(
                [
                    ["Workforce", "Suffolk", "England and Wales"],
                    ["Change in police officers 2010 to 2015", "-9%", "-12%"],
                    ["Officers per 1,000 population", "1.7", "2.1"],
                ]
            )
        ],
        "Suffolk Constabulary",
    )
    assert [(r["value"], r["england_wales"], r["unit"]) for r in rows] == [
        (-9.0, -12.0, "percent change"),
        (1.7, 2.1, "per 1,000 population"),
    ]
    assert (
        rows[0]["evidence"]
        == "Workforce | Change in police officers 2010 to 2015 | Suffolk -9% | England and Wales -12%"
    )


def test_england_and_wales_first_and_a_row_whose_cells_ran_together():
    rows = block_tables(
        [
            Block("paragraph", "Figure 2: Crime rates per 1,000 population in the 12 months to 30 June 2016", 3),
            table(
                [
                    ["Rate per 1,000 population", "England and Wales", "Gwent Police"],
                    ["Recorded crime (excluding fraud)  63.0", "65.2"],
                    ["Burglary in a dwelling*", "8.4", "5.0"],
                ]
            ),
        ],
        None,
    )
    assert [(r["indicator"], r["value"], r["england_wales"], r["period"]) for r in rows] == [
        ("crime_rate_recorded_crime_excluding_fraud", 65.2, 63.0, "12 months to 30 June 2016"),
        ("crime_rate_burglary_in_a_dwelling", 5.0, 8.4, "12 months to 30 June 2016"),
    ]


def test_an_outcomes_table_as_a_block():
    rows = block_tables(
        [
            table(
                [
                    ["Outcome type/group", "Avon and Somerset Constabulary", "England and Wales"],
                    ["", "Number of outcomes | Rate", "Number of outcomes | Rate"],
                    ["Charged/Summonsed", "9,120", "15.2", "577,678", "16.0"],
                ]
            )
        ],
        None,
    )
    assert [(r["indicator"], r["value"], r["england_wales"]) for r in rows] == [
        ("outcomes_number_charged_summonsed", 9120.0, 577678.0),
        ("outcomes_rate_charged_summonsed", 15.2, 16.0),
    ]


def test_a_table_of_another_force_is_not_this_reports():
    assert not block_tables(
        [table([["Rates", "Kent Police", "England and Wales"], ["Crime", "70", "77"]])], "Essex Police"
    )


# ---------------------------------------------------------------- flagged, not written
def test_a_percentage_over_100_is_a_failed_check_not_a_figure():
    from lib.extract.indicators import flag_implausible

    rows = generic_comparisons(
        [
            Sentence(
                7,
                "The force answered 887 percent of 999 calls within ten seconds, "
                "compared with 71.4 percent in England and Wales.",
            )
        ],
        set(),
    )
    kept, checks = flag_implausible(rows)
    assert kept == [] and [c["passed"] for c in checks] == [False]
    assert "Page 7" in checks[0]["detail"] and "887 percent of 999 calls" in checks[0]["detail"]


def test_a_rate_beyond_twenty_times_england_and_wales_is_flagged_a_change_or_count_is_not():
    from lib.extract.indicators import flag_implausible

    def row(value, ew, unit):
        return {"indicator": "x", "unit": unit, "value": value, "england_wales": ew, "page": 1, "evidence": "e"}

    kept, checks = flag_implausible(
        [
            row(1.6, 63.0, "per 1,000 population"),  # 39 times fewer: a misread cell
            row(940.0, 46.0, "per 1,000 population"),  # a figure run into its footnote digit
            row(4405, 577678, "outcomes"),  # a count against all of England and Wales
            row(-16, -0.05, "percent change"),
            row(38.1, 63.0, "per 1,000 population"),
        ]
    )
    assert [r["value"] for r in kept] == [4405, -16, 38.1] and len(checks) == 2


# ---------------------------------------------------------------- panels
def panel_rows(blocks: list[Block], force: str = "Kent Police") -> list[tuple]:
    from lib.extract.figures_panels import extract_panels
    from lib.model import Document

    doc = Document("x.txt", "x.txt", "text", "0", [], blocks=blocks)
    return [(r["indicator"], r["label"], r["value"], r["england_wales"], r["page"]) for r in extract_panels(doc, force)]


def test_a_panels_label_never_reaches_back_over_a_web_address_or_the_panels_heading():
    texts = ["3 Available from www.justiceinspectorates.gov.uk/hmicfrs/", "Force in numbers"]
    texts += ["Public complaints against officers and staff per 1,000 workforce", "Kent Police", "212"]
    rows = panel_rows([Block("paragraph", t, 4) for t in [*texts, "England and Wales", "229"]])
    label = "Public complaints against officers and staff per 1,000 workforce"
    assert rows == [("public_complaints_against_officers_and_staff_per_1_000_workf", label, 212.0, 229.0, 4)]


def para(text: str, page: int = 2) -> Block:
    return Block("paragraph", text, page)


def head(text: str, page: int = 2) -> Block:
    return Block("heading", text, page, level=2)


@pytest.mark.parametrize(
    "blocks",
    [
        [  # a PDF: labels set large (a heading, wrapped into a paragraph), a name set large on the next page
            head("Calls for assistance"),
            head("Incidents per 1,000 population 12 months to 30"),
            *map(para, ["June 2017", "Kent Police 338", "England and Wales", "282"]),
            head("Crime (excluding fraud)"),
            para("Crimes recorded per 1,000 population 12 months to"),
            *map(head, ["30 June 2017", "Kent Police", "74"]),  # the label's last line set large, and the figure
            *map(para, ["England and Wales", "77"]),
            head("Crime outcomes"),
            head("Charged/summonsed"),
            *map(para, ["Kent Police", "11%", "England and Wales", "10%"]),
            para("Investigation completed but no suspect identified"),
            head("Kent Police", 3),
            *(para(t, 3) for t in ["40%", "England and Wales", "48%"]),
        ],
        [  # a web page: a paragraph a line, the name and its figure in one
            head("Calls for assistance"),
            *map(para, ["Incidents per 1,000 population 12 months to 30 June 2017", "Kent Police 338"]),
            para("England and Wales 282"),
            head("Crime (excluding fraud)"),
            *map(para, ["Crimes recorded per 1,000 population 12 months to 30 June 2017", "Kent Police 74"]),
            para("England and Wales 77"),
            head("Crime outcomes"),
            *map(para, ["Charged/summonsed", "Kent Police 11%", "England and Wales 10%"]),
            para("Investigation completed but no suspect identified"),
            *(para(t, 3) for t in ["Kent Police 40%", "England and Wales 48%"]),
        ],
    ],
    ids=["pdf", "web-page"],
)
def test_a_panel_read_over_the_blocks_each_reader_sets_it_in(blocks):
    assert panel_rows(blocks) == [
        ("calls_for_assistance_per_1000", "Incidents per 1,000 population 12 months to 30 June 2017", 338.0, 282.0, 2),
        ("recorded_crime_per_1000", "Crimes recorded per 1,000 population 12 months to 30 June 2017", 74.0, 77.0, 2),
        ("outcome_charged_summonsed_pct", "Charged/summonsed", 11.0, 10.0, 2),
        ("outcome_no_suspect_pct", "Investigation completed but no suspect identified", 40.0, 48.0, 3),
    ]


def test_a_panel_in_one_block_with_a_sentence_run_on_after_it():
    rows = panel_rows(
        [
            para(
                "Public complaints against officers and staff per 1,000 workforce Kent Police 247 England and Wales 229"
            ),
            para(
                "Stop and search rate per 1,000 population Kent Police 3.1 England and Wales 7.4 For further details."
            ),
        ]
    )
    assert [r[1:4] for r in rows] == [
        ("Public complaints against officers and staff per 1,000 workforce", 247.0, 229.0),
        ("Stop and search rate per 1,000 population", 3.1, 7.4),
    ]


@pytest.mark.parametrize(
    "grid",
    [
        [  # a layout export: the reader's table of spaced columns, a label's line wrapped into the next row
            table(
                [
                    ["Public complaints per", "Kent Police", "England and Wales"],
                    ["1,000 workforce", "212", "229"],
                    ["", "Kent Police", "England and Wales"],
                    ["Stop and search rate per 1,000 population", "", ""],
                    ["", "3.1", "7.4"],
                ]
            )
        ],
        [  # a plain export: a block a cell, the figures in a column per name
            Block("paragraph", "Public complaints per 1,000 workforce", 4),
            Block("paragraph", "Stop and search rate per 1,000", 4),
            Block("paragraph", "population", 4),
            *(Block("heading", name, 4) for name in ["Kent Police", "England and Wales"] * 2),
            *(Block("paragraph", v, 4) for v in ["212", "3.1", "229", "7.4"]),
        ],
    ],
    ids=["layout", "plain"],
)
def test_a_force_in_numbers_grid_read_from_the_blocks_after_its_heading(grid):
    from lib.extract.figures_panels import grid_panels
    from lib.model import Document

    blocks = [Block("heading", "Force in numbers", 4, level=2), *grid, Block("paragraph", "See Annex A.", 4)]
    doc = Document("x.txt", "x.txt", "text", "0", [], blocks=blocks)
    rows = grid_panels(doc, "Kent Police", set())
    assert [(r["label"], r["value"], r["england_wales"], r["page"]) for r in rows] == [
        ("Public complaints per 1,000 workforce", 212.0, 229.0, 4),
        ("Stop and search rate per 1,000 population", 3.1, 7.4, 4),
    ]


def test_a_table_with_a_most_similar_group_column_and_money():
    rows = block_tables(
        [
            table(
                [
                    ["Spending", "Force", "Most similar group", "England and Wales"],
                    ["Net revenue expenditure per head of population 2016/17", "£158", "£170", "£181"],
                    ["Officers per 1,000 population", "1.9", "2.0", "2.1"],
                ]
            )
        ],
        "Suffolk Constabulary",
    )
    assert [(r["value"], r["england_wales"], r["unit"]) for r in rows] == [
        (158.0, 181.0, "£ per head of population"),
        (1.9, 2.1, "per 1,000 population"),
    ]
    assert rows[1]["evidence"] == (
        "Spending | Officers per 1,000 population | Force 1.9 | Most similar group 2.0 | England and Wales 2.1"
    )


def test_a_crime_table_whose_head_wrapped_over_two_lines_in_a_text_export():
    rows = block_tables(
        [
            table(
                [
                    ["Rate per 1,000 population", "Cumbria", "England and"],
                    ["Constabulary", "Wales"],
                    ["Recorded crime (excluding fraud)", "45.2", "63.0"],
                    ["Burglary in a dwelling*", "3.1", "8.4"],
                ]
            )
        ],
        "Cumbria Constabulary",
    )
    assert [(r["indicator"], r["value"], r["england_wales"]) for r in rows] == [
        ("crime_rate_recorded_crime_excluding_fraud", 45.2, 63.0),
        ("crime_rate_burglary_in_a_dwelling", 3.1, 8.4),
    ]
    assert rows[1]["evidence"].endswith("| Cumbria Constabulary 3.1 | England and Wales 8.4")


# ---------------------------------------------------------------- measures
@pytest.mark.parametrize(
    "indicator, label, measure",
    [
        (
            "compared_to_spend_per_head_population",
            "Suffolk Constabulary plans to spend £158 per head of population",
            "net_revenue_expenditure_per_head",
        ),
        (
            "net_revenue_expenditure_per_head_of_population",
            "Net revenue expenditure per head of population 2016/17",
            "net_revenue_expenditure_per_head",
        ),
        (
            "change_in_gross_revenue_expenditure",
            "Change in gross revenue expenditure 2010/11 to 2014/15",
            "gross_revenue_expenditure_change",
        ),
        (
            "reserves_as_a_proportion_of_net_revenue_expenditure",
            "Reserves as a proportion of net revenue expenditure",
            "reserves_share_of_net_revenue_expenditure",
        ),
    ],
)
def test_the_efficiency_figures_share_a_measure_in_every_wording(indicator, label, measure):
    from lib.measures import measure_for

    assert measure_for(indicator, label) == measure


def test_a_table_a_reader_gave_as_paragraphs_with_its_rows_run_together():
    """A head in words (a block that prints "England and Wales"), then the rows run together after it."""
    from lib.extract.figures_tables import paragraph_tables
    from lib.model import Document

    blocks = [
        Block("paragraph", "Figures for England and Wales are averages.", 3),
        Block("heading", "Force in numbers", 4, level=2),
        Block("heading", "Workforce England and Wales Suffolk", 4, level=3),
        Block("paragraph", "Change in workforce 2010 to 2015 -17% -15% Officers per 1,000 population 2.1 1.7", 4),
        Block("paragraph", "The constabulary plans well.", 4),
    ]
    doc = Document("x.txt", "x.txt", "text", "0", [], blocks=blocks)
    rows = block_tables(paragraph_tables(doc, "Suffolk Constabulary"), "Suffolk Constabulary")
    assert [(r["label"], r["value"], r["england_wales"]) for r in rows] == [
        ("Change in workforce 2010 to 2015", -15.0, -17.0),
        ("Officers per 1,000 population", 1.7, 2.1),
    ]


def test_a_panel_run_into_prose_is_read_on_over_the_paragraph_before_a_table_between_them():
    from lib.extract.figures_panels import panels_in_prose
    from lib.model import Document

    blocks = [
        Block("paragraph", "Stop and search rate per 1,000 population Norfolk", 2),
        Block("table", "a | b", 2, rows=[["a", "b"]]),
        Block("paragraph", "Constabulary 3.1 England and Wales 7.4 For further detail see the annex.", 2),
        Block("paragraph", "Nothing here names England and Wales with a figure.", 2),
    ]
    doc = Document("x.txt", "x.txt", "text", "0", [], blocks=blocks)
    rows = panels_in_prose(doc, "Norfolk Constabulary", set())
    assert [(r["label"], r["value"], r["england_wales"]) for r in rows] == [
        ("Stop and search rate per 1,000 population", 3.1, 7.4)
    ]


def test_a_rules_gate_holds_the_words_every_match_prints():
    import re

    from lib.extract.figures_sentences import COMPARATOR, FIGURES_RE
    from lib.scan import Folds, Gate, fold

    comparator = Gate(COMPARATOR)
    assert comparator.words == ["england and wales", "national"]
    assert Gate(re.compile(r"(?:fell|rose) by \d+")).words == ["fell", "rose"]
    assert Gate(re.compile(r"(?:fell|\d+) by")).words == ["by"]  # a branch of digits only: the word after
    assert Gate(re.compile(r"\d+(?:%| per cent)?")).words is None  # nothing every match prints
    # IGNORECASE takes the long s for an s, the dotless and the dotted capital I for an i; the fold does too.
    texts = [
        "The rate fell.",
        "ENGLAND AND WALEſ rate of 7",
        "a natıonal average of 3",
        "Nothing here.",
        "NATİONAL rate of 2",
    ]
    assert [bool(COMPARATOR.search(t)) for t in texts] == [False, True, True, False, True]
    assert sorted(Folds(texts).holding(comparator)) == [1, 2, 4]
    assert [comparator.open(fold(t)) for t in texts] == [False, True, True, False, True]
    for _, pattern, _, _ in FIGURES_RE:
        assert Gate(pattern).words, pattern.pattern  # every fixed phrasing has words to look for first


def test_the_sentences_other_rules_read_are_their_evidence_and_sentences_quoted_in_it():
    taken = Quoted(
        {"Crime fell by 9 percent. The force recorded 17,130 crimes.", "Victim satisfaction was 84 percent."}
    )
    assert "Victim satisfaction was 84 percent." in taken  # an evidence
    assert "The force recorded 17,130 crimes." in taken  # a sentence quoted in one
    assert "Crime rose." not in taken and "The force recorded 17,131 crimes." not in taken
