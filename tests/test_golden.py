"""Golden values from the five seeds, and the same answers from the seeds in other layouts and forces.

The expected values were read off the documents by a person. The library never sees the file names:
``process_document`` gets a neutral doc_id, and the variants (re-wrapped, another force, PDF) live under
other names in a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.pipeline import process_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*")
    return path


@pytest.fixture(scope="session")
def results() -> dict[str, dict]:
    return {p: process_document(seed(p), f"doc{p}") for p in ("000", "001", "002", "003", "004")}


# ---------------------------------------------------------------- documents
@pytest.mark.parametrize(
    "prefix, expected",
    [
        (
            "000",
            {
                "doc_type": "peel_report",
                "force": "Dyfed-Powys Police",
                "year": 2015,
                "pillar": "effectiveness",
                "inspectorate": "HMIC",
                "format": "text",
            },
        ),
        (
            "001",
            {
                "doc_type": "peel_report",
                "force": "Gwent Police",
                "year": 2015,
                "pillar": "effectiveness",
                "inspectorate": "HMIC",
                "format": "text",
            },
        ),
        (
            "002",
            {
                "doc_type": "peel_report",
                "force": "Gwent Police",
                "year": 2017,
                "pillar": "effectiveness",
                "inspectorate": "HMICFRS",
                "published": "2018-03",
                "format": "markdown",
            },
        ),
        ("003", {"doc_type": "pcc_bulletin", "force": "Dyfed-Powys Police", "year": 2023, "format": "email"}),
        (
            "004",
            {
                "doc_type": "pcc_response",
                "force": "Dyfed-Powys Police",
                "year": 2021,
                "published": "2021-07-02",
                "inspectorate": "",  # a Commissioner's document is not the inspectorate's
                "cycle": "",
            },
        ),
    ],
)
def test_documents_are_classified_from_their_content(results, prefix, expected):
    row = results[prefix]["document"]
    assert row["status"] == "ok", row["error"]
    assert {k: row[k] for k in expected} == expected
    assert row["title"]


def test_pcc_response_title_is_the_printed_heading(results):
    assert results["004"]["document"]["title"] == (
        "Police and Crime Commissioner for Dyfed-Powys response to PEEL Accelerated Cause of Concern "
        "relating to Crime Data Integrity"
    )


# ---------------------------------------------------------------- judgments
JUDGMENTS = {
    "000": {
        ("overall", "Requires improvement", None),
        ("preventing_crime", "Good", None),
        ("investigating_crime", "Requires improvement", None),
        ("protecting_vulnerable", "Requires improvement", None),
        ("serious_organised_crime", "Good", None),
    },
    "001": {
        ("overall", "Good", None),
        ("preventing_crime", "Good", None),
        ("investigating_crime", "Good", None),
        ("protecting_vulnerable", "Good", None),
        ("serious_organised_crime", "Good", None),
    },
    "002": {
        ("overall", "Requires improvement", "2017"),
        ("preventing_crime", "Good", "2016"),
        ("investigating_crime", "Good", "2016"),
        ("protecting_vulnerable", "Requires improvement", "2017"),
        ("serious_organised_crime", "Requires improvement", "2017"),
        ("specialist_capabilities", "Ungraded", "2017"),
    },
}


def judgment_set(result: dict) -> set:
    return {(r["area"], r["grade"], r["last_inspected"]) for r in result["judgments"]}


@pytest.mark.parametrize("prefix", sorted(JUDGMENTS))
def test_every_judgment_of_the_peel_seeds(results, prefix):
    rows = results[prefix]["judgments"]
    assert judgment_set(results[prefix]) == JUDGMENTS[prefix]
    assert len(rows) == len({r["area"] for r in rows}), "one row per area"
    for r in rows:
        assert r["page"] >= 1 and r["grade"].lower().split()[0] in r["evidence"].lower()
        assert r["scale"] == "four_point"
        assert r["grade_score"] == {"Good": 3, "Requires improvement": 2, "Ungraded": None}[r["grade"]]


def test_sixteen_judgments_in_all(results):
    assert sum(len(results[p]["judgments"]) for p in JUDGMENTS) == 16


def test_no_judgments_outside_peel_reports(results):
    assert all(not results[p]["judgments"] for p in ("003", "004"))


def test_grades_printed_twice_agree(results):
    for p in JUDGMENTS:
        checks = [c for c in results[p]["checks"] if c["check"].startswith("judgment_")]
        assert checks and all(c["passed"] for c in checks), checks


# ---------------------------------------------------------------- findings
AFI_COUNTS = {
    "000": {"investigating_crime": 2, "serious_organised_crime": 1},
    "001": {"serious_organised_crime": 1},
    "002": {"protecting_vulnerable": 3, "serious_organised_crime": 3},
    "003": {},
    "004": {},
}


def afi_counts(result: dict) -> dict:
    counts: dict = {}
    for r in result["findings"]:
        if r["kind"] == "area_for_improvement":
            counts[r["area"]] = counts.get(r["area"], 0) + 1
    return counts


@pytest.mark.parametrize("prefix", sorted(AFI_COUNTS))
def test_areas_for_improvement_exact_counts(results, prefix):
    assert afi_counts(results[prefix]) == AFI_COUNTS[prefix]


def test_sub_bullets_stay_inside_their_parent(results):
    texts = [r["text"] for r in results["002"]["findings"]]
    (parent,) = [t for t in texts if t.startswith("The force should improve its overall approach to safeguarding")]
    for part in (
        "low domestic abuse arrest rate",
        "body-worn video cameras",
        "multi-agency risk-assessment conferences",
        "obtain feedback from victims of domestic abuse",
    ):
        assert part in parent
    assert not any(t.startswith(("understanding", "clarifying", "ensuring", "implementing")) for t in texts)


def test_findings_are_whole_items(results):
    first = results["000"]["findings"][0]["text"]
    assert first == (
        "The force should ensure that all crimes are allocated to investigators with the appropriate skills, "
        "accreditation and experience to investigate them to a high standard."
    )


# ---------------------------------------------------------------- PCC response
def test_pcc_recommendations_carry_their_actions(results):
    actions = results["004"]["pcc_actions"]
    recs = [r for r in results["004"]["findings"] if r["kind"] == "recommendation"]
    assert len(recs) == 3 and all(r["area"] == "crime_data_integrity" for r in recs)
    per_rec = {}
    for a in actions:
        per_rec.setdefault(a["recommendation"], []).append(a["action"])
    assert [len(v) for v in per_rec.values()] == [3, 3, 4]
    assert list(per_rec) == [r["text"] for r in recs]
    assert (
        per_rec[recs[0]["text"]][1]
        == "Recognition of need to 'close the loop' to provide and act on individual and thematic feedback"
    )
    assert per_rec[recs[2]["text"]][-1].startswith("Each Basic Command Unit is expected to review their incident list")
    assert not any("<" in a["action"] or "•" in a["action"] for a in actions)


# ---------------------------------------------------------------- indicators
# (indicator, force value, England and Wales value or None)
INDICATORS = {
    "000": [
        ("crime_rate_recorded_crime_excluding_fraud", 38.1, 63.0),
        ("crime_rate_victim_based_crime", 30.4, 56.0),
        ("crime_rate_sexual_offences", 1.6, 1.6),
        ("crime_rate_assault_with_injury", 4.7, 6.3),
        ("crime_rate_burglary_in_a_dwelling", 2.5, 8.4),
        ("crime_rate_anti_social_behaviour_incidents", 33.2, 32.9),
        ("outcomes_number_charged_summonsed", 4405, 577678),
        ("outcomes_rate_charged_summonsed", 22.4, 16.0),
        ("outcomes_number_taken_into_consideration", 68, 21318),
        ("outcomes_rate_taken_into_consideration", 0.3, 0.6),
        ("outcomes_number_out_of_court_formal", 1790, 165384),
        ("outcomes_rate_out_of_court_formal", 9.1, 4.6),
        ("outcomes_number_caution_youths", 178, 19703),
        ("outcomes_rate_caution_youths", 0.9, 0.5),
        ("outcomes_number_caution_adults", 1293, 115000),
        ("outcomes_rate_caution_adults", 6.6, 3.2),
        ("outcomes_number_penalty_notices_for_disorder", 319, 30681),
        ("outcomes_rate_penalty_notices_for_disorder", 1.6, 0.8),
        ("outcomes_number_out_of_court_informal", 1622, 159915),
        ("outcomes_rate_out_of_court_informal", 8.2, 4.4),
        ("outcomes_number_cannabis_khat_warning", 818, 41964),
        ("outcomes_rate_cannabis_khat_warning", 4.2, 1.2),
        ("outcomes_number_community_resolution", 804, 117951),
        ("outcomes_rate_community_resolution", 4.1, 3.3),
        ("recorded_crime_change_since_2010_pct", -9, -13),
        ("victim_based_crime_change_since_2010_pct", -8, -12),
        ("recorded_crime_change_annual_pct", 7, 4),
        ("asb_incidents", 17130, None),
        ("asb_incidents_change_annual_pct", -17, -9),
        ("victim_satisfaction_pct", 87.4, 83.8),
        ("ocg_count", 23, None),
        ("ocg_per_million", 45, None),
        ("ocg_drug_activity_pct", 61, 64),
    ],
    "001": [
        ("crime_rate_recorded_crime_excluding_fraud", 63.7, 63.0),
        ("crime_rate_victim_based_crime", 56.4, 56.0),
        ("crime_rate_sexual_offences", 1.5, 1.6),
        ("crime_rate_assault_with_injury", 6.5, 6.3),
        ("crime_rate_burglary_in_a_dwelling", 6.4, 8.4),
        ("crime_rate_anti_social_behaviour_incidents", 46.5, 32.9),
        ("outcomes_number_charged_summonsed", 6488, 577678),
        ("outcomes_rate_charged_summonsed", 17.5, 16.0),
        ("outcomes_number_taken_into_consideration", 112, 21318),
        ("outcomes_rate_taken_into_consideration", 0.3, 0.6),
        ("outcomes_number_out_of_court_formal", 3167, 165384),
        ("outcomes_rate_out_of_court_formal", 8.6, 4.6),
        ("outcomes_number_caution_youths", 292, 19703),
        ("outcomes_rate_caution_youths", 0.8, 0.5),
        ("outcomes_number_caution_adults", 1538, 115000),
        ("outcomes_rate_caution_adults", 4.2, 3.2),
        ("outcomes_number_penalty_notices_for_disorder", 1337, 30681),
        ("outcomes_rate_penalty_notices_for_disorder", 3.6, 0.8),
        ("outcomes_number_out_of_court_informal", 1022, 159915),
        ("outcomes_rate_out_of_court_informal", 2.8, 4.4),
        ("outcomes_number_cannabis_khat_warning", 311, 41964),
        ("outcomes_rate_cannabis_khat_warning", 0.8, 1.2),
        ("outcomes_number_community_resolution", 711, 117951),
        ("outcomes_rate_community_resolution", 1.9, 3.3),
        ("recorded_crime_change_since_2010_pct", -25, -13),
        ("victim_based_crime_change_since_2010_pct", -26, -12),
        ("recorded_crime_change_annual_pct", 4, 4),
        ("asb_incidents", 27002, None),
        ("asb_incidents_change_annual_pct", -1, -9),
        ("victim_satisfaction_pct", 79.3, 83.8),
        ("iom_offenders", 228, None),
        ("ocg_count", 65, None),
        ("ocg_per_million", 112, None),
        ("ocg_drug_activity_pct", 72, 64),
    ],
    "002": [
        ("calls_for_assistance_per_1000", 338, 282),
        ("asb_incidents_per_1000", 37, 31),
        ("asb_incidents_change_pct", -16, -0.05),
        ("recorded_crime_per_1000", 74, 77),
        ("recorded_crime_change_pct", 13, 14),
        ("outcome_charged_summonsed_pct", 11, 10),
        ("outcome_evidential_difficulties_victim_pct", 17, 13),
        ("outcome_no_suspect_pct", 40, 48),
        ("domestic_abuse_incidents_per_1000", 1, 15),
        ("domestic_abuse_pct_of_crime", 13, 11),
        ("ocg_per_million", 33, 47),
        ("domestic_abuse_arrests_per_100_crimes", 36, 46),
        ("custody_place_of_safety_uses", 63, None),
        ("custody_place_of_safety_per_100k", 107.9, 17.5),
        ("dvpo_rate_per_100_da_offences", 0.2, 0.8),
        ("clares_law_right_to_know_applications", 32, None),
        ("clares_law_right_to_know_disclosures", 14, None),
        ("clares_law_right_to_know_disclosure_rate_pct", 44, None),
        ("clares_law_right_to_ask_applications", 23, None),
        ("clares_law_right_to_ask_disclosures", 5, None),
        ("clares_law_right_to_ask_disclosure_rate_pct", 22, None),
        ("marac_referrals_per_10k_females", 23, None),
        ("scpo_applications", 3, None),
        ("scpo_rate_per_100_ocgs", 6.8, 9.2),
    ],
    "003": [("stalking_harassment_change_annual_pct", 51.05, 14.09), ("stalking_harassment_recorded", 10199, None)],
}


def indicator_map(result: dict) -> dict:
    out = {}
    for r in result["indicators"]:
        out.setdefault(r["indicator"], (r["value"], r["england_wales"]))
    return out


@pytest.mark.parametrize("prefix", sorted(INDICATORS))
def test_printed_figures_with_their_comparator(results, prefix):
    found = indicator_map(results[prefix])
    missing = [(k, v, e) for k, v, e in INDICATORS[prefix] if found.get(k) != (v, e)]
    assert not missing, {k: found.get(k) for k, _, _ in missing}


def test_indicator_rows_carry_provenance(results):
    for p in INDICATORS:
        for r in results[p]["indicators"]:
            assert r["page"] >= 1 and r["evidence"] and r["unit"], r
    by_key = {r["indicator"]: r for r in results["000"]["indicators"]}
    assert (
        by_key["recorded_crime_change_since_2010_pct"]["period"]
        == "12 months to 30 June 2015 against 12 months to 30 June 2010"
    )
    assert by_key["crime_rate_burglary_in_a_dwelling"]["unit"] == "per 1,000 households"
    assert "fell by 9 percent" in by_key["recorded_crime_change_since_2010_pct"]["evidence"]


def test_outcome_totals_agree_with_their_parts(results):
    for p in ("000", "001"):
        totals = [c for c in results[p]["checks"] if c["check"].startswith("outcome_total")]
        assert len(totals) == 2 and all(c["passed"] for c in totals), totals


def test_checks_pass_on_the_seeds(results):
    failed = [(p, c) for p, r in results.items() for c in r["checks"] if not c["passed"]]
    assert not failed


# ---------------------------------------------------------------- privacy
def test_personal_email_is_redacted_in_every_output(tmp_path):
    from lib.run.batch import run

    out = tmp_path / "out"
    assert run(SEEDS, out, jobs=1, notebooks=False) == 0
    seen = [
        p
        for p in out.rglob("*")
        if p.is_file()
        and "@" in p.read_text(errors="ignore")
        and "dyfed-powys.police.uk" in p.read_text(errors="ignore")
    ]
    assert not seen
    raw = seed("003").read_text()
    assert "@dyfed-powys.police.uk" in raw, "the seed itself is never modified"


def test_redaction_rules():
    from lib.privacy import redact

    assert redact("write to jane.doe7@example.police.uk today") == "write to [email redacted] today"
    assert redact("enquiries@opcc.example.gov.uk") == "enquiries@opcc.example.gov.uk"
    assert redact("call 01267 226440 or 07700 900123") == "call [phone redacted] or [phone redacted]"
    assert (
        redact("577,678 outcomes; call 101 or 999; 30 June 2015") == "577,678 outcomes; call 101 or 999; 30 June 2015"
    )


def test_the_quick_scan_for_contact_details_misses_no_telephone_number():
    """``may_hold_contact`` (which ``redact`` asks too) lets a reader skip a text: it must say yes wherever the
    full telephone pattern finds a number."""
    import random

    from lib.privacy import PHONE, may_hold_contact

    shapes = ["+44 (0)20 7946 0000", "+442079460000", "(01267) 226440", "07700-900123", "0\u0661\u0662\u0663 456 7890"]
    rnd = random.Random(5)
    alphabet = list("0123456789 ()-+\u00a0\u0661x,.") + shapes
    texts = shapes + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 12))) for _ in range(20000)]
    numbers = [text for text in texts if PHONE.search(text)]
    assert len(numbers) > 100
    assert all(may_hold_contact(text) for text in numbers)


# ---------------------------------------------------------------- the same answers from other layouts
def comparable(result: dict) -> tuple:
    """What must not change with layout: grades, figures, findings (not pages or evidence)."""
    return (
        judgment_set(result),
        indicator_map(result),
        sorted((r["area"], r["kind"], " ".join(r["text"].split())) for r in result["findings"]),
        sorted((a["recommendation"], a["action"]) for a in result["pcc_actions"]),
    )


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
@pytest.mark.parametrize("width", [60, 100])
def test_rewrapped_prose_gives_the_same_tables(results, tmp_path, prefix, width):
    from tests.fixtures import rewrap

    path = rewrap(seed(prefix), tmp_path / f"report{seed(prefix).suffix}", width)
    assert comparable(process_document(path, "x")) == comparable(results[prefix])


@pytest.mark.parametrize(
    "prefix, old, new",
    [
        ("000", "Dyfed-Powys Police", "Cumbria Constabulary"),
        ("001", "Gwent Police", "North Yorkshire Police"),
        ("002", "Gwent Police", "West Midlands Police"),
        ("004", "Dyfed-Powys Police", "Thames Valley Police"),
    ],
)
def test_another_force_gives_the_same_answers_for_that_force(results, tmp_path, prefix, old, new):
    from tests.fixtures import swap_force

    path = swap_force(seed(prefix), tmp_path / f"report{seed(prefix).suffix}", old, new)
    other = process_document(path, "x")
    assert other["document"]["force"] == new
    assert {r["force"] for t in ("judgments", "indicators", "findings") for r in other[t]} <= {new}
    assert comparable(other) == comparable(results[prefix])


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
@pytest.mark.parametrize("columns", [1, 2])
@pytest.mark.parametrize("styled", [False, True])  # headings set larger and bold, as real reports are
def test_pdf_gives_the_same_tables_as_text(results, tmp_path, prefix, columns, styled):
    from tests.fixtures import render_pdf

    path = render_pdf(seed(prefix), tmp_path / "report.pdf", columns=columns, styled=styled)
    pdf = process_document(path, "x")
    assert pdf["document"]["format"] == "pdf" and pdf["document"]["status"] == "ok", pdf["document"]["error"]
    assert comparable(pdf) == comparable(results[prefix])


# ---------------------------------------------------------------- phrasings the seeds do not use
def test_generic_comparison_sentences_keep_their_comparator():
    from lib.extract.indicators import generic_comparisons
    from lib.text import Sentence

    rows = generic_comparisons(
        [
            Sentence(
                3,
                "In the 12 months to 31 March 2019, the force used stop and search 5.2 times per 1,000 population, "
                "compared with an England and Wales rate of 7.1.",
            ),
            Sentence(5, "Kent Police answered 91.3 percent of 999 calls within ten seconds."),
            Sentence(5, "This compares with 85.0 percent across England and Wales."),
        ],
        set(),
    )
    assert [(r["value"], r["england_wales"], r["unit"]) for r in rows] == [
        (5.2, 7.1, "per 1,000 population"),
        (91.3, 85.0, "percent"),
    ]
    assert rows[0]["period"] == "12 months to 31 March 2019" and rows[1]["page"] == 5


def test_five_point_scale_from_2021():
    from lib.vocab import grade_score, scale_for

    assert scale_for(2021) == "five_point" and scale_for(2019) == "four_point"
    assert grade_score("Adequate", "five_point") == 3 and grade_score("Good", "five_point") == 4
    assert grade_score("Good", "four_point") == 3 and grade_score("Adequate", "four_point") is None


def test_judgments_from_a_2021_style_report(tmp_path):
    """Area pages of the 2021+ reports: the area's heading, its grade on the next line, then a sentence."""
    text = (
        "PEEL 2021/22\nPolice effectiveness, efficiency and legitimacy\nAn inspection of Kent Police\n\n"
        "HMICFRS graded judgments are given in nine areas.\n\n"
        "Investigating crime\nAdequate\nKent Police is adequate at investigating crime.\n\n"
        "Protecting vulnerable people\nGood\nThe force is good at protecting vulnerable people.\n\n"
        "Responding to the public\nRequires improvement\n\n"
        "Areas for improvement\n• The force should answer 999 calls promptly.\n\n"
        "Kent Police is outstanding at preventing crime and anti-social behaviour.\n"
    )
    path = tmp_path / "kent.txt"
    path.write_text(text)
    result = process_document(path, "kent")
    doc = result["document"]
    assert (doc["doc_type"], doc["force"], doc["year"], doc["pillar"]) == (
        "peel_report",
        "Kent Police",
        2021,
        "integrated",
    )
    grades = {(r["area"], r["grade"], r["grade_score"], r["scale"]) for r in result["judgments"]}
    assert grades == {
        ("investigating_crime", "Adequate", 3, "five_point"),
        ("protecting_vulnerable", "Good", 4, "five_point"),
        ("responding_to_public", "Requires improvement", 2, "five_point"),
        ("preventing_crime", "Outstanding", 5, "five_point"),
    }
    assert [(f["area"], f["kind"]) for f in result["findings"]] == [("responding_to_public", "area_for_improvement")]


def test_judgments_from_an_efficiency_report(tmp_path):
    text = (
        "PEEL: Police efficiency 2016\nAn inspection of Essex Police\n\n"
        "How efficient is the force at keeping people safe and reducing crime?\n\nOverall judgment\nGood\n\n"
        "How well does the force understand demand?\n"
        "The force has a good understanding of demand, as the inspection found.\n\n"
        "Summary of findings\nGood\n\n"
        "How well does the force use its resources to meet its demand?\nSummary of findings\nRequires improvement\n\n"
        "Areas for improvement\n• The force should review its workforce model.\n\n"
        "How well is the force planning for demand in the future?\n\nSummary of findings Good\n"
    )
    path = tmp_path / "essex.txt"
    path.write_text(text)
    result = process_document(path, "essex")
    assert (result["document"]["pillar"], result["document"]["force"], result["document"]["year"]) == (
        "efficiency",
        "Essex Police",
        2016,
    )
    assert judgment_set(result) == {
        ("overall", "Good", None),
        ("understanding_demand", "Good", None),
        ("meeting_demand", "Requires improvement", None),
        ("planning_for_future", "Good", None),
    }
    assert [(f["area"], f["text"]) for f in result["findings"]] == [
        ("meeting_demand", "The force should review its workforce model.")
    ]


def test_a_missing_grade_fails_loudly_with_the_pattern(tmp_path, capsys):
    from lib.run.batch import run

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "kent.txt").write_text(
        "PEEL: Police effectiveness 2015\nAn inspection of Kent Police\n\n"
        "HMIC found that the force is improving. Areas for improvement are set out below.\n\n"
        "How effective is the force at preventing crime and anti-social behaviour, and keeping people safe?\n\n"
        "The force works with partners.\n\nSummary of findings\nGood\n"
    )
    assert run(folder, tmp_path / "out", notebooks=False) == 0
    said = capsys.readouterr().out
    assert "CHECK FAILED judgment_present:overall" in said and "Summary of findings" in said
    assert "judgment_present:preventing_crime" not in said


def test_area_labels_are_the_printed_questions(results):
    labels = {p: {r["area"]: r["area_label"] for r in results[p]["judgments"]} for p in JUDGMENTS}
    for p in ("000", "001"):
        assert (
            labels[p]["investigating_crime"]
            == "How effective is the force at investigating crime and managing offenders?"
        )
        assert labels[p]["preventing_crime"] == (
            "How effective is the force at preventing crime and anti-social behaviour, and keeping people safe?"
        )
    assert labels["002"]["preventing_crime"] == "Preventing crime and tackling anti-social behaviour"
    assert labels["002"]["protecting_vulnerable"] == "Protecting vulnerable people"


def test_integrated_report_keeps_the_three_pillars_apart(tmp_path):
    text = (
        "PEEL: Police effectiveness, efficiency and legitimacy 2018/19\nAn inspection of Surrey Police\n\n"
        "How effective is the force at keeping people safe and reducing crime?\nGood\n\n"
        "How efficient is the force at keeping people safe and reducing crime?\nRequires improvement\n\n"
        "How legitimate is the force at keeping people safe and reducing crime?\nOutstanding\n\n"
        "How effective is the force at protecting vulnerable people?\nGood\n\n"
        "HMICFRS found the force is improving; the force is efficient and how efficient the force is matters.\n"
    )
    path = tmp_path / "surrey.txt"
    path.write_text(text)
    result = process_document(path, "surrey")
    assert (result["document"]["pillar"], result["document"]["year"]) == ("integrated", 2018)
    # Each pillar's own grade is an overall row of that pillar; a question carries the pillar of its area.
    assert {(r["area"], r["pillar"], r["grade"]) for r in result["judgments"]} == {
        ("overall", "effectiveness", "Good"),
        ("overall", "efficiency", "Requires improvement"),
        ("overall", "legitimacy", "Outstanding"),
        ("protecting_vulnerable", "effectiveness", "Good"),
    }
