"""The crime-rate and outcomes tables of the 2015-16 reports as readers give them when no table block holds them,
one test per way: a cell a block with a label printed after its figures, rows run together in a paragraph
(a PDF's reader) with the caption run into the head, and two labels run together in one block."""

from __future__ import annotations

from lib.extract.figures_scattered import scattered_tables
from lib.model import Block, Document


def read(texts: list[str]) -> tuple[list[tuple], list[tuple]]:
    blocks = [Block("paragraph", t, 10) for t in texts]
    rows, checks = scattered_tables(Document("x.txt", "x.txt", "text", "0", [], blocks=blocks))
    return [(r["indicator"], r["value"], r["england_wales"], r["unit"], r["period"]) for r in rows], [
        (c["check"], c["passed"]) for c in checks
    ]


CAPTION = "Figure 2: Police recorded crime rates (per 1,000 population) for the 12 months to 30 June 2015"
FOOTNOTE = "*The rate for burglary in a dwelling is the rate per 1,000 households, not population."
PERIOD = "12 months to 30 June 2015"
CRIME_RATES = [
    ("crime_rate_recorded_crime_excluding_fraud", 63.7, 63.0, "per 1,000 population", PERIOD),
    ("crime_rate_victim_based_crime", 56.4, 56.0, "per 1,000 population", PERIOD),
    ("crime_rate_burglary_in_a_dwelling", 6.4, 8.4, "per 1,000 households", PERIOD),
    ("crime_rate_anti_social_behaviour_incidents", 46.5, 32.9, "per 1,000 population", PERIOD),
]


def test_a_cell_a_block_and_a_label_printed_after_its_figures():
    cells = ["Rates per 1,000 population", "Gwent Police England and Wales", "Recorded crime (excluding fraud)"]
    cells += ["63.7", "63.0", "Victim-based crime", "56.4", "56.0", "Burglary in a dwelling*", "6.4", "8.4"]
    cells += ["46.5", "32.9", "Anti-social behaviour incidents*", "Source: Home Office data", FOOTNOTE]
    assert read([CAPTION, *cells]) == (CRIME_RATES, [])


def test_rows_run_together_in_a_paragraph_with_the_caption_run_into_the_head():
    texts = [
        f"{CAPTION} Rates per 1,000 population",
        "Gwent Police England and Wales Recorded crime (excluding fraud) 63.7 63.0 Victim-based crime 56.4 56.0",
        "Burglary in a dwelling* 6.4 8.4 Anti-social behaviour incidents* 46.5 32.9 Source: Home Office data",
        FOOTNOTE,
    ]
    assert read(texts) == (CRIME_RATES, [])


def test_two_labels_a_reader_ran_together_are_split_when_the_counts_need_it():
    head = ["Outcome type/group", "Gwent Police", "Number of outcomes", "Rate", "England and Wales"]
    head += ["Number of outcomes", "Rate"]
    figures = ["6,488", "17.5", "577,678", "16.0", "112", "0.3", "21,318", "0.6"]
    figures += ["292", "0.8", "19,703", "0.5", "292", "0.8", "19,703", "0.5"]
    labels = ["Charged/Summonsed", "Taken into consideration Out-of-court (formal)", "Caution - youths"]
    rows, checks = read(["Figure 4: Outcomes recorded in the 12 months to 30 June 2015", *head, *figures, *labels])
    assert [(r[0], r[1], r[2]) for r in rows if r[0].startswith("outcomes_number")] == [
        ("outcomes_number_charged_summonsed", 6488.0, 577678.0),
        ("outcomes_number_taken_into_consideration", 112.0, 21318.0),
        ("outcomes_number_out_of_court_formal", 292.0, 19703.0),
        ("outcomes_number_caution_youths", 292.0, 19703.0),
    ]
    assert checks == [("outcome_total:out_of_court_formal", True)]
