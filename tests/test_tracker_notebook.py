"""The tracker template (40-track-recommendations) on any corpus: two cycles of one force with responses (per
force and every force), one force with nothing read from it, and findings whose text holds markup; the batch
runs it per force and across forces and the front page lists it."""

from __future__ import annotations

import pandas as pd
import pytest

from lib import tables as T
from lib.analysis import tracker as track
from lib.run.batch import run as run_corpus
from lib.run.notebooks import plan
from tests.test_analysis_templates import HOSTILE, run
from tests.test_tracker import REPORT_2021, REPORT_2023, RESPONSE_2021, RESPONSE_2023, _word_response

TEMPLATE = "40-track-recommendations"


@pytest.fixture(scope="module")
def kent(tmp_path_factory):
    """Two cycles of Kent Police with a response to each (Markdown, a web page, Word, text), tables only."""
    seeds = tmp_path_factory.mktemp("kent-seeds")
    (seeds / "kent_2021.md").write_text(REPORT_2021, encoding="utf-8")
    _word_response(seeds / "kent_2021_response.docx", RESPONSE_2021)
    (seeds / "kent_2023.html").write_text(REPORT_2023, encoding="utf-8")
    (seeds / "kent_2023_response.txt").write_text(RESPONSE_2023, encoding="utf-8")
    out = tmp_path_factory.mktemp("kent-out")
    assert run_corpus(seeds, out, notebooks=False) == 0
    return out / "data"


def test_one_force_its_responses_open_items_and_what_recurs(kent, tmp_path):
    text, html = run(TEMPLATE, kent, tmp_path, force="Kent", as_of="2025-01-31")
    assert "Kent Police: 11 findings in 2 reports" in text
    assert "Kent Police: 3 of 3 recommendations and causes of concern answered" in text
    assert "Kent Police: 1 response within 56 days of the report's publication, 1 later." in text
    assert "Kent Police: 8 findings open on 2025-01-31." in text
    assert (
        "Kent Police: 2 findings repeat one of an earlier inspection (1 as the report says, 1 by their wording)."
        in text
    )
    assert "8 open items on 2025-01-31, the oldest 1051 days." in text  # 17 March 2022 to 31 January 2025
    # Every row links to the finding's evidence and to the action's.
    assert "href='evidence/kent_2021.html#page-1'" in html
    assert "href='evidence/kent_2021_response.html#page-1'" in html
    assert "href='evidence/kent_2023_response.html#page-1'" in html
    for bad in ("NaN", "<NA>", "None"):
        assert bad not in text
    written = pd.read_csv(tmp_path / "tables" / "tracker-kent-police-recurring.csv")
    assert list(written["how"]) == ["stated", "similar"]
    # Did anything change? Investigating crime from the 2021/22 inspection to the 2023–25 one.
    assert set(written["did_the_grade_change"]) == {"Requires improvement → Adequate"}
    assert "the area's grade changed for 2 of them" in text


def test_every_force_compared(kent, tmp_path):
    text, _ = run(TEMPLATE, kent, tmp_path, as_of="2025-01-31")
    assert "Every force: 11 findings in 2 reports" in text
    league = pd.read_csv(tmp_path / "tables" / "tracker-responses.csv")
    assert list(league["coverage_pct"].fillna(-1)) == [100, -1]
    assert list(league["within_56_days"]) == ["yes", "no"]
    assert list(league["days_to_response"]) == [54, 118]


def test_a_corpus_with_nothing_to_track(tmp_path):
    data = tmp_path / "data"
    doc = {"doc_id": "r1", "source": "r1.pdf", "format": "pdf", "doc_type": "peel_report", "force": "Kent Police"}
    tables = {name: T.frame(name, []) for name in T.COLUMNS}
    tables["documents"] = T.frame("documents", [{**doc, "year": 2022, "status": "ok", "title": "PEEL: Kent"}])
    T.write(tables, data)
    for parameters in ({"force": "Kent"}, {}):
        text, _ = run(TEMPLATE, data, tmp_path / str(len(parameters)), **parameters)
        assert "no cause of concern, recommendation or area for improvement was read from a report" in text
        assert "No report with findings." in text and "Nothing recurs." in text
        for bad in ("NaN", "<NA>", "None"):
            assert bad not in text


def test_markup_in_a_finding_is_text(kent, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for p in kent.iterdir():
        (data / p.name).write_bytes(p.read_bytes())
    tracker = T.read(data, "tracker")
    tracker["text"] = HOSTILE
    tracker["response_text"] = HOSTILE
    tracker["status_printed"] = HOSTILE
    T.write({"tracker": tracker}, data)
    _, html = run(TEMPLATE, data, tmp_path / "work", force="Kent")
    assert "<script>alert('x')" not in html and '<img src=x onerror="alert(1)">' not in html
    assert "&lt;script&gt;alert(" in html


def test_a_folder_without_tracker_csv_is_tracked_from_its_tables(kent, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for p in kent.iterdir():
        if not p.name.startswith("tracker"):
            (data / p.name).write_bytes(p.read_bytes())
    tables = {name: T.read(data, name) for name in T.TABLES}
    assert len(track.load(data, tables)) == 11


def test_the_batch_plans_a_tracker_per_force_and_one_across(kent):
    jobs, errors = plan(kent)
    names = [j.name for j in jobs if j.template == TEMPLATE]
    assert not errors and names == [f"{TEMPLATE}-kent-police", TEMPLATE]
    assert all(j.parameters["as_of"] for j in jobs if j.template == TEMPLATE)
    jobs, _ = plan(kent, forces="Kent")
    assert [j.name for j in jobs if j.template == TEMPLATE] == [f"{TEMPLATE}-kent-police"]
