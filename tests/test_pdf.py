"""The PDF reader: the seeds rendered to PDF (one and two columns) read back into the seeds' own words,
tables as rows, page furniture dropped, bullets and hyphens handled; and the same extraction results."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fixtures import HEADER_TEXT, render_pdf, rewrap, swap_force

from lib.paths import SEEDS
from lib.readers import furniture, hyphens, read_document
from lib.readers import pdf as pdfreader

SEED_FILES = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")
EXTRACTED = ("judgments", "indicators", "findings", "pcc_actions")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[tuple[str, int], Path]:
    folder = tmp_path_factory.mktemp("pdf")
    return {
        (seed.name[:3], columns): render_pdf(seed, folder / f"{seed.stem}-{columns}col.pdf", columns=columns)
        for seed in SEED_FILES
        for columns in (1, 2)
    }


def flat(doc) -> str:
    """The document's words run together: layout (line breaks, column widths, bullets) aside."""
    return "".join(re.findall(r"[^\s•]+", doc.text))


def test_five_seeds():
    assert len(SEED_FILES) == 5


@pytest.mark.parametrize("columns", [1, 2])
@pytest.mark.parametrize("seed", [p.name[:3] for p in SEED_FILES])
def test_pdf_reads_back_the_seed_words(rendered, seed, columns):
    text = read_document(next(p for p in SEED_FILES if p.name.startswith(seed)))
    doc = read_document(rendered[(seed, columns)])
    assert doc.format == "pdf"
    assert len(doc.pages) >= 1
    a, b = flat(text), flat(doc)
    if a != b:  # show where they part
        i = (
            next(i for i, (x, y) in enumerate(zip(a, b)) if x != y)
            if any(x != y for x, y in zip(a, b))
            else min(len(a), len(b))
        )
        pytest.fail(f"words differ at {i}: text {a[i - 60 : i + 60]!r} / pdf {b[i - 60 : i + 60]!r}")


@pytest.mark.parametrize("columns", [1, 2])
def test_page_furniture_dropped(rendered, columns):
    doc = read_document(rendered[("000", columns)])
    assert len(doc.pages) > 20
    assert not any(HEADER_TEXT in line for _, line in doc.lines())
    for page in doc.pages:
        body = [line for line in page.lines if line.strip()]
        assert body[-1].strip() != str(page.number), f"page number left at the foot of page {page.number}"
        assert body[0].strip() != str(page.number)


def test_two_columns_read_column_by_column(rendered):
    """A sentence that runs down one column stays whole (reading across would interleave the columns)."""
    doc = read_document(rendered[("000", 2)])
    text = re.sub(r"\s+", " ", doc.text)
    assert (
        "Overall Dyfed-Powys Police is judged to require improvement at keeping people safe and reducing crime." in text
    )
    assert "The force is considered to be good at preventing crime and anti-social behaviour." in text


@pytest.mark.parametrize("columns", [1, 2])
@pytest.mark.parametrize("seed", ["002", "004"])
def test_tables_come_back_as_rows(rendered, seed, columns):
    text = read_document(next(p for p in SEED_FILES if p.name.startswith(seed)))
    doc = read_document(rendered[(seed, columns)])

    def rows(d):
        return [tuple(re.sub(r"[\s•]+", " ", c).strip() for c in row) for _, t in d.tables() for row in t]

    want, got = rows(text), rows(doc)
    assert want and got == want
    # In the lines too, as tab-separated rows (as PDF-to-text output gives them).
    assert any("\t" in line for _, line in doc.lines())


def _tables_both_ways(path: Path) -> list[tuple[list, list]]:
    """Per page: the tables of pdf_tables (over pdfium) and of pdfplumber itself, as (rounded box, rows)."""
    import pypdfium2 as pdfium

    from lib.readers.pdf_tables import find_tables
    from lib.readers.pdfium_raw import BoundedText

    raw = path.read_bytes()
    pdf, plumber, text = pdfium.PdfDocument(raw), pdfreader._plumber(raw), BoundedText()
    out = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            fast = find_tables(page, text.page(textpage), pdfreader._clean)
            slow = pdfreader._plumber_tables(plumber, i)
            out.append(tuple([([round(v) for v in t[:4]], t[4]) for t in found] for found in (fast, slow)))
            textpage.close()
            page.close()
    finally:
        plumber.close()
        pdf.close()
    return out


def test_table_finder_agrees_with_pdfplumber_on_the_seeds(rendered):
    """pdfplumber's algorithm over pdfium's geometry finds the tables pdfplumber finds, page for page, box
    and rows, in every seed rendered in one and two columns (tables in 002 and 004; none elsewhere)."""
    pages_with_tables = 0
    for (seed, columns), path in sorted(rendered.items()):
        for number, (fast, slow) in enumerate(_tables_both_ways(path), start=1):
            assert fast == slow, f"{seed} in {columns} column(s), page {number}"
            pages_with_tables += bool(fast)
    assert pages_with_tables >= 4


def test_table_finder_agrees_with_pdfplumber_on_other_table_styles(tmp_path):
    from fixtures import TABLE_ROWS, render_table_styles

    styles = render_table_styles(tmp_path)
    for name, path in styles.items():
        pages = _tables_both_ways(path)
        assert [fast for fast, _ in pages] == [slow for _, slow in pages], name
        found = [t for fast, _ in pages for t in fast]
        if name == "rules-below":  # rules only under the rows close no cell: no table, for either finder
            assert found == []
        elif name == "cell-rectangles-and-form":  # drawn twice: directly, and scaled from a Form XObject
            assert [rows for _, rows in found] == [[[c[:40] for c in row] for row in TABLE_ROWS]] * 2
            assert found[0][0] != found[1][0]
        else:
            assert [rows for _, rows in found] == [TABLE_ROWS], name


def test_cells_are_pdfplumbers_intersections_to_cells():
    """``pdf_tables.cells`` gives pdfplumber's cells, in its order, on random grids: full, broken, ragged."""
    import random

    from pdfplumber import table as plumber_table

    from lib.readers import pdf_tables

    rng = random.Random(3)
    for _ in range(400):
        xs = sorted(rng.sample(range(0, 90, 3), rng.randint(2, 8)))
        ys = sorted(rng.sample(range(0, 90, 3), rng.randint(2, 8)))
        half_x, half_y = len(xs) // 2, len(ys) // 2
        horizontal = [(y, rng.choice(xs[: half_x + 1]), rng.choice(xs[half_x:])) for y in ys for _ in range(2)]
        vertical = [(x, rng.choice(ys[: half_y + 1]), rng.choice(ys[half_y:])) for x in xs for _ in range(2)]
        edges = pdf_tables._plumber_edges(
            [e for e in horizontal if e[2] > e[1] and rng.random() < 0.8],
            [e for e in vertical if e[2] > e[1] and rng.random() < 0.8],
        )
        crossings = plumber_table.edges_to_intersections(edges, 3, 3)
        assert pdf_tables.cells(crossings) == plumber_table.intersections_to_cells(crossings)


@pytest.mark.parametrize("seed", ["002", "004"])
def test_either_table_finder_reads_the_same_document(rendered, monkeypatch, seed):
    """PEEL_PDF_TABLES=pdfplumber gives the same pages, lines and tables; by default pdfplumber is never
    opened."""
    path = rendered[(seed, 2)]
    opened = []
    original = pdfreader._plumber
    monkeypatch.setattr(pdfreader, "_plumber", lambda raw: opened.append(1) or original(raw))
    fast = read_document(path)
    assert opened == []
    monkeypatch.setenv("PEEL_PDF_TABLES", "pdfplumber")
    slow = read_document(path)
    assert opened == [1]
    assert list(fast.tables()) and list(fast.tables()) == list(slow.tables())
    assert [p.lines for p in fast.pages] == [p.lines for p in slow.pages]


def test_unknown_table_finder_is_named(rendered, monkeypatch):
    monkeypatch.setenv("PEEL_PDF_TABLES", "camelot")
    with pytest.raises(ValueError, match="PEEL_PDF_TABLES='camelot': expected one of pdfium, pdfplumber"):
        read_document(rendered[("004", 1)])


def test_blocks_read_top_down_whatever_the_drawing_order(tmp_path):
    """A block drawn first but printed lower on the page (a footnote, a panel) is read where it stands."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "order.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    notes = [f"Note {i + 1}, drawn before the body and printed under it." for i in range(5)]
    for i, line in enumerate(notes):  # five lines: a block of its own, not a running foot
        c.drawString(60, 160 - 14 * i, line)
    for i in range(6):
        c.drawString(60, 760 - 14 * i, f"Body line {i + 1} of the page, printed at the top and drawn second.")
    c.showPage()
    c.save()
    lines = [line for line in read_document(path).pages[0].lines if line.strip()]
    assert lines[0].startswith("Body line 1") and lines[6:] == notes


def test_raw_pdfium_calls_give_what_the_typed_bindings_give(rendered, tmp_path, monkeypatch):
    """pdfium_raw calls the hottest functions without ctypes argument types; with the typed bindings
    instead (LEAN = None) the pages, lines and tables are the same."""
    from fixtures import render_table_styles

    from lib.readers import pdfium_raw

    assert pdfium_raw.LEAN, "the untyped calls are not in use: the fast path is not measured by the bench"
    paths = [rendered[("002", 2)], rendered[("004", 1)], render_table_styles(tmp_path)["cell-rectangles-and-form"]]
    lean = [read_document(p) for p in paths]
    monkeypatch.setattr(pdfium_raw, "LEAN", None)
    typed = [read_document(p) for p in paths]
    for a, b in zip(lean, typed):
        assert [p.lines for p in a.pages] == [p.lines for p in b.pages]
        assert list(a.tables()) == list(b.tables()) and list(a.tables())


def test_bullets_and_odd_glyphs():
    assert pdfreader._clean("\uf0b7 Reducing crime") == "• Reducing crime"
    assert pdfreader._clean("(cid:127) Weekly dial-in") == "• Weekly dial-in"
    assert pdfreader._clean("  \u25aa item") == "  • item"
    assert pdfreader._clean("a \uf0a7 b") == "a • b"
    assert pdfreader._clean("Overview – How effective") == "Overview – How effective"
    assert pdfreader._clean("e\ufb03cient") == "efficient"


def test_the_clean_up_runs_every_pattern_a_text_needs():
    """``_clean_chars`` runs only the patterns whose characters a text holds: the same text as running them all,
    on random texts of every special character, letters, spaces, line breaks and pdfminer's "(cid:127)"."""
    import random

    def all_patterns(text: str) -> str:
        text = pdfreader._LIGATURE.sub(lambda m: pdfreader._LIGATURES[m.group()], text)
        return pdfreader._PUA.sub("•", pdfreader._BULLET_AT_START.sub(r"\1• ", text))

    rnd = random.Random(6)
    specials = [*pdfreader._LIGATURES, *pdfreader._BULLETS]  # what the patterns replace
    alphabet = [*specials, "a", "é", " ", "\n", "(cid:127)", "–"]
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8)))
        assert pdfreader._clean_chars(text) == all_patterns(text), repr(text)
    assert all(pdfreader._clean_chars(f"{c}y") != f"{c}y" for c in specials)  # each one replaced


def test_hyphens_joined_only_where_safe():
    pages = [
        [
            "the force tackles anti-",
            "social behaviour in Dyfed-",
            "Powys and an investi-",
            "gation followed.",
            "recorded 2015-",
            "16 figures; the well-",
            "being of staff",
            "every investigation counts",
        ]
    ]
    out = hyphens.join_hyphens(pages)[0]
    assert out[0].endswith("anti-social")
    assert out[1].endswith("Dyfed-Powys")
    assert out[2].endswith("investigation")  # the document has "investigation" elsewhere
    assert out[4] == "recorded 2015-" and out[5].startswith("16 figures")  # numbers never joined
    assert out[5].endswith("well-being")
    # pdfium's own join of a line-end hyphen
    assert hyphens.join_hyphens([["anti\x02social behaviour"]])[0] == ["anti-social behaviour"]


def test_footnote_markers_and_numbers_unchanged():
    pages = [
        ["Header of the report", "Crime rose in 201513 14 per 1,000 people", "1", "Footnote text", "1"],
        ["Header of the report", "body", "2"],
        ["Header of the report", "more body", "3"],
    ]
    out = furniture.drop_furniture(pages)
    assert out[0] == ["Crime rose in 201513 14 per 1,000 people", "1", "Footnote text"]
    assert out[1] == ["body"] and out[2] == ["more body"]


def _without_place(rows: list[dict], old: str | None = None, new: str | None = None, drop=()) -> list[str]:
    keep = []
    for row in rows:
        d = {k: v for k, v in row.items() if k not in {"page", "page_label", "evidence", "doc_id", *drop}}
        if old and d.get("force") == old:
            d["force"] = new
        keep.append(json.dumps(d, sort_keys=True, default=str))
    return sorted(keep)


@pytest.mark.parametrize("seed", ["000", "002", "004"])
def test_two_column_pdf_gives_the_same_results(rendered, seed):
    from lib.pipeline import process_document

    base = process_document(next(p for p in SEED_FILES if p.name.startswith(seed)), "x")
    pdf = process_document(rendered[(seed, 2)], "x")
    assert pdf["document"]["status"] == "ok" and pdf["document"]["doc_type"] == base["document"]["doc_type"]
    assert sum(len(base[t]) for t in EXTRACTED) > 0
    for table in EXTRACTED:
        assert _without_place(pdf[table]) == _without_place(base[table]), table


@pytest.mark.parametrize(
    "seed,old,new",
    [
        ("000", "Dyfed-Powys Police", "Cumbria Constabulary"),
        ("001", "Gwent Police", "North Yorkshire Police"),
        ("004", "Dyfed-Powys Police", "Cumbria Constabulary"),
    ],
)
def test_another_force_gives_the_same_results(tmp_path, seed, old, new):
    from lib.pipeline import process_document

    path = next(p for p in SEED_FILES if p.name.startswith(seed))
    swapped = swap_force(path, tmp_path / f"{seed}-swapped.txt", old, new)
    text = swapped.read_text(encoding="utf-8")
    assert old.split()[0] not in text and new in text
    base, other = process_document(path, "x"), process_document(swapped, "x")
    assert other["document"]["force"] == new
    for table in EXTRACTED:
        assert _without_place(other[table], None, None) == _without_place(base[table], old, new), table


def test_rewrapped_text_gives_the_same_results(tmp_path):
    from lib.pipeline import process_document

    path = next(p for p in SEED_FILES if p.name.startswith("001"))
    wrapped = rewrap(path, tmp_path / "001-60.txt", 60)
    lines = wrapped.read_text(encoding="utf-8").split("\n")
    assert lines != path.read_text(encoding="utf-8").split("\n")
    assert sum(len(line) > 60 for line in lines) < 0.03 * len(lines)
    base, other = process_document(path, "x"), process_document(wrapped, "x")
    assert sum(len(base[t]) for t in EXTRACTED) > 0
    # The values must not move; a label taken from the layout (area_label) may (reported to the lead).
    for table in EXTRACTED:
        assert _without_place(other[table], drop=("area_label",)) == _without_place(
            base[table], drop=("area_label",)
        ), table


def test_a_word_broken_at_the_margin_is_joined_when_neither_half_is_a_word():
    pages = [
        ["The force should make sure that it has a comp-", "lete understanding of its demand.", "We found it well-"],
        ["being focused. Being well led matters.", "Officers were multi-", "skilled."],
    ]
    pages[0] += pages.pop()
    out = hyphens.join_hyphens(pages)[0]
    assert out[0].endswith("a complete") and out[1] == "understanding of its demand."
    assert out[2].endswith("well-being")  # both halves are words of the document: a compound
    assert out[4].endswith("multi-skilled.")  # a known prefix
