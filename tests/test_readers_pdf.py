"""PDF structure: headings from font size and weight, lists from bullets, numbers and indents, boxes drawn
round text, tables, furniture dropped; on a report drawn as real ones are and on the seeds set that way."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import HEADER_TEXT, STRUCTURED_BOX, STRUCTURED_HEADINGS, STRUCTURED_WRAPPED, render_pdf, structured_pdf

from lib.model import Block
from lib.paths import SEEDS
from lib.readers import read_document
from lib.readers.pdf_structure import NO_STYLE, heading_size, join_broken


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return read_document(structured_pdf(tmp_path_factory.mktemp("pdf") / "report.pdf", force="Gwent Police"))


def _kinds(doc, kind):
    return [b for b in doc.blocks if b.kind == kind]


def test_pdf_headings_levels_from_size_and_weight(report):
    headings = [(b.text, b.level) for b in _kinds(report, "heading")]
    expected = [(text.replace("Kent Police", "Gwent Police"), level) for text, _, _, level in STRUCTURED_HEADINGS]
    assert [h for h in headings if h[0] != "Cause of concern"] == expected
    assert ("Cause of concern", 4) in headings  # bold at body size, in its box


def test_pdf_wrapped_paragraph_is_one_block(report):
    paras = [b.text for b in _kinds(report, "paragraph")]
    assert STRUCTURED_WRAPPED in paras
    assert "We found the following:" in paras


def test_a_paragraph_a_page_break_cut_is_one_block_that_knows_where_the_next_page_starts():
    blocks = [
        Block("paragraph", "The force works with the", 7),
        Block("paragraph", "council daily. It meets weekly.", 8),
    ]
    (joined,) = join_broken(blocks)
    assert joined.page == 7 and joined.text == "The force works with the council daily. It meets weekly."
    assert [(joined.text[at:].split()[0], page) for at, page in joined.breaks] == [("council", 8)]


def test_pdf_bullets_nested_and_numbered(report):
    items = [(b.text, b.level, b.number) for b in _kinds(report, "list_item")]
    assert items == [
        ("victims are kept informed", 0, ""),
        ("by the officer in the case", 1, ""),
        ("by letter", 1, ""),
        ("suspects are pursued", 0, ""),
        ("The force should improve supervision.", 0, "1"),
        ("The force should record outcomes.", 0, "2"),
    ]


def test_pdf_boxed_callout(report):
    boxed = [b.text for b in report.blocks if b.box == "box"]
    assert boxed == ["Cause of concern", STRUCTURED_BOX]


def test_pdf_table_block_is_the_page_table(report):
    (table,) = _kinds(report, "table")
    assert table.rows == [
        ["Area of policing", "Grade"],
        ["Investigating crime", "Adequate"],
        ["Preventing crime", "Good"],
    ]
    assert report.pages[table.page - 1].tables == [table.rows]


def test_pdf_blocks_keep_page_and_box(report):
    assert [b.page for b in _kinds(report, "heading")][:2] == [1, 2]
    for block in report.blocks:
        if block.kind != "table":
            x0, top, x1, bottom = block.bbox
            assert 0 <= x0 < x1 <= 600 and 0 <= top < bottom <= 842, block
    title, section = _kinds(report, "heading")[:2]
    assert title.bbox[3] - title.bbox[1] > section.bbox[3] - section.bbox[1] > 0  # larger type, taller box


def test_pdf_furniture_not_in_blocks(report):
    assert not any(HEADER_TEXT in b.text for b in report.blocks)
    assert not any(b.text.strip() in {"1", "2", "3"} for b in report.blocks)


def test_heading_rule_on_single_lines():
    body = 10.0
    place = (56.0, 700.0, 150.0, 710.0)
    assert heading_size((place, 13.0, False, False), "Summary of findings", body, 480) == 13.0
    assert heading_size((place, 10.0, True, False), "Areas for improvement", body, 480) == 10.0
    assert heading_size((place, 10.0, True, False), "A bold sentence.", body, 480) == 0.0
    assert heading_size((place, 10.0, False, False), "Areas for improvement", body, 480) == 0.0
    assert heading_size(((56.0, 700.0, 500.0, 710.0), 10.0, True, False), "A whole bold line", body, 480) == 0.0
    assert heading_size((place, 16.0, True, False), "• a bullet in large type", body, 480) == 0.0
    assert heading_size((place, 16.0, True, False), "12", body, 480) == 0.0
    assert heading_size(NO_STYLE, "Anything", body, 480) == 0.0


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.mark.parametrize(("prefix", "columns"), [("000", 1), ("001", 1), ("000", 2)])
def test_seeds_with_headings_set_larger_and_bold(tmp_path, prefix, columns):
    """The seeds rendered as real reports are: every 'Areas for improvement' heading is a heading block and
    the items under it are list items, whatever the layout."""
    doc = read_document(render_pdf(_seed(prefix), tmp_path / "styled.pdf", columns=columns, styled=True))
    text_doc = read_document(_seed(prefix))
    want = sum(1 for b in text_doc.blocks if b.kind == "heading" and b.text == "Areas for improvement")
    blocks = doc.blocks
    found = [k for k, b in enumerate(blocks) if b.kind == "heading" and b.text == "Areas for improvement"]
    assert len(found) == want >= 1
    for k in found:
        assert blocks[k + 1].kind == "list_item" and blocks[k + 1].text.startswith("The force should")
    overview = next(b for b in blocks if b.kind == "heading")
    assert overview.level == 1 and overview.text.startswith("Overview")
    assert {b.level for b in blocks if b.text == "Summary of findings"} == {2}


def test_a_pdf_printed_from_plain_text_is_structured_once_as_text(tmp_path, monkeypatch):
    """Its type marks no headings: the styles say so before the PDF's own blocks are built (none is), and
    its blocks are those of its lines read as text; a PDF whose headings are set larger has its own built."""
    from lib.readers import pdf_structure
    from lib.readers.textblocks import text_blocks

    built = []
    page = pdf_structure._page
    monkeypatch.setattr(pdf_structure, "_page", lambda number, *args: built.append(number) or page(number, *args))
    doc = read_document(render_pdf(_seed("000"), tmp_path / "plain.pdf"))
    assert not built
    as_text = text_blocks([p.lines for p in doc.pages])
    assert [(b.kind, b.text, b.level) for b in doc.blocks] == [(b.kind, b.text, b.level) for b in as_text]
    assert any(b.kind == "heading" for b in doc.blocks)
    read_document(render_pdf(_seed("000"), tmp_path / "styled.pdf", styled=True))
    assert built


@pytest.mark.parametrize("columns", [1, 2])
def test_lines_taken_from_the_page_are_what_pdfium_gives(tmp_path, monkeypatch, columns):
    """``BoundedText.lines_in`` (the page's own lines, no pdfium call) answers only when it gives exactly
    what ``get_text_bounded`` gives for the area; it answers for most areas."""
    from lib.readers import pdf_layout, pdfium_raw

    original = pdfium_raw.BoundedText.lines_in
    seen = {"answered": 0, "asked": 0}

    def checked(self, left, bottom, right, top):
        got = original(self, left, bottom, right, top)
        seen["asked"] += 1
        if got is not None:
            seen["answered"] += 1
            assert got == pdf_layout._split(self.get_text_bounded(left, bottom, right, top))
        return got

    monkeypatch.setattr(pdfium_raw.BoundedText, "lines_in", checked)
    read_document(render_pdf(_seed("001"), tmp_path / "seed.pdf", columns=columns))
    read_document(structured_pdf(tmp_path / "report.pdf"))
    assert seen["answered"] > 0.6 * seen["asked"] > 0


def test_a_word_is_looked_up_as_the_document_splits_its_words():
    """``_has_word`` (used to decide a hyphen break) agrees with the words ``[a-z][a-z-]*`` finds in the text."""
    import itertools
    import re

    from lib.readers.hyphens import _has_word

    texts = ["", "ab", "-ab", "--ab-", "xab", "ab-", "a-b", "b ab", "(ab)", "ab\nab-b", "ab.b", "é-ab", "zab ab"]
    words = ["ab", "a-b", "ab-", "b", "ab-b"]
    for text, word in itertools.product(texts, words):
        assert _has_word(text, word) == (word in re.findall("[a-z][a-z-]*", text)), (text, word)


def test_the_cycle_collector_is_paused_while_a_pdf_is_read_and_only_then(tmp_path, monkeypatch):
    """Off while the pages are read, on again after a PDF (read or refused); left off when it was off."""
    import gc

    from lib.model import ReadError
    from lib.readers import pdf as pdfreader

    states = []
    original = pdfreader.page_lines
    monkeypatch.setattr(pdfreader, "page_lines", lambda *a, **k: states.append(gc.isenabled()) or original(*a, **k))
    path = render_pdf(_seed("001"), tmp_path / "seed.pdf")
    assert gc.isenabled()
    read_document(path)
    assert states and not any(states) and gc.isenabled()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(path.read_bytes()[:2000])
    with pytest.raises(ReadError):
        read_document(broken)
    assert gc.isenabled()
    gc.disable()
    try:
        read_document(path)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_side_by_side_panels_are_one_drawn_row_not_boxes_in_two_columns():
    from lib.readers.pdf_layout import side_by_side

    panels = [(62, 449, 212, 699), (222, 449, 373, 699), (383, 449, 533, 699)]
    inner = [(62, 675, 212, 699), (222, 675, 373, 699)]  # a panel's own header box is not another panel
    assert side_by_side(panels + inner) == panels
    # A cause of concern in the left column beside an area for improvement in the right: not a row of panels.
    columns = [(56, 300, 290, 520), (305, 430, 540, 500)]
    assert side_by_side(columns) == []
    assert side_by_side([(56, 300, 290, 520)]) == []
