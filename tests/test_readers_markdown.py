"""Markdown as converters print it: pandoc's grid tables, block quotes, fenced divs, heading attributes and
footnotes, each read into the same blocks a web page gives."""

from __future__ import annotations

from lib.readers import read_document
from lib.readers.markdown import divs, footnotes_last, grid_rows, heading_text

GRID = """\
+--------------+--------------+--------------+
| Good         | Requires     | Inadequate   |
|              | improvement  |              |
+==============+==============+==============+
| -   Treating | -   Managing |              |
|     the      |     offenders|              |
|     public   |              |              |
|              |              |              |
| -   Leader-  |              |              |
|     ship     |              |              |
+--------------+--------------+--------------+
"""


def test_a_grid_table_joins_each_cell_and_keeps_a_cells_items_apart():
    rows = grid_rows(GRID.strip().split("\n"))
    assert rows[0] == ["Good", "Requires improvement", "Inadequate"]
    assert rows[1] == ["Treating the public\nLeader- ship", "Managing offenders", ""]


def test_a_site_div_is_dropped_and_a_box_div_is_quoted():
    lines = ["::: {#cookie-banner .notice}", "We use cookies.", ":::", "::: callout", "Cause of concern", ":::", "Text"]
    assert divs(lines) == ["> Cause of concern", "Text"]


def test_heading_attributes_and_footnotes():
    assert heading_text("PEEL 2021/22: An inspection of Kent Police {#main-content}") == (
        "PEEL 2021/22: An inspection of Kent Police"
    )
    assert footnotes_last(["A fact.[^1]", "[^1]: Its source.", "More."]) == ["A fact.[^1]", "More.", "", "Its source."]


def test_a_markdown_report_in_pandocs_forms(tmp_path):
    text = (
        "::: {.banner}\nPlanned downtime on Sunday\n:::\n\n"
        "# PEEL 2021/22: An inspection of Norfolk Constabulary {#main}\n\n"
        "Norfolk answered 90.1 percent of calls.[^1]\n\n" + GRID + "\n"
        "> **Cause of concern**\n>\n> The force does not supervise investigations.\n>\n"
        "> **Recommendations**\n>\n>  -   make sure that supervisors review them.\n\n"
        "[^1]: Force data.\n"
    )
    path = tmp_path / "norfolk.md"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    kinds = [(b.kind, b.box, b.text) for b in doc.blocks]
    assert kinds[0] == ("heading", "", "PEEL 2021/22: An inspection of Norfolk Constabulary")
    assert ("paragraph", "", "Norfolk answered 90.1 percent of calls.") in kinds
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.rows[0] == ["Good", "Requires improvement", "Inadequate"]
    boxed = [(k, t) for k, box, t in kinds if box == "box"]
    assert boxed == [
        ("paragraph", "Cause of concern"),
        ("paragraph", "The force does not supervise investigations."),
        ("paragraph", "Recommendations"),
        ("list_item", "make sure that supervisors review them."),
    ]
    assert not any("downtime" in t for _, _, t in kinds)
    assert kinds[-1] == ("paragraph", "", "Force data.")
