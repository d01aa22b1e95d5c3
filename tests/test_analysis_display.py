"""What a report shows: document text escaped (never live markup), plain headers, blanks for missing values,
no index, whole texts, an empty table replaced by a sentence, evidence links in the contract's form."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.analysis import display as show
from lib.analysis import profile
from lib.tables import frame

HOSTILE = [
    "<script>alert('x')</script> was printed",
    '<img src=x onerror="alert(1)"> in a table row',
    "see [the report](javascript:alert(1)) and ![chart](http://example.org/x.png)",
]


@pytest.fixture
def shown(monkeypatch) -> list[dict]:
    """Every bundle the display helpers would send to the notebook."""
    out: list[dict] = []
    monkeypatch.setattr(show, "display", lambda bundle, raw=False: out.append(bundle))
    return out


def _live(fragment: str) -> bool:
    """Markup a browser would run or a Markdown renderer would turn into a link or image."""
    low = fragment.lower()
    return any(m in low for m in ("<script>alert", "<img src=x", "<a href='javascript", '<img src="http'))


def test_table_escapes_document_text_and_keeps_it_whole(shown):
    long = "word " * 200
    df = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "page": [3, None, 7], "evidence": HOSTILE})
    df.loc[2, "evidence"] = HOSTILE[2] + " " + long
    show.table(df)
    html, plain = shown[0]["text/html"], shown[0]["text/plain"]
    assert "&lt;script&gt;alert" in html and "&lt;img src=x onerror=" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "![chart](http://example.org/x.png)" in html  # a Markdown image stays text: an HTML table is not Markdown
    assert long.strip() in plain and "…" not in plain  # whole text, no ellipsis
    assert "href='evidence/d1.html#page-3'" in html and "href='evidence/d3.html#page-7'" in html


def test_table_headers_blanks_and_no_index(shown):
    df = frame(
        "indicators",
        [{"doc_id": "d", "force": "Gwent Police", "indicator": "x", "label": "Crime", "value": 1.5, "page": 2}],
    )
    show.table(df[["label", "value", "england_wales"]].assign(last_inspected=pd.NA, note=None))
    plain = shown[0]["text/plain"]
    assert "England and Wales" in plain and "Year last inspected" in plain and "Figure" in plain
    for bad in ("NaN", "<NA>", "None", "nan"):
        assert bad not in plain
    for bad in (">NaN<", "&lt;NA&gt;", ">None<", '"NaN"', '"None"'):
        assert bad not in shown[0]["text/html"]
    assert not plain.splitlines()[1].lstrip().startswith("0 ")  # no index column
    # One line a row, tab-separated as a spreadsheet pastes it; a blank cell is an empty field.
    assert [len(line.split("\t")) for line in plain.splitlines()] == [5, 5]
    assert plain.splitlines()[1].split("\t")[-2:] == ["", ""]


def test_empty_table_is_a_sentence(shown):
    show.table(pd.DataFrame(columns=["a"]), "No figures were extracted.")
    assert shown[0]["text/plain"] == "- No figures were extracted."
    assert "<table" not in shown[0]["text/html"]


def test_say_and_box_escape(shown):
    show.say(*HOSTILE)
    show.heading("<b>Force</b>")
    show.box("In short", [("Grades", [show.esc(HOSTILE[1])])])
    for bundle in shown:
        assert not _live(bundle["text/html"]), bundle["text/html"]
    assert "&lt;b&gt;Force&lt;/b&gt;" in shown[1]["text/html"]


def test_summary_box_escapes_and_links(shown):
    docs = frame(
        "documents",
        [
            {
                "doc_id": "r1",
                "doc_type": "peel_report",
                "force": "Gwent Police",
                "year": 2017,
                "pillar": "effectiveness",
                "title": "<script>t()</script> PEEL 2017",
                "status": "ok",
            }
        ],
    )
    j = frame(
        "judgments",
        [
            {
                "doc_id": "r1",
                "force": "Gwent Police",
                "year": 2017,
                "pillar": "effectiveness",
                "area": "overall",
                "area_label": "Overall",
                "grade": "Good",
                "page": 4,
                "evidence": HOSTILE[0],
                "scale": "four_point",
            }
        ],
    )
    empty = {n: frame(n, []) for n in ("indicators", "findings", "pcc_actions", "checks")}
    sections = profile.summary_sections("Gwent Police", {"documents": docs, "judgments": j, **empty})
    show.box("In short", sections)
    html = shown[0]["text/html"]
    assert "<script>t()" not in html and "&lt;script&gt;t()" in html
    assert "href='evidence/r1.html#page-4'" in html
    assert "<summary>printed as</summary><span class='peel-quote'>“&lt;script&gt;alert(" in html  # escaped, as text
    assert "title=" not in html  # document words never go into an attribute
