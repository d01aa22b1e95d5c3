"""The front page (lib.run.index) and the Excel workbook (lib.run.export): run date and versions, the corpus,
failures with reasons, titles rather than ids, and every link resolving to a file."""

from __future__ import annotations

import os
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from openpyxl import load_workbook

from lib import EXTRACTOR_VERSION, __version__
from lib import tables as T
from lib.paths import SEEDS
from lib.run.batch import run
from lib.run.dictionary import TABLE_DESCRIPTIONS, describe
from lib.run.export import WORKBOOK, write_workbook
from lib.run.frontpage import plain_summary
from lib.run.index import write_index


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("rel") == "external":  # the web address a document prints, on purpose
            assert attrs.get("href", "").startswith(("https://", "http://")), attrs
            return
        for name in ("href", "src"):
            if attrs.get(name):
                self.hrefs.append(attrs[name])


def links(page: Path) -> list[str]:
    p = Links()
    p.feed(page.read_text(encoding="utf-8"))
    return p.hrefs


def assert_links_resolve(page: Path) -> list[Path]:
    """Every link of a page is a relative link to a file that exists (and its #anchor to an id there)."""
    targets = []
    for href in links(page):
        parts = urlsplit(href)
        if not parts.path:  # a link within the page
            assert f'id="{parts.fragment}"' in page.read_text(encoding="utf-8"), href
            continue
        assert not parts.scheme and not parts.netloc, f"{page.name} links outside the outputs: {href}"
        # As a browser resolves a relative link: on the path as opened (OUT/reports/...), not through its symlinks.
        target = Path(os.path.normpath(page.parent / unquote(parts.path)))
        assert target.is_file(), f"{page.name}: {href} does not resolve"
        if parts.fragment:
            assert f'id="{parts.fragment}"' in target.read_text(encoding="utf-8"), href
        targets.append(target)
    return targets


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory) -> Path:
    """The seeds, an empty file and a text that is no document we know, tables only."""
    docs = tmp_path_factory.mktemp("docs")
    for seed in sorted(SEEDS.glob("00*")):
        shutil.copy(seed, docs)
    (docs / "empty.pdf").write_bytes(b"")
    out = tmp_path_factory.mktemp("out")
    assert run(docs, out, jobs=1, notebooks=False) == 1  # the empty file failed, the rest was written
    return out


def test_index_says_when_what_and_which_versions(corpus_run):
    html = (corpus_run / "reports" / "index.html").read_text(encoding="utf-8")
    assert f"workbook {__version__}" in html and f"extractor version {EXTRACTOR_VERSION}" in html
    assert "Run of " in html
    assert "6 documents about 2 forces; 1 could not be read." in html
    for label in ("PEEL inspection report", "Dyfed-Powys Police", "Gwent Police", "2015", "2017"):
        assert label in html
    docs = T.read(corpus_run / "data", "documents")
    for title in docs["title"].dropna():  # titles where a person reads, ids only as file names under them
        assert title in html
    assert "empty.pdf" in html and docs.loc[docs["source"] == "empty.pdf", "error"].iloc[0] in html


def test_every_link_on_the_index_resolves(corpus_run):
    index = corpus_run / "reports" / "index.html"
    targets = assert_links_resolve(index)
    names = {t.name for t in targets}
    docs = T.read(corpus_run / "data", "documents")
    assert {f"{d}.html" for d in docs["doc_id"]} <= names  # every evidence page
    assert {f"{n}.csv" for n in TABLE_DESCRIPTIONS} <= names and {f"{n}.parquet" for n in TABLE_DESCRIPTIONS} <= names
    assert WORKBOOK in names
    for page in (corpus_run / "reports" / "evidence").glob("*.html"):
        assert_links_resolve(page)


def test_index_links_every_report_of_the_notebooks(batch):
    index = batch["out"] / "reports" / "index.html"
    targets = {t.name for t in assert_links_resolve(index)}
    reports = {p.name for p in (batch["out"] / "reports").glob("*.html")} - {"index.html"}
    assert reports and reports <= targets
    assert "Force profile: Gwent Police" in index.read_text(encoding="utf-8")


def test_index_lists_failed_checks_with_their_document(corpus_run, tmp_path):
    shutil.copytree(corpus_run / "data", tmp_path / "data", symlinks=False)
    checks = T.read(tmp_path / "data", "checks")
    checks.loc[0, ["passed", "detail"]] = [False, "outcome total 1,790 is not 1,789"]
    T.write({"checks": checks}, tmp_path / "data")
    html = write_index(tmp_path).read_text(encoding="utf-8")
    doc = T.read(tmp_path / "data", "documents").set_index("doc_id").loc[checks.loc[0, "doc_id"]]
    assert "failed some of their checks" in html and doc["title"] in html
    assert html.index('id="reports"') < html.index('id="problems"')  # results first
    page = (tmp_path / "reports" / "checks.html").read_text(encoding="utf-8")
    assert "outcome total 1,790 is not 1,789" in page and doc["title"] in page


def test_failed_checks_are_folded_into_plain_words():
    rows = [{"doc_id": "d", "check": f"judgment_present:{a}", "passed": a < "c", "detail": ""} for a in "abcde"]
    rows.append({"doc_id": "d", "check": "judgment_agrees:overall", "passed": False, "detail": "Good but Inadequate"})
    summary = plain_summary(T.frame("checks", rows))
    assert summary == "3 of 5 graded areas not found; a grade printed twice disagrees"
    assert plain_summary(T.frame("checks", rows[:2])) == ""


def test_excel_workbook_a_sheet_per_table_and_a_dictionary(corpus_run, tmp_path):
    data = corpus_run / "data"
    tables = {name: T.read(data, name) for name in T.COLUMNS}
    tables["findings"].loc[0, "text"] = '=HYPERLINK("http://example.org")\x07 stays text'
    path = write_workbook(tables, tmp_path)
    wb = load_workbook(path, read_only=True)
    assert wb.sheetnames == [*T.COLUMNS, "data dictionary"]
    for name, df in tables.items():
        rows = list(wb[name].iter_rows(values_only=True))
        assert list(rows[0]) == list(df.columns) and len(rows) == len(df) + 1
    cell = next(wb["findings"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert cell[list(tables["findings"].columns).index("text")] == '=HYPERLINK("http://example.org") stays text'
    text_col = list(tables["findings"].columns).index("text") + 1
    assert load_workbook(path)["findings"].cell(row=2, column=text_col).data_type == "s"  # text, not a formula
    dictionary = list(wb["data dictionary"].iter_rows(min_row=2, values_only=True))
    described = {(t, c): m for t, c, m in dictionary if c}
    for name, df in tables.items():
        for col in df.columns:
            assert described[(name, col)] == describe(name, col) and described[(name, col)], (name, col)
    assert (data / WORKBOOK).is_file()  # make run writes it next to the tables
    full = load_workbook(path)
    for sheet in full.worksheets:  # a filter and a frozen header on every sheet
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:") and sheet.freeze_panes == "A2"
    judgments = full["judgments"]
    evidence = list(tables["judgments"].columns).index("evidence") + 1
    link = judgments.cell(row=2, column=evidence).hyperlink.target
    row = tables["judgments"].iloc[0]
    assert link == f"../reports/evidence/{row['doc_id']}.html#page-{row['page']}"


def test_unchanged_tables_reuse_the_workbook(corpus_run, tmp_path, monkeypatch):
    from lib.run import export

    data = tmp_path / "data"
    shutil.copytree(corpus_run / "data", data)
    tables = {name: T.read(data, name) for name in T.COLUMNS}
    first = export.write_workbook(tables, data, cache=tmp_path / "cache").read_bytes()
    monkeypatch.setattr(export, "_write", lambda *a: (_ for _ in ()).throw(AssertionError("written again")))
    (data / WORKBOOK).unlink()
    assert export.write_workbook(tables, data, cache=tmp_path / "cache").read_bytes() == first
    tables["findings"].loc[0, "text"] = "changed"
    T.write({"findings": tables["findings"]}, data)
    with pytest.raises(AssertionError, match="written again"):
        export.write_workbook(tables, data, cache=tmp_path / "cache")
