"""The templates on corpora that are not the seeds: one force with no grades, figures or findings; the seeds'
tables with the coming optional columns (cycle, status), a grade outside the six words and document text that
holds markup. Each template runs, says what is missing in a sentence, and shows markup as text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import papermill as pm
import pytest

from lib import tables as T
from lib.analysis import corpus
from lib.paths import NOTEBOOKS
from lib.run.report_html import render_html

HOSTILE = "<script>alert('x')</script> and <img src=x onerror=\"alert(1)\"> and ![pic](http://e.org/p.png)"


def run(template: str, data: Path, work: Path, **parameters) -> tuple[str, str]:
    """Execute a template on ``data`` with papermill; (the text of its outputs, its rendered HTML)."""
    work.mkdir(parents=True, exist_ok=True)
    out = work / f"{template}.ipynb"
    pm.execute_notebook(
        str(NOTEBOOKS / f"{template}.ipynb"),
        str(out),
        parameters={"data_dir": str(data), "out_dir": str(work / "tables"), **parameters},
        kernel_name="python3",
        cwd=str(work),
        progress_bar=False,
    )
    nb = json.loads(out.read_text(encoding="utf-8"))
    text = "\n".join(
        "".join(o.get("data", {}).get("text/plain", "")) + "".join(o.get("text", ""))
        for c in nb["cells"]
        if c["cell_type"] == "code"
        for o in c.get("outputs", [])
    )
    render_html(out, work / f"{template}.html", template)
    return text, (work / f"{template}.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def bare(tmp_path_factory) -> Path:
    """One force, one report, nothing extracted from it."""
    data = tmp_path_factory.mktemp("bare") / "data"
    doc = {
        "doc_id": "r1",
        "source": "r1.pdf",
        "format": "pdf",
        "doc_type": "peel_report",
        "force": "Kent Police",
        "year": 2022,
        "pillar": "integrated",
        "title": "PEEL 2021/22: Kent Police",
        "pages": 3,
        "status": "ok",
    }
    # Beside the report, what any folder holds: a readable file that is no document we know (no force, no
    # year) and a file that could not be read.
    notes = {"doc_id": "notes", "source": "notes.md", "format": "markdown", "doc_type": "unknown", "pages": 1}
    broken = {"doc_id": "x", "source": "x.py", "doc_type": "unknown", "status": "failed"}
    broken["error"] = "unsupported format: .py files are not read"
    tables = {name: T.frame(name, []) for name in T.COLUMNS}
    tables["documents"] = T.frame("documents", [doc, {**notes, "status": "ok"}, broken])
    T.write(tables, data)
    return data


@pytest.fixture(scope="module")
def hostile(seed_out, tmp_path_factory) -> Path:
    """The seeds' tables with cycle and status columns, a grade outside the list and markup in the text."""
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(seed_out / "data", data)
    t = corpus.load(data)
    t["documents"]["cycle"] = [None, None, "2017", None, None]
    j = t["judgments"]
    j["cycle"] = None
    gwent = j.index[j["force"] == "Gwent Police"]
    j.loc[gwent[0], "grade"] = "Excellent"
    j.loc[gwent[1], "evidence"] = HOSTILE
    t["indicators"].loc[t["indicators"]["force"] == "Gwent Police", "evidence"] = HOSTILE
    t["findings"].loc[t["findings"]["force"] == "Gwent Police", "text"] = HOSTILE
    t["pcc_actions"]["status"] = "Complete"
    T.write({k: t[k] for k in ("documents", "judgments", "indicators", "findings", "pcc_actions")}, data)
    return data


@pytest.mark.parametrize(
    "template, parameters",
    [("20-profile-force", {"force": "Kent"}), ("30-compare-forces", {}), ("00-inventory-corpus", {})],
)
def test_templates_say_what_a_bare_corpus_lacks(bare, tmp_path, template, parameters):
    text, html = run(template, bare, tmp_path, **parameters)
    if template == "20-profile-force":
        assert "Kent Police: no graded judgments were extracted" in text
        assert "Kent Police: no figure was printed with an England and Wales comparator." in text
        assert "Kent Police: no areas for improvement were extracted." in text
        assert "No crime outcome figures were extracted." in text or "no crime outcome figures" in text
    if template == "30-compare-forces":
        assert "With one force there is nothing to set side by side" in text
        assert "No grades were extracted for these forces." in text
    if template == "00-inventory-corpus":
        assert "PEEL 2021/22: Kent Police (2022)" in text
        assert "no force found" in text and "unsupported format: .py files are not read" in text
    for bad in ("NaN", "<NA>", "None"):
        assert bad not in text


@pytest.mark.parametrize(
    "template, parameters",
    [("20-profile-force", {"force": "Gwent Police"}), ("30-compare-forces", {}), ("00-inventory-corpus", {})],
)
def test_templates_show_document_markup_as_text(hostile, tmp_path, template, parameters):
    text, html = run(template, hostile, tmp_path, **parameters)
    assert "<script>alert('x')" not in html and '<img src=x onerror="alert(1)">' not in html
    if template != "00-inventory-corpus":
        assert "&lt;script&gt;alert(" in html
    # Tables work offline: the table library is embedded, never fetched (itables' connected=False).
    assert "unpkg.com" not in html and "csvHtml5" in html
    if template == "20-profile-force":
        assert "not one of the six grade words" in text and "'Excellent'" in text
        assert "status: 1 Complete" not in text  # Gwent has no response: the status belongs to Dyfed-Powys
    if template == "30-compare-forces":
        assert "Inspection" in text
