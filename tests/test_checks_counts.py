"""The report's own count of its grades, said in plain words: "n of m graded areas read", from the number it
states ("graded judgments in nine of these ten areas") and from the rows of its summary table or graphic."""

from __future__ import annotations

from lib.checks import summary_entries
from lib.pipeline import process_document

GRAPHIC = """<html><body><main>
<h1>PEEL 2021/22 Police effectiveness, efficiency and legitimacy: An inspection of Norfolk Constabulary</h1>
<p>HMICFRS</p>
<h2>Our judgments</h2>
<p>Our inspection assessed how good Norfolk Constabulary is in eleven areas of policing. We make graded
judgments in {n} of these eleven as follows:</p>
<table><tr><th>Outstanding</th><th>Good</th><th>Adequate</th><th>Requires improvement</th><th>Inadequate</th></tr>
<tr><td></td><td>Preventing crime Tackling rural crime</td><td>Treatment of the public</td>
<td>Investigating crime</td><td>Responding to the public</td></tr>
</table>
<h2>Investigating crime</h2><p>Requires improvement</p>
<h3>Areas for improvement</h3><ul><li>The force should supervise investigations.</li></ul>
</main></body></html>"""


def _checks(tmp_path, n):
    path = tmp_path / "norfolk.html"
    path.write_text(GRAPHIC.format(n=n), encoding="utf-8")
    return {c["check"]: c for c in process_document(path, "d")["checks"]}


def test_every_row_of_the_graphic_read_or_the_one_not_read_named(tmp_path):
    checks = _checks(tmp_path, "five")
    assert not checks["summary_read"]["passed"]
    assert checks["summary_read"]["detail"].startswith("4 of 5 graded areas read")
    assert "Tackling rural crime (Good)" in checks["summary_read"]["detail"]


def test_the_number_the_report_states_said_in_plain_words(tmp_path):
    checks = _checks(tmp_path, "four")
    assert checks["graded_count"]["passed"]
    assert checks["graded_count"]["detail"].startswith("4 of 4 graded areas read")
    checks = _checks(tmp_path, "six")
    assert not checks["graded_count"]["passed"]
    assert checks["graded_count"]["detail"].startswith("4 of 6 graded areas read")


def test_summary_rows_of_a_judgments_table_leave_out_ungraded_and_headers():
    rows = [
        ["Question", "Judgment", "Last inspected"],
        ["Effectiveness", "Good", ""],
        ["Preventing crime", "Good", "2016"],
        ["Specialist capabilities", "Ungraded", ""],
        ["Investigating crime", "Requires improvement", "2017"],
    ]
    assert summary_entries(rows) == [
        ("Effectiveness", "Good"),
        ("Preventing crime", "Good"),
        ("Investigating crime", "Requires improvement"),
    ]


def test_the_question_sets_of_2014_and_2015_efficiency_and_the_armed_response_row():
    from lib.checks import question_set
    from lib.model import Document

    doc = Document(path="x.txt", source="x.txt", format="text", sha256="", pages=[])
    rows_2014 = [
        {"area": "preventing_crime", "pillar": None, "grade": "Good"},
        {"area": "investigating_crime", "pillar": None, "grade": "Good"},
        {"area": "overall", "pillar": "efficiency", "grade": "Good"},
    ]
    checks = {c["check"]: c["passed"] for c in question_set({"pillar": "", "year": 2014}, rows_2014, doc)}
    assert checks == {
        "judgment_present:preventing_crime": True,
        "judgment_present:investigating_crime": True,
        "judgment_present:anti_social_behaviour": False,
        "judgment_present:overall:efficiency": True,
    }
    rows_2017 = [
        {"area": a, "pillar": "effectiveness", "grade": "Good"}
        for a in ("overall", "preventing_crime", "armed_policing")
    ]
    checks = {c["check"]: c["passed"] for c in question_set({"pillar": "effectiveness", "year": 2017}, rows_2017, doc)}
    assert checks["judgment_present:specialist_capabilities"]


def test_an_area_of_the_family_the_report_says_it_does_not_grade_is_no_failure(tmp_path):
    # "eight of these nine": serious organised crime reported separately; every area it grades read.
    checks = _checks(tmp_path, "four")
    assert checks["judgment_present:serious_organised_crime"]["passed"]
    assert "it grades 4 areas" in checks["judgment_present:serious_organised_crime"]["detail"]
    checks = _checks(tmp_path, "six")
    assert not checks["judgment_present:serious_organised_crime"]["passed"]
