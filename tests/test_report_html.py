"""The reports' HTML exporter: nbconvert's page, without its closing BeautifulSoup pass, and each image with an
alt text of its own."""

from __future__ import annotations

import base64
import copy
import io

import matplotlib.pyplot as plt
import nbformat
from bs4 import BeautifulSoup

from lib.run.report_html import exporter, render_html


def _png() -> str:
    fig, ax = plt.subplots(figsize=(2, 1))
    ax.plot([1, 2])
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def executed() -> nbformat.NotebookNode:
    v4 = nbformat.v4
    cells = [
        v4.new_markdown_cell("# A report\n\nSome *words*, a [link](https://example.org) and `code`."),
        v4.new_code_cell(
            "x",
            execution_count=1,
            outputs=[
                v4.new_output("display_data", {"image/png": _png(), "text/plain": '[chart] Kent: "3" <of> 5'}),
                v4.new_output("display_data", {"image/png": _png(), "text/plain": ""}),
                v4.new_output(
                    "display_data", {"text/html": "<table><tr><td>&lt;script&gt;</td></tr></table>", "text/plain": "t"}
                ),
                v4.new_output("stream", name="stdout", text="wrote a.csv\n"),
            ],
        ),
    ]
    nb = v4.new_notebook(cells=cells)
    nb.metadata["title"] = "A report"
    return nb


def _without_extras(page: str) -> str:
    """A page as BeautifulSoup writes it, without the alt texts and tabindexes (what nbconvert's pass adds)."""
    soup = BeautifulSoup(page, "html.parser")
    for element in soup.find_all(True):
        element.attrs.pop("alt", None)
        element.attrs.pop("tabindex", None)
    return str(soup)


def test_the_page_is_nbconverts_without_its_closing_pass():
    nb = executed()
    ours, _ = exporter().from_notebook_node(copy.deepcopy(nb))
    theirs, _ = exporter(fast=False).from_notebook_node(copy.deepcopy(nb))
    assert _without_extras(ours) == _without_extras(theirs)
    assert "<td>&lt;script&gt;</td>" in ours  # an output's escaped text stays escaped


def test_each_image_says_what_it_shows(tmp_path):
    render_html(executed(), tmp_path / "r.html", "A report")
    images = BeautifulSoup((tmp_path / "r.html").read_text(encoding="utf-8"), "html.parser").find_all("img")
    assert [img["alt"] for img in images] == ['Kent: "3" <of> 5', "An image"]
