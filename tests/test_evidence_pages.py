"""Evidence pages (lib.run.evidence): one page per document, a section per page with each value beside its
sentence or row, failed checks shown; and text from documents never live markup in any report."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from lib import tables as T
from lib.analysis.evidence import evidence_href
from lib.paths import SEEDS
from lib.run.batch import run
from lib.run.evidence import write_evidence_pages

PAYLOAD = (
    "<script>PWNED_SCRIPT()</script> <img src=x onerror=PWNED_IMG()> "
    "[PWNED_LINK](http://pwned.example/link) ![PWNED_PIC](http://pwned.example/pic.png)"
)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each script element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def parse(path: Path) -> Tags:
    p = Tags()
    p.feed(path.read_text(encoding="utf-8"))
    return p


@pytest.fixture(scope="module")
def seeds_run(seed_out: Path) -> Path:
    """The seeds' tables (tables only, as conftest builds them): the evidence pages are written without a kernel."""
    return seed_out


def test_every_document_has_an_evidence_page_with_a_section_per_page(seeds_run):
    data, reports = seeds_run / "data", seeds_run / "reports"
    docs = T.read(data, "documents")
    for doc_id in docs["doc_id"]:
        assert (reports / evidence_href(doc_id).split("#")[0]).is_file()
    j = T.read(data, "judgments").iloc[0]
    page = parse(reports / evidence_href(j["doc_id"]).split("#")[0])
    assert f"page-{int(j['page'])}" in page.ids
    text = " ".join(page.text)
    assert j["grade"] in text and j["evidence"].split("|")[0].strip() in text
    for name in ("indicators", "findings", "pcc_actions"):  # every value's page has its section
        for r in T.read(data, name).to_dict("records"):
            assert f"page-{int(r['page'])}" in parse(reports / evidence_href(r["doc_id"]).split("#")[0]).ids


def test_evidence_page_says_what_the_document_is_and_shows_failed_checks(seeds_run, tmp_path):
    data = seeds_run / "data"
    tables = {name: T.read(data, name) for name in T.COLUMNS}
    checks = tables["checks"].copy()
    doc_id = tables["documents"]["doc_id"].iloc[1]
    failed = pd.DataFrame(
        [{"doc_id": doc_id, "check": "outcome_totals", "passed": False, "detail": "1,790 != 1,789 <b>bold</b>"}]
    )
    tables["checks"] = T.frame("checks", checks.to_dict("records") + failed.to_dict("records"))
    write_evidence_pages(tables, tmp_path)
    html = (tmp_path / "evidence" / f"{doc_id}.html").read_text(encoding="utf-8")
    doc = tables["documents"].iloc[1]
    for fact in (doc["title"], doc["force"], str(doc["year"]), doc["source"], "PEEL inspection report"):
        assert fact in html
    assert "Checks this document failed" in html and "outcome_totals" in html
    assert "1,790 != 1,789 &lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold" not in html
    assert "https://" not in html and "http://" not in html  # offline: no CDN, nothing fetched


def test_markup_in_a_document_is_text_in_every_report(tmp_path):
    """A document whose sentences hold a script tag, an image with onerror, a Markdown link and a Markdown
    image: every report of the run (front page, evidence pages, the notebooks' reports) shows them as text."""
    docs = tmp_path / "docs"
    docs.mkdir()
    seed = sorted(SEEDS.glob("000_*"))[0]
    text = seed.read_text(encoding="utf-8")
    marker = "The force should ensure that all crimes are allocated to investigators with"
    assert marker in text
    text = text.replace(
        marker, f"The force should ensure {PAYLOAD} that all crimes are allocated to investigators with"
    )
    (docs / "dyfed-powys-2015.txt").write_text(text, encoding="utf-8")
    shutil.copy(sorted(SEEDS.glob("004_*"))[0], docs)
    out = tmp_path / "out"
    assert run(docs, out, jobs=2, forces="Dyfed-Powys") in (0, 1)
    findings = T.read(out / "data", "findings")
    assert findings["text"].str.contains("PWNED_SCRIPT", regex=False).any()  # the payload reached the tables
    shown = assert_no_live_markup(out / "reports")
    assert "dyfed-powys-2015.html" in shown  # the evidence page shows the sentence, as text


LIVE_IN_SCRIPT = re.compile(r"<(?:script|img)\b[^<>]{0,80}PWNED|<a\b[^<>]*pwned\.example", re.I)


def assert_no_live_markup(reports: Path) -> list[str]:
    """No tag or attribute of any report comes from the payload; returns the pages showing it as text."""
    pages = sorted(reports.rglob("*.html"))
    assert len(pages) >= 5 and any(p.name.startswith("20-profile-force") for p in pages)
    shown, live = [], []
    for page in pages:
        parsed = parse(page)
        live += [
            f"{page.name}: <{tag} {name}={value}>"
            for tag, attrs in parsed.tags
            for name, value in attrs.items()
            # Text in a title or data attribute is inert; a handler or a link made from the payload is not. A chart's
            # PNG (base64 of its bytes, not text from a document) may spell "pwned" by chance.
            if "pwned" in str(value).lower()
            and (name.lower().startswith("on") or name.lower() in {"href", "src"})
            and not str(value).startswith("data:image/png;base64,")
        ]
        # Interactive tables carry their cells as data inside a script: the payload may stand there only escaped.
        live += [f"{page.name}: <script>{m.group(0)}" for s in parsed.scripts for m in LIVE_IN_SCRIPT.finditer(s)]
        live += [  # offline: nothing fetched from a network (no CDN scripts or styles)
            f"{page.name}: <{tag} {attrs.get('src') or attrs.get('href')}>"
            for tag, attrs in parsed.tags
            if tag in ("script", "link", "img") and "://" in (attrs.get("src") or attrs.get("href") or "")
        ]
        if "PWNED_LINK" in " ".join(parsed.text):
            shown.append(page.name)
    assert not live, "live markup from a document:\n" + "\n".join(live)
    return shown


def test_markup_in_the_tables_is_text_in_every_report(seed_out, tmp_path):
    """Raw tags straight in the tables (whatever a reader lets through): the evidence pages, the front page
    and the notebooks' reports all show them as text."""
    from lib.run.notebooks import run_all

    data = tmp_path / "data"
    shutil.copytree(seed_out / "data", data)
    tables = {name: T.read(data, name) for name in T.COLUMNS}
    dp = tables["documents"]["force"] == "Dyfed-Powys Police"
    tables["documents"].loc[dp, "title"] = tables["documents"].loc[dp, "title"] + " " + PAYLOAD
    for name, columns in {
        "findings": ["text", "evidence"],
        "judgments": ["area_label", "evidence"],
        "indicators": ["label", "evidence"],
        "pcc_actions": ["recommendation", "action", "evidence"],
        "checks": ["detail"],
    }.items():
        df = tables[name]
        rows = df["doc_id"].isin(tables["documents"].loc[dp, "doc_id"])
        for col in columns:
            df.loc[rows, col] = df.loc[rows, col].fillna("") + " " + PAYLOAD
        if name == "checks":
            df.loc[rows, "passed"] = False
    T.write(tables, data)
    write_evidence_pages(tables, tmp_path / "reports")
    run_all(data, tmp_path, jobs=2, forces="Dyfed-Powys")
    shown = assert_no_live_markup(tmp_path / "reports")
    assert "index.html" in shown and any(name.startswith("20-profile") for name in shown)
    doc_id = tables["documents"].loc[dp, "doc_id"].iloc[0]
    page = (tmp_path / "reports" / "evidence" / f"{doc_id}.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;PWNED_SCRIPT()&lt;/script&gt;" in page and "&lt;img src=x onerror=PWNED_IMG()&gt;" in page


def test_evidence_pages_link_their_source_and_the_address_it_prints(seeds_run, tmp_path):
    data = seeds_run / "data"
    tables = {name: T.read(data, name) for name in T.COLUMNS}
    files = {p.stem: p for p in SEEDS.glob("00*")}
    folder = tmp_path / "reports"
    write_evidence_pages(tables, folder, files)
    for doc_id, file in files.items():
        page = folder / "evidence" / f"{doc_id}.html"
        html = page.read_text(encoding="utf-8")
        href = re.search(r"<dt>Source file</dt><dd><a href='([^']+)'", html).group(1)
        assert (page.parent / href).resolve() == file.resolve()  # relative to the page, to the file as given
        assert "@" not in re.sub(r"&[a-z]+;", "", html.split("<dt>Source file</dt>")[1].split("</dl>")[0])
    gwent = (folder / "evidence" / "001_d9b96234d48d2fb9.html").read_text(encoding="utf-8")
    assert "Web address it prints" in gwent and "justiceinspectorates.gov.uk/hmic/publications/" in gwent
    assert not (folder / "sources").exists()  # no copy of a document in the output


def test_values_carry_the_page_number_as_printed_and_the_evidence_page_says_it(tmp_path):
    from lib.pipeline import process_document
    from lib.run.evidence import by_document, page_sections

    pages = [
        "HMICFRS\nPEEL: Police legitimacy 2017\nAn inspection of Essex Police\n",
        "Essex Police – PEEL legitimacy 2017\n\nContents and a foreword of the report.\n\n1\n",
        "Essex Police – PEEL legitimacy 2017\n\nEssex Police is good at treating the public "
        "and its workforce legitimately.\n\n2\n",
        "Essex Police – PEEL legitimacy 2017\n\nAreas for improvement\n\n• The force should improve vetting.\n\n3\n",
    ]
    path = tmp_path / "essex.txt"
    path.write_text("\f".join(pages), encoding="utf-8")
    result = process_document(path, "essex")
    assert [(r["page"], r["page_label"]) for r in result["judgments"]] == [(3, "2")]
    assert [(r["page"], r["page_label"]) for r in result["findings"]] == [(4, "3")]
    tables = {name: pd.DataFrame(result[name]) for name in ("judgments", "findings")}
    headings = [s["heading"] for s in page_sections(by_document(tables), "essex")]
    assert headings == ["Page 3 (printed as page 2)", "Page 4 (printed as page 3)"]
