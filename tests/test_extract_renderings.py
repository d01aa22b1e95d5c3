"""The later families as other tools print them, built here: text exports of the "Force in numbers" grid and of
the 2018/19 summary table, printed titles, re-wrapped and capitalised text, grade graphics as Markdown and as
lines, tab-separated judgments, Word headings, web pages and press releases stating grades in sentences."""

from __future__ import annotations

import pytest

from lib.pipeline import process_document


def run(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return process_document(path, "d")


HEAD_2016 = "HMIC\nPEEL: Police legitimacy 2016\nAn inspection of {force}\n\nOverall judgment\nGood\n\n"
TAIL_2016 = "\nAreas for improvement\n• The constabulary should improve how it vets its staff.\n"

GRID_LAYOUT = """Force in numbers

   Public complaints against officers and staff per    Norfolk Constabulary   England and Wales
   1,000 workforce                                     198                    229
                                                       Norfolk Constabulary   England and Wales
   Stop and search rate per 1,000 population
                                                       5.6                    7.4

For further information about the data in this graphic, please see Annex A.
"""

GRID_PLAIN = """Force in numbers
Public complaints against officers and staff per
1,000 workforce

Stop and search rate per 1,000 population

Norfolk Constabulary

England and Wales

Norfolk Constabulary

England and Wales

198
5.6

229
7.4

For further information about the data in this graphic, please see Annex A.
"""


WRAPPED = ("please see Annex A.", "please see\nAnnex A.")  # the note after the grid re-wrapped at 70 columns


@pytest.mark.parametrize(
    "grid",
    [GRID_LAYOUT, GRID_PLAIN, GRID_LAYOUT.replace(*WRAPPED), GRID_PLAIN.replace(*WRAPPED)],
    ids=["layout", "plain", "layout-wrapped", "plain-wrapped"],
)
def test_force_in_numbers_grid_as_text_exports_print_it(tmp_path, grid):
    result = run(tmp_path, "norfolk.txt", HEAD_2016.format(force="Norfolk Constabulary") + grid + TAIL_2016)
    pairs = {(r["value"], r["england_wales"]) for r in result["indicators"]}
    assert {(198.0, 229.0), (5.6, 7.4)} <= pairs
    assert (198.0, 5.6) not in pairs and (229.0, 7.4) not in pairs


SUMMARY_CELLS = """PEEL: Police effectiveness, efficiency and legitimacy 2018/19
An inspection of Northumbria Police
HMICFRS

Overall summary
Pillar / question

Grade

Effectiveness

Requires improvement

Investigating crime

Requires improvement

Tackling serious and organised crime

Good

Efficiency

{years}

Good

Planning for the future

Good

Legitimacy

Last inspected

Good

Fair treatment of the workforce

Outstanding

This is the summary of what we found in Northumbria Police.

How effective is the force at investigating crime and reducing re-offending?
Requires improvement

The force must improve how it supervises investigations.

How effective is the force at tackling serious and organised crime?
Good
last inspected 2016

We did not inspect this question in 2018/19. The grade from our 2016 inspection has been carried over.

To what extent does the force treat its workforce with fairness and respect?
Outstanding
last inspected 2017

We did not inspect this question in 2018/19.
"""


def test_2018_19_last_inspected_when_a_plain_export_scatters_the_summary_column(tmp_path):
    # A plain export prints each cell on its own line and the "Last inspected" column's years out of row order:
    # the question's own section ("Good" / "last inspected 2016") says which grade was carried over.
    result = run(tmp_path, "northumbria.txt", SUMMARY_CELLS.format(years="2016\n\n2017"))
    rows = {r["area"]: (r["grade"], r["last_inspected"]) for r in result["judgments"] if r["area"] != "overall"}
    assert rows["serious_organised_crime"] == ("Good", "2016")
    assert rows["treating_workforce_fairly"] == ("Outstanding", "2017")
    assert rows["investigating_crime"] == ("Requires improvement", None)
    assert rows["planning_for_future"] == ("Good", None)


COC_WRAPPED = """HMICFRS
PEEL 2021/22
An inspection of Merseyside Police

Responding to the public
Inadequate

Cause of concern
The force isn't answering emergency calls quickly enough. This means
that it can't identify risk.

Recommendations
Within three months, the force should:
• improve its call handling so that emergency calls are
answered within ten seconds,
in line with national standards;
• make sure that call handlers use a structured triage process to
assess risk and identify vulnerabi-
lity; and
• make sure it has enough call handlers to meet demand at peak
times.

Areas for improvement
• The force should improve how it records the use of force.
"""


def test_recommendations_re_wrapped_at_70_columns_stay_whole(tmp_path):
    result = run(tmp_path, "merseyside.txt", COC_WRAPPED)
    recs = [f["text"] for f in result["findings"] if f["kind"] == "recommendation"]
    assert len(recs) == 3, recs
    assert recs[0].endswith("in line with national standards;")
    assert recs[1].endswith("lity; and") and recs[2].endswith("peak times.")
