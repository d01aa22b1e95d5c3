"""Classification on any text: type, force, year, cycle, pillar and inspectorate from the content alone."""

from __future__ import annotations

import pytest

from lib.pipeline import process_document


def classify_text(tmp_path, text, suffix=".txt"):
    path = tmp_path / f"doc{suffix}"
    path.write_text(text, encoding="utf-8")
    return process_document(path, "d")["document"]


def test_new_hampshire_is_not_hampshire_constabulary(tmp_path):
    doc = classify_text(
        tmp_path,
        "New Hampshire State Police annual report 2019\n\nThe New Hampshire State Police patrols the state of New "
        "Hampshire, United States. New Hampshire troopers answered 40,000 calls.\n",
    )
    assert doc["force"] in (None, "") and doc["doc_type"] == "unknown"


def test_new_south_wales_is_not_south_wales_police(tmp_path):
    doc = classify_text(
        tmp_path,
        "NSW Police Force annual report\n\nNew South Wales Police Force serves New South Wales, Australia. "
        "The New South Wales force grew.\n",
    )
    assert doc["force"] in (None, "")


@pytest.mark.parametrize(
    "title, year, cycle",
    [
        ("PEEL: Police effectiveness, efficiency and legitimacy 2018/19", 2018, "2018/19"),
        ("PEEL 2021/22 Police effectiveness, efficiency and legitimacy", 2021, "2021/22"),
        ("PEEL 2023–25 Police effectiveness, efficiency and legitimacy", 2023, "2023–25"),
        ("PEEL: Police effectiveness 2016", 2016, ""),
    ],
)
def test_year_is_the_first_year_and_cycle_as_printed(tmp_path, title, year, cycle):
    doc = classify_text(
        tmp_path,
        f"HMICFRS\n\n{title}\n\nAn inspection of Kent Police\n\nSummary of findings\n\nGood\n\n"
        "Areas for improvement\n\n• The force should improve.\n",
    )
    assert (doc["doc_type"], doc["force"], doc["year"], doc["cycle"]) == ("peel_report", "Kent Police", year, cycle)


def test_a_commissioners_letter_is_a_response_with_no_inspectorate(tmp_path):
    doc = classify_text(
        tmp_path,
        "Office of the Police and Crime Commissioner for Surrey\n\n1 June 2022\n\nDear Mr Cooke,\n\n"
        "Section 55 response to the HMICFRS PEEL 2021/22 inspection of Surrey Police. The force was graded good "
        "in three areas, and the report sets out areas for improvement.\n\nYours sincerely,\n",
    )
    assert (doc["doc_type"], doc["force"], doc["inspectorate"], doc["year"]) == (
        "pcc_response",
        "Surrey Police",
        "",
        2021,
    )


def test_the_inspectorates_web_page_is_typed_by_its_content(tmp_path):
    page = (
        "<html><head><title>Kent PEEL 2016</title></head><body><nav><a href='/'>Home</a></nav><main>"
        "<h1>Kent Police: PEEL effectiveness 2016</h1>"
        "<p>HM Inspectorate of Constabulary (HMIC) assesses forces every year.</p>"
        "<h2>How effective is the force at keeping people safe and reducing crime?</h2>"
        "<p>The extent to which the force is effective at keeping people safe and reducing crime is good.</p>"
        "<p>Kent Police is good at preventing crime and tackling anti-social behaviour.</p>"
        "<p>Kent Police requires improvement in how it investigates crime and reduces re-offending.</p>"
        "</main><footer>Crown copyright</footer></body></html>"
    )
    path = tmp_path / "kent.html"
    path.write_text(page, encoding="utf-8")
    result = process_document(path, "k")
    doc = result["document"]
    assert (doc["doc_type"], doc["force"], doc["year"], doc["pillar"], doc["inspectorate"]) == (
        "peel_report",
        "Kent Police",
        2016,
        "effectiveness",
        "HMIC",
    )
    assert {(r["area"], r["grade"]) for r in result["judgments"]} == {
        ("overall", "Good"),
        ("preventing_crime", "Good"),
        ("investigating_crime", "Requires improvement"),
    }


def test_a_saved_page_gives_its_title_date_and_inspectorate_by_year(tmp_path):
    page = (
        "<html><body><header>HMICFRS banner</header><main>"
        "<h1>PEEL 2023–25 Police effectiveness, efficiency and legitimacy: An inspection of Merseyside Police</h1>"
        "<p>Published on: 12 February 2025</p><h2>Our judgments</h2>"
        "<table><tr><th>Area of policing</th><th>Grade</th></tr><tr><td>Preventing crime</td><td>Good</td></tr>"
        "<tr><td>Investigating crime</td><td>Adequate</td></tr></table>"
        "<h2>Investigating crime</h2><p>Adequate</p><h3>Area for improvement 1</h3>"
        "<p>The force should pursue suspects promptly.</p></main><footer>Crown copyright</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = process_document(path, "p")
    doc = result["document"]
    assert doc["title"].startswith("PEEL 2023–25 Police effectiveness") and doc["title"].endswith("Merseyside Police")
    assert (doc["published"], doc["inspectorate"], doc["year"], doc["cycle"]) == (
        "2025-02-12",
        "HMICFRS",
        2023,
        "2023–25",
    )
    assert {(r["area"], r["grade"]) for r in result["judgments"]} == {
        ("preventing_crime", "Good"),
        ("investigating_crime", "Adequate"),
    }
    assert [(f["kind"], f["area"]) for f in result["findings"]] == [("area_for_improvement", "investigating_crime")]


def test_the_names_pattern_finds_what_the_plain_alternation_finds():
    import re

    from lib import forces as F

    pattern, lookup = F._pattern()
    plain = "|".join(re.escape(n) for n in sorted(lookup, key=len, reverse=True))
    slow = re.compile(rf"(?<![\w-])(?<!New )(?:{plain})(?![\w-])", re.I)
    text = (
        "Dyfed-Powys Police and Heddlu Dyfed-Powys met South Wales Police, then South Wales, Gwent, the Met, "
        "New South Wales Police, West Yorkshire Police and Avon and Somerset; safer-Gwent stays out. "
        "North Yorkshire and Hampshire Constabulary, the City of London Police, Devon and Cornwall."
    )
    assert [m.group(0) for m in pattern.finditer(text)] == [m.group(0) for m in slow.finditer(text)]
    assert F.mentions(text)["South Wales Police"] == 2
