"""Honest comparisons and grades on small tables: percents in points, never ratios; directions only where the
inspectorate states them; contradictions and implausible values flagged; outcome shares only from a complete
set; each source named from its own document; latest grades and changes within a scale; the heatmap's shape;
optional columns (cycle, status) used when present."""

from __future__ import annotations

import pandas as pd

from lib.analysis import figures, findings, grades, grid
from lib.tables import frame

F = "Gwent Police"


def ind(**kw) -> dict:
    return {"doc_id": "r1", "force": F, "year": 2015, "period": "12 months to 30 June 2015", "page": 3, **kw}


def test_percent_changes_are_points_never_ratios():
    t = frame(
        "indicators",
        [
            ind(
                indicator="recorded_crime_change_annual_pct",
                label="Change",
                unit="percent change",
                value=7,
                england_wales=4,
            ),
            ind(
                indicator="crime_rate_burglary",
                label="Burglary",
                unit="per 1,000 households",
                value=2.5,
                england_wales=8.4,
            ),
        ],
    )
    v = figures.versus_england_wales(t)
    change = v[v["unit"] == "percent change"].iloc[0]
    assert change["comparison"] == "points" and pd.isna(change["ratio"]) and change["difference"] == 3
    assert figures.gap(change) == "3 points higher"
    rate = v[v["comparison"] == "ratio"].iloc[0]
    assert rate["ratio"] == round(2.5 / 8.4, 3) and "× England and Wales" in figures.gap(rate)


def test_direction_only_where_stated():
    t = frame(
        "indicators",
        [
            ind(
                indicator="victim_satisfaction_pct",
                label="Satisfied",
                unit="percent of victims",
                value=79,
                england_wales=84,
            ),
            ind(indicator="ocg_per_million", label="OCGs", unit="per million population", value=112, england_wales=47),
            ind(indicator="crime_rate_x", label="Crime", unit="per 1,000 population", value=60, england_wales=63),
        ],
    )
    v = figures.versus_england_wales(t).set_index("indicator")
    assert v.loc["victim_satisfaction_pct", "better"] == "worse"
    assert v.loc["ocg_per_million", "direction"] == figures.NO_DIRECTION and v.loc["ocg_per_million", "better"] == ""
    assert v.loc["crime_rate_x", "direction"] == "neither"
    sentence = figures.figure_sentence(F, v.reset_index())
    assert "states which way is better for 1 of them (0 better, 1 worse" in sentence
    assert "for the others none is claimed" in sentence


def test_contradictions_and_implausible_values_are_flagged():
    t = frame(
        "indicators",
        [
            ind(indicator="da_per_1000", label="DA", unit="per 1,000 population", value=1, england_wales=15),
            ind(indicator="asb", label="ASB", unit="per 1,000 population", value=37, england_wales=31),
            ind(indicator="asb", label="ASB", unit="per 1,000 population", value=39, england_wales=31),
        ],
    )
    v = figures.versus_england_wales(t).set_index("indicator")
    assert v.loc["da_per_1000", "flag"].startswith("implausible: 1 against 15")
    assert all("contradiction: the document prints the force figure as 37 and 39" in f for f in v.loc["asb", "flag"])
    assert figures.furthest(v.reset_index()).empty  # flagged figures are never the headline


def test_outcome_shares_only_from_a_complete_set():
    rates = [
        ind(indicator=f"outcomes_rate_{k}", label=k, unit="outcomes per 100 offences", value=v, england_wales=v)
        for k, v in (("charged", 22.4), ("caution", 6.6))
    ]
    partial = [
        ind(doc_id="r2", indicator=f"outcome_{k}_pct", label=k, unit="percent of crimes", value=v, england_wales=v)
        for k, v in (("charged", 11), ("no_suspect", 40))
    ]
    full = [
        ind(doc_id="r3", indicator=f"outcome_{k}_pct", label=k, unit="percent of crimes", value=v, england_wales=None)
        for k, v in (("charged", 30), ("no_suspect", 50), ("other", 20))
    ]
    mix = figures.outcomes(frame("indicators", rates + partial + full))
    said = " ".join(figures.outcome_sentences(F, mix))
    assert "a rate, not a share of all outcomes" in said
    assert "summing to 51: not every outcome, so no share of all outcomes is claimed" in said
    assert "the largest share of outcomes was no_suspect (50 percent of crimes)" in said
    assert said.count("largest share") == 1


def test_sources_are_the_documents_own_titles():
    docs = frame(
        "documents",
        [
            {"doc_id": "b", "title": "PCC bulletin, September 2023", "published": "2023-09", "year": 2023},
            {"doc_id": "r1", "title": "PEEL: Police effectiveness 2015 – Gwent Police", "year": 2015},
        ],
    )
    rows = frame("indicators", [ind(doc_id="b", indicator="x", unit="percent change", value=51, england_wales=14)])
    assert figures.sources(rows, docs) == "PCC bulletin, September 2023 (September 2023)"


def judgment(year, grade, area="protecting_vulnerable", scale="four_point", cycle=None, **kw) -> dict:
    score = grades.GRADES.index(grade) if grade in grades.GRADES else None
    row = {
        "doc_id": f"r{year}",
        "force": F,
        "year": year,
        "pillar": "effectiveness",
        "area": area,
        "area_label": area.replace("_", " "),
        "grade": grade,
        "scale": scale,
        "page": 1,
        "evidence": grade,
        **kw,
    }
    row["grade_score"] = None if score is None else 5 - score
    if cycle:
        row["cycle"] = cycle
    return row


def jframe(rows: list[dict]) -> pd.DataFrame:
    """The judgments table with the coming ``cycle`` column (filled where a row has one)."""
    return frame("judgments", rows).assign(cycle=[r.get("cycle") for r in rows])


def test_latest_grades_changes_and_scales():
    rows = [
        judgment(2015, "Good"),
        judgment(2017, "Requires improvement"),
        judgment(2021, "Adequate", scale="five_point", cycle="2021/22"),
        judgment(2015, "Good", area="overall"),
    ]
    df = jframe(rows)  # a cycle column, filled only for 2021/22: the year stands in elsewhere
    latest = grades.latest_grades(df)
    assert latest.iloc[0]["area_name"] == "Overall effectiveness"
    vulnerable = latest[latest["area"] == "protecting_vulnerable"].iloc[0]
    assert (vulnerable["grade"], vulnerable["cycle"]) == ("Adequate", "2021/22")
    change = grades.grade_changes(df).iloc[0]
    assert change["change"] == "scale changed: not compared" and change["before"] == "Requires improvement"
    two = grades.grade_changes(frame("judgments", rows[:2])).iloc[0]
    assert two["change"] == "worse"
    assert "Changed grades: Protecting vulnerable people from Good (2015) to Requires improvement (2017): worse" in (
        " ".join(grades.grade_sentences(F, frame("judgments", rows[:2])))
    )


def test_heatmap_has_areas_as_rows_and_cycle_force_columns():
    rows = [judgment(2015, "Good"), judgment(2021, "Adequate", scale="five_point", cycle="2021/22")]
    rows.append({**judgment(2015, "Inadequate"), "force": "Dyfed-Powys Police"})
    matrix, scales = grid.grade_matrix(jframe(rows))
    assert list(matrix.index) == ["Protecting vulnerable people"]
    assert list(matrix.columns) == [("2015", "Dyfed-Powys Police"), ("2015", F), ("2021/22", F)]
    assert scales[("2021/22", F)] == "five_point"


def test_grades_outside_the_list_are_listed_not_crashed():
    df = frame("judgments", [judgment(2015, "Excellent"), judgment(2015, "Good*", area="overall")])
    assert set(grades.outside_grades(df)["grade"]) == {"Excellent", "Good*"}
    assert grades.graded(df).empty and grid.grade_matrix(df)[0].empty
    assert grades.grade_sentences(F, df) == [f"{F}: no graded judgments were extracted."]


def test_response_status_with_and_without_the_column():
    acts = frame("pcc_actions", [{"doc_id": "p", "recommendation": "R1", "action": a} for a in ("a", "b")])
    assert (
        findings.response_status(acts)
        == "2 actions in reply to 1 recommendation; the response prints no status for them"
    )
    acts["status"] = ["Complete", "In progress"]
    assert findings.response_status(acts).endswith("status: 1 Complete, 1 In progress")


def test_counts_of_findings_come_from_inspection_reports_only():
    docs = frame("documents", [{"doc_id": "r", "doc_type": "peel_report"}, {"doc_id": "p", "doc_type": "pcc_response"}])
    rows = [{"doc_id": d, "force": F, "year": 2021, "kind": "area_for_improvement", "text": "t"} for d in "rp"]
    kept = findings.from_reports(frame("findings", rows), docs)
    assert list(kept["doc_id"]) == ["r"]


def test_the_corpus_sentence_counts_types_in_plain_english():
    from lib.analysis import inventory

    kinds = ["peel_report", "peel_report", "pcc_response"]
    docs = frame("documents", [{"doc_id": f"d{i}", "doc_type": kind} for i, kind in enumerate(kinds)])
    assert inventory.corpus_sentence(docs) == "3 documents: 2 PEEL inspection reports, 1 PCC response."
    assert inventory.corpus_sentence(docs.iloc[:1]) == "1 document: 1 PEEL inspection report."
    assert inventory.corpus_sentence(docs.iloc[:0]) == "No documents."
