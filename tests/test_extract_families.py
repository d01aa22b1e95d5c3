"""Variants of the later report families, built here (other forces, other renderings): the grade graphic as an
HTML table and as a text export, a 2018/19 summary with Good* and its footnote, a press release, and the
report's checks of itself ("graded judgments in N of these M", a printed count of causes of concern)."""

from __future__ import annotations

import pytest

from lib.pipeline import process_document

GRAPHIC_HTML = """<html><body><header>Cookies: accept</header><main>
<h1>PEEL 2021/22 Police effectiveness, efficiency and legitimacy: An inspection of Lincolnshire Police</h1>
<p>HMICFRS</p>
<h2>Our judgments</h2>
<p>Our inspection assessed how good Lincolnshire Police is in ten areas of policing. We make graded judgments
in {n} of these ten as follows:</p>
<table><tr><th>Outstanding</th><th>Good</th><th>Adequate</th><th>Requires improvement</th><th>Inadequate</th></tr>
<tr><td></td><td>Preventing crime</td><td>Treatment of the public</td><td>Investigating crime</td>
<td>Responding to the public</td></tr>
<tr><td></td><td>Disrupting serious organised crime</td><td>Managing offenders and suspects</td>
<td>Good use of resources</td><td></td></tr>
<tr><td></td><td>Protecting vulnerable people</td><td>Developing a positive workplace</td><td></td><td></td></tr>
</table>
<p>We don't make a graded judgment in the victims area. I have identified {c} cause of concern.</p>
<h2>Responding to the public</h2><p>Inadequate</p>
<aside><h3>Cause of concern</h3><p>The force isn't answering calls quickly enough.</p>
<h4>Recommendations</h4><p>Within six months, the force should:</p>
<ul><li>answer emergency calls within ten seconds;</li><li>recruit more call handlers.</li></ul></aside>
<h2>Investigating crime</h2><p>Requires improvement</p>
<h3>Areas for improvement</h3><ul><li>The force should supervise investigations.</li></ul>
<aside><h3>Innovative practice</h3><p>The force should be proud of its hub.</p></aside>
</main><footer>Crown copyright</footer></body></html>"""


def run(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return process_document(path, "d")


def test_grade_graphic_as_an_html_table_of_another_force(tmp_path):
    result = run(tmp_path, "lincs.html", GRAPHIC_HTML.format(n="nine", c="one"))
    doc = result["document"]
    assert (doc["doc_type"], doc["force"], doc["year"], doc["cycle"]) == (
        "peel_report",
        "Lincolnshire Police",
        2021,
        "2021/22",
    )
    grades = {(r["area"], r["grade"]) for r in result["judgments"]}
    assert grades == {
        ("preventing_crime", "Good"),
        ("serious_organised_crime", "Good"),
        ("protecting_vulnerable", "Good"),
        ("treatment_of_public", "Adequate"),
        ("managing_offenders", "Adequate"),
        ("workforce", "Adequate"),
        ("investigating_crime", "Requires improvement"),
        ("strategic_planning", "Requires improvement"),
        ("responding_to_public", "Inadequate"),
    }
    assert all(r["scale"] == "five_point" and r["cycle"] == "2021/22" for r in result["judgments"])
    kinds = [(f["kind"], f["area"]) for f in result["findings"]]
    assert kinds == [
        ("cause_of_concern", "responding_to_public"),
        ("recommendation", "responding_to_public"),
        ("recommendation", "responding_to_public"),
        ("area_for_improvement", "investigating_crime"),
    ]
    checks = {c["check"]: c for c in result["checks"]}
    assert checks["graded_count"]["passed"] and checks["cause_count"]["passed"]


def test_a_report_that_says_it_grades_more_areas_than_were_found_fails_its_check(tmp_path):
    result = run(tmp_path, "lincs.html", GRAPHIC_HTML.format(n="ten", c="two"))
    checks = {c["check"]: c for c in result["checks"]}
    assert not checks["graded_count"]["passed"] and "10 areas; 9 found" in checks["graded_count"]["detail"]
    assert not checks["cause_count"]["passed"] and "2 printed, 1 found" in checks["cause_count"]["detail"]


GRAPHIC_TEXT = """HMICFRS

PEEL 2021/22
Police effectiveness, efficiency and legitimacy
An inspection of Cumbria Constabulary

Our judgments

Our inspection assessed how good Cumbria Constabulary is in ten areas of policing. We make graded judgments
in nine of these ten as follows:

Outstanding      Good               Adequate             Requires improvement   Inadequate
                 Preventing crime   Treatment of the     Investigating crime    Responding to the
                                    public                                      public
                 Disrupting serious Managing offenders   Good use of
                 organised crime    and suspects         resources
                 Protecting         Developing a
                 vulnerable people  positive workplace

We set out our detailed findings in the rest of this report.
"""


def test_grade_graphic_as_a_text_export(tmp_path):
    result = run(tmp_path, "cumbria.txt", GRAPHIC_TEXT)
    assert result["document"]["force"] == "Cumbria Constabulary"
    grades = {(r["area"], r["grade"]) for r in result["judgments"]}
    assert ("workforce", "Adequate") in grades and ("responding_to_public", "Inadequate") in grades
    assert len(grades) == 9
    assert {c["check"]: c["passed"] for c in result["checks"]}["graded_count"]


SUMMARY_2018 = (
    "PEEL: Police effectiveness, efficiency and legitimacy 2018/19\n\nAn inspection of Wiltshire Police\n\nHMICFRS\n\n"
    "Overall summary\n\n"
    "Pillar / question\tGrade\n"
    "Effectiveness\tRequires improvement\n"
    "Preventing crime and tackling anti-social behaviour\tGood\n"
    "Investigating crime\tRequires improvement*\n"
    "Efficiency\tGood\n"
    "Planning for the future\tGood*\n"
    "Legitimacy\tGood\n"
    "Ethical and lawful workforce behaviour\tGood\n\n"
    "* Grade carried over from the 2017 inspection.\n\n"
    "Wiltshire Police has areas for improvement; the Summary of findings follows.\n"
)


@pytest.mark.parametrize("separator", ["\t", "   "])  # cells as tabs, or as columns of spaces (a text export)
def test_a_2018_19_summary_with_good_star_and_its_footnote(tmp_path, separator):
    result = run(tmp_path, "wilts.txt", SUMMARY_2018.replace("\t", separator))
    rows = {(r["area"], r["pillar"], r["grade"], r["last_inspected"]) for r in result["judgments"]}
    assert rows == {
        ("overall", "effectiveness", "Requires improvement", None),
        ("preventing_crime", "effectiveness", "Good", None),
        ("investigating_crime", "effectiveness", "Requires improvement", "2017"),
        ("overall", "efficiency", "Good", None),
        ("planning_for_future", "efficiency", "Good", "2017"),
        ("overall", "legitimacy", "Good", None),
        ("ethical_behaviour", "legitimacy", "Good", None),
    }
    assert all("*" not in r["grade"] for r in result["judgments"])


PRESS = """HMIC press release, 2 March 2017

PEEL: Police effectiveness 2016 – Durham Constabulary

Durham Constabulary has been graded 'outstanding' at keeping people safe and reducing crime, according to a
report published today by HM Inspectorate of Constabulary (HMIC). Durham Constabulary is 'outstanding' at
preventing crime and tackling anti-social behaviour. The constabulary was judged to be good at this last year.
HMIC grades forces as outstanding, good, requires improvement or inadequate.
"""


def test_a_press_release_states_grades_in_quotes(tmp_path):
    result = run(tmp_path, "press.txt", PRESS)
    doc = result["document"]
    assert (doc["doc_type"], doc["force"], doc["year"], doc["pillar"]) == (
        "peel_report",
        "Durham Constabulary",
        2016,
        "effectiveness",
    )
    assert {(r["area"], r["grade"]) for r in result["judgments"]} == {
        ("overall", "Outstanding"),
        ("preventing_crime", "Outstanding"),
    }
    assert all(r["page"] == 1 and "outstanding" in r["evidence"] for r in result["judgments"])


REFLOWED = """HMIC
PEEL: Police legitimacy 2016
An inspection of Norfolk Constabulary
Force in numbers
Stop and search rate per 1,000 population Norfolk
Constabulary 3.1 England and Wales 7.4 For further information, see Annex A.
To what extent does the force treat its workforce with fairness and respect?
Supervisors do not always have time for wellbeing conversations. Areas for
improvement
• The constabulary should improve the way it manages the individual performance of its officers
and staff.
Summary of findings
Good
"""


def test_reflowed_text_keeps_a_split_heading_and_a_panel_run_into_prose(tmp_path):
    result = run(tmp_path, "norfolk.txt", REFLOWED)
    assert result["document"]["force"] == "Norfolk Constabulary"
    assert [(f["kind"], f["text"]) for f in result["findings"]] == [
        (
            "area_for_improvement",
            "The constabulary should improve the way it manages the individual performance of its officers and staff.",
        )
    ]
    figures = {(r["value"], r["england_wales"]) for r in result["indicators"]}
    assert (3.1, 7.4) in figures


FORCE_PAGE = """<html><head><title>Essex 2016 effectiveness - HMICFRS</title></head><body>
<div class="cookie">We use cookies. Accept</div><nav><ul><li>Home</li><li>PEEL assessments</li></ul></nav>
<main>
<h1>PEEL: Police effectiveness 2016 – Essex Police</h1>
<p>Published: 2 March 2017</p>
<h2>Effectiveness</h2>
<h3>The extent to which the force is effective at keeping people safe and reducing crime</h3>
<p>Requires improvement</p>
<p>Essex Police's overall effectiveness requires improvement, as in last year's assessment.</p>
<h2>Questions for Effectiveness</h2>
<ol>
<li>How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?</li>
</ol>
<p>Good</p>
<p>Essex Police is good at preventing crime, tackling anti-social behaviour and keeping people safe.</p>
<ol start="2"><li>How effective is the force at investigating crime and reducing re-offending?</li></ol>
<p>Requires improvement</p>
<p>Essex Police requires improvement in how it investigates crime and reduces re-offending.</p>
<ol start="3"><li>How effective is the force at protecting those who are vulnerable from harm,
and supporting victims?</li></ol>
<p>Inadequate</p>
<ol start="4"><li>How effective is the force at tackling serious and organised crime?</li></ol>
<p>Good</p>
<p>The judgment from 2015 has been carried over.</p>
<h2>Efficiency</h2>
<p>Not yet graded</p>
<p>Our efficiency judgment for Essex Police will be published later. Last year we judged the force to be good.</p>
</main><footer>© Crown copyright</footer></body></html>
"""


def test_the_inspectorates_force_page_with_numbered_questions_and_a_grade_carried_over(tmp_path):
    result = run(tmp_path, "page.html", FORCE_PAGE)
    rows = {(r["area"], r["grade"], r["last_inspected"]) for r in result["judgments"]}
    assert rows == {
        ("overall", "Requires improvement", None),
        ("preventing_crime", "Good", None),
        ("investigating_crime", "Requires improvement", None),
        ("protecting_vulnerable", "Inadequate", None),
        ("serious_organised_crime", "Good", "2015"),
    }  # "Not yet graded" (efficiency) and last year's grade are not grades


def test_one_sentence_grading_two_areas_joined_by_and_at(tmp_path):
    text = (
        "HMICFRS news release: PEEL legitimacy 2017\n\nGloucestershire Constabulary has been judged as 'good' in how "
        "legitimately it keeps people safe and reduces crime. Gloucestershire Constabulary is good at treating the "
        "public fairly and at ensuring its workforce behaves ethically and lawfully. The force requires improvement "
        "in how it treats its workforce fairly.\n"
    )
    result = run(tmp_path, "release.txt", text)
    assert result["document"]["pillar"] == "legitimacy"
    assert {(r["area"], r["grade"]) for r in result["judgments"]} == {
        ("overall", "Good"),
        ("treatment_of_public", "Good"),
        ("ethical_behaviour", "Good"),
        ("treating_workforce_fairly", "Requires improvement"),
    }


# Excerpts of the inspectorate's pages and press releases (2014-2019), as users paste them: no HMIC or PEEL
# named in some, grades only in sentences, several grades in one sentence.
PAGES = {
    "pillar_page_2017": (
        "Bedfordshire Police\nEffectiveness 2017\n\nHow effective is the force at keeping people safe and "
        "reducing crime?\n\nThe extent to which the force is effective at keeping people safe and "
        "reducing crime is good.\n\nBedfordshire Police is good at preventing crime and tackling "
        "anti-social behaviour. It requires improvement in how it protects vulnerable people. The "
        "judgment from 2016 on investigating crime has been carried over.\n",
        (
            "effectiveness",
            {("overall", "Good"), ("preventing_crime", "Good"), ("protecting_vulnerable", "Requires improvement")},
        ),
    ),
    "page_2014": (
        "Cumbria Constabulary - PEEL 2014 effectiveness\n\nHow effective is the force at reducing crime "
        "and preventing offending?\nGood\n\nCumbria Constabulary is good at reducing crime and preventing "
        "offending. The constabulary is good at investigating offending. It requires improvement in the "
        "way it tackles anti-social behaviour.\n",
        (
            "effectiveness",
            {
                ("preventing_crime", "Good"),
                ("investigating_crime", "Good"),
                ("anti_social_behaviour", "Requires improvement"),
            },
        ),
    ),
    "efficiency_page": (
        "Police efficiency 2017 – Lincolnshire Police\n\nHow efficient is the force at keeping people "
        "safe and reducing crime?\nInadequate\n\nLast updated 09/11/2017\n\nLincolnshire Police has been "
        "assessed as inadequate in respect of the efficiency with which it keeps people safe and "
        "reduces crime. Our judgment on how well the force meets current demands is requires "
        "improvement. The force is inadequate at planning for the future.\n",
        (
            "efficiency",
            {
                ("overall", "Inadequate"),
                ("meeting_demand", "Requires improvement"),
                ("planning_for_future", "Inadequate"),
            },
        ),
    ),
    "press_release": (
        "Press release: West Midlands Police rated 'outstanding' for efficiency\n\n9 November 2017\n\nWest "
        "Midlands Police has been rated as 'outstanding' for the efficiency with which it keeps people "
        "safe and reduces crime, Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services "
        "(HMICFRS) said today. The force is 'outstanding' at meeting current demands and using its "
        "resources and 'good' at planning for the future.\n",
        (
            "efficiency",
            {("overall", "Outstanding"), ("meeting_demand", "Outstanding"), ("planning_for_future", "Good")},
        ),
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_excerpts_of_the_inspectorates_pages_are_read_for_their_grades(tmp_path, name):
    text, (pillar, grades) = PAGES[name]
    result = run(tmp_path, f"{name}.txt", text)
    assert (result["document"]["doc_type"], result["document"]["pillar"]) == ("peel_report", pillar)
    assert {(r["area"], r["grade"]) for r in result["judgments"]} == grades


def test_a_heading_wrapped_over_two_lines_in_text_names_its_area(tmp_path):
    text = (
        "HMICFRS\nPEEL 2021/22\nAn inspection of Kent Police\nOur judgments\nAreas for improvement\n"
        "• The force should make sure that body-worn video is used.\n"
        "Preventing and deterring crime and anti-social behaviour, and\nreducing vulnerability\nGood\n"
        "Protecting vulnerable people\nAdequate\n"
    )
    result = run(tmp_path, "kent.txt", text)
    assert {(r["area"], r["grade"]) for r in result["judgments"]} == {
        ("preventing_crime", "Good"),
        ("protecting_vulnerable", "Adequate"),
    }


def test_a_panel_whose_comparator_figure_wrapped_onto_the_next_line(tmp_path):
    text = (
        "HMIC\nPEEL: Police legitimacy 2016\nAn inspection of Essex Police\nForce in numbers\n"
        "Public complaints against officers and staff per\n1,000 workforce\nEssex Police 247 England and Wales\n229\n"
        "Summary of findings\nGood\nAreas for improvement\n• The force should improve.\n"
    )
    result = run(tmp_path, "essex.txt", text)
    assert {(r["value"], r["england_wales"]) for r in result["indicators"]} >= {(247.0, 229.0)}


def test_the_victim_service_assessment_is_not_a_judgment(tmp_path):
    text = (
        "HMICFRS\nPEEL 2021/22\nAn inspection of Dorset Police\nOur judgments\nAreas for improvement\n\n"
        "Providing a service to the victims of crime\nNot graded\n\nInvestigating crime\nGood\n"
    )
    result = run(tmp_path, "dorset.txt", text)
    assert {(r["area"], r["grade"]) for r in result["judgments"]} == {("investigating_crime", "Good")}
