"""The comparison across forces and cycles: the measure vocabulary, the grade grids, the change table."""

from __future__ import annotations

from lib import measures
from lib.analysis import figures, grid
from lib.tables import frame

CALLS = [
    ("compared_it_answered_percent_of_calls_within_ten", "It answered 91.4 percent of 999 calls within ten seconds"),
    (
        "compared_answered_percent_of_emergency_calls_within",
        "the force answered 64.8 percent of emergency calls within ten seconds",
    ),
    (
        "compared_answered_percent_of_calls_within_ten",
        "the force answered 62.3 percent of 999 calls within ten seconds",
    ),
]


def test_every_wording_of_one_figure_shares_its_measure_and_unit():
    rows = [
        {"doc_id": f"d{k}", "indicator": i, "label": lab, "unit": "per cent", "value": 60}
        for k, (i, lab) in enumerate(CALLS)
    ]
    df = frame("indicators", rows)
    assert set(df["measure"]) == {"calls_999_answered_in_10_seconds"} and set(df["unit"]) == {"percent"}
    seed = frame(
        "indicators",
        [
            {
                "indicator": "crime_rate_recorded_crime_excluding_fraud",
                "label": "Recorded crime",
                "unit": "per 1,000 population",
            }
        ],
    )
    assert seed["measure"].iloc[0] == "recorded_crime_rate"
    other = frame("indicators", [{"indicator": "ocg_count", "label": "ocg count", "unit": "organised crime groups"}])
    assert (other["measure"].iloc[0], other["unit"].iloc[0]) == ("ocg_count", "organised crime groups")
    assert measures.better_for("victim_satisfaction") == "higher is better" and measures.better_for("ocg_count") == ""


def _figure(doc, force, label, value, ew, period=None, indicator="compared_x"):
    return {
        "doc_id": doc,
        "force": force,
        "year": 2021,
        "indicator": indicator,
        "label": label,
        "period": period,
        "unit": "percent",
        "value": value,
        "england_wales": ew,
        "page": 1,
        "evidence": label,
    }


def test_figures_pool_by_measure_and_consistency_compares_the_same_period_only():
    rows = [
        _figure("a", "Sussex Police", CALLS[1][1], 64.8, 73.1),
        _figure("b", "West Midlands Police", CALLS[2][1], 62.3, 70.9, "between April 2021 and March 2022"),
        _figure("c", "Hertfordshire Constabulary", CALLS[0][1], 91.4, 83.0),
    ]
    versus = figures.versus_england_wales(frame("indicators", rows))
    pooled = figures.pooled(versus)
    assert len(pooled) == 3 and pooled["row"].nunique() == 1
    assert figures.ew_consistency(frame("indicators", rows)).empty  # no period printed twice: nothing compared
    same = rows + [_figure("d", "Kent Police", CALLS[0][1], 70, 75.0, "between April 2021 and March 2022")]
    consistency = figures.ew_consistency(frame("indicators", same))
    assert list(consistency["verdict"]) == ["disagrees"] and consistency["period"].iloc[0].startswith("between")
    table = figures.measure_table(versus, "2021")
    assert list(table.columns) == ["force", "999 calls answered within ten seconds"] and len(table) == 3


def _grade(force, cycle, year, area, grade, scale="five_point", label=None, pillar="integrated", score=None):
    return {
        "doc_id": f"{force}{year}",
        "force": force,
        "year": year,
        "cycle": cycle,
        "pillar": pillar,
        "area": area,
        "area_label": label or area,
        "grade": grade,
        "grade_score": score,
        "scale": scale,
        "page": 2,
        "evidence": grade,
    }


def test_grade_grid_a_cycle_in_the_frameworks_order_worst_first_on_request():
    rows = [
        _grade("Sussex Police", "2023–25", 2023, "responding_to_public", "Inadequate"),
        _grade("Sussex Police", "2023–25", 2023, "treatment_of_public", "Good"),
        _grade("Lincolnshire Police", "2023–25", 2023, "responding_to_public", "Good"),
        _grade("Lincolnshire Police", "2023–25", 2023, "preventing_crime", "Good"),
        _grade(
            "Hertfordshire Constabulary",
            "2018/19",
            2018,
            "overall",
            "Good",
            "four_point",
            "keeping people safe and reducing crime",
        ),
        _grade(
            "Hertfordshire Constabulary",
            "2018/19",
            2018,
            "treatment_of_public",
            "Good",
            "four_point",
            "treating the public and its workforce legitimately",
            "legitimacy",
        ),
    ]
    j = frame("judgments", rows)
    assert grid.grid_cycles(j) == ["2018/19", "2023–25"] and grid.latest_cycle(j) == "2023–25"
    g = grid.grade_grid(j, "2023–25")
    assert list(g.columns) == [
        "force",
        "Treatment of the public",
        "Preventing crime and anti-social behaviour",
        "Responding to the public",
    ]
    assert list(g["force"]) == ["Lincolnshire Police", "Sussex Police"]
    assert list(grid.grade_grid(j, "2023–25", worst_first=True)["force"]) == ["Sussex Police", "Lincolnshire Police"]
    pillars = grid.grade_grid(j, "2018/19")  # the pillars' questions are their pillars' overall rows
    assert list(pillars.columns) == ["force", "Overall effectiveness", "Overall legitimacy"]
    assert grid.grid_file("2023–25") == "grade-grid-2023-25.csv"


def test_change_table_says_changes_on_one_scale_only():
    rows = [
        _grade("Essex Police", "2016", 2016, "investigating_crime", "Requires improvement", "four_point", score=2),
        _grade("Essex Police", "2017", 2017, "investigating_crime", "Good", "four_point", score=3),
        _grade("Essex Police", "2021/22", 2021, "investigating_crime", "Adequate", score=3),
    ]
    changes = grid.change_table(frame("judgments", rows))
    assert list(changes["change"]) == ["better", "scale changed: not compared"]
    assert list(changes["before_cycle"]) == ["2016", "2017"] and set(changes["area"]) == {"Investigating crime"}
    assert grid.change_sentence(changes).startswith("Of 1 grades given in two cycles on the same scale: 1 better")


def test_an_earlier_grade_a_report_prints_counts_for_its_cycle_as_printed(tmp_path):
    import pandas as pd

    from lib import tables as T
    from lib.analysis import grid
    from lib.pipeline import process_document

    page = (
        "<html><body><main><h1>PEEL 2023–25: An inspection of Kent Police</h1>"
        "<p>Our inspection assessed how good Kent Police is in two areas of policing. We make graded judgments "
        "in two of these two areas.</p><dl><dt>Investigating crime</dt><dd>Good</dd>"
        "<dt>Responding to the public</dt><dd>Adequate</dd></dl>"
        "<details><summary>How grades have changed since our 2021/22 inspection</summary><dl>"
        "<dt>Investigating crime</dt><dd>Requires improvement (2021/22)</dd>"
        "<dt>Responding to the public</dt><dd>Adequate (2021/22)</dd></dl></details></main></body></html>"
    )
    path = tmp_path / "kent.html"
    path.write_text(page, encoding="utf-8")
    result = process_document(path, "kent")
    assert {(r["area"], r["grade"]) for r in result["judgments"]} == {
        ("investigating_crime", "Good"),
        ("responding_to_public", "Adequate"),
    }
    assert [(r["area"], r["grade"], r["grade_cycle"]) for r in result["prior_grades"]] == [
        ("investigating_crime", "Requires improvement", "2021/22"),
        ("responding_to_public", "Adequate", "2021/22"),
    ]
    judgments = T.frame("judgments", result["judgments"])
    prior = T.frame("prior_grades", result["prior_grades"])
    changes = grid.change_table(judgments, prior)
    investigating = changes[changes["area"] == "Investigating crime"].iloc[0]
    assert (investigating["before_cycle"], investigating["before"], investigating["change"]) == (
        "2021/22",
        "Requires improvement",
        "better",
    )
    assert investigating["before_source"] == "as printed in kent, page 1"
    assert grid.change_table(judgments).empty  # without the printed grades: one cycle, no change
    assert isinstance(changes, pd.DataFrame) and len(changes) == 2
