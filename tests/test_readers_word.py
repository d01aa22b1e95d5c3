"""Word documents built with python-docx: headings, lists, tables with merged cells, pages, furniture."""

from __future__ import annotations

import pytest
from docx import Document as new_docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from lib.model import ReadError
from lib.readers import read_document


def _response(path, force="Norfolk Constabulary"):
    doc = new_docx()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "OFFICIAL - running head"
    section.footer.paragraphs[0].text = "Page footer text"
    doc.add_paragraph("Response to the PEEL inspection", style="Title")
    doc.add_paragraph(f"The Commissioner welcomes the report on {force}.")
    doc.add_heading("Summary of progress", level=1)
    doc.add_heading("Governance", level=2)
    doc.add_paragraph("The board meets monthly.")
    doc.add_paragraph("first bullet", style="List Bullet")
    doc.add_paragraph("nested bullet", style="List Bullet 2")
    doc.add_paragraph("second bullet", style="List Bullet")
    doc.add_paragraph("first numbered", style="List Number")
    doc.add_paragraph("second numbered", style="List Number")
    outline = doc.add_paragraph("Outline level heading")
    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), "2")
    outline._p.get_or_add_pPr().append(lvl)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Response to the areas for improvement", level=1)
    table = doc.add_table(rows=5, cols=3)
    for k, text in enumerate(["Area for improvement", "Response and actions", "Status"]):
        table.cell(0, k).text = text
    group = table.cell(1, 0).merge(table.cell(1, 2))
    group.text = "Investigating crime"
    table.cell(2, 0).text = "The force should improve supervision."
    cell = table.cell(2, 1)
    cell.text = "Actions taken:"
    cell.add_paragraph("training for supervisors", style="List Bullet")
    cell.add_paragraph("a monthly audit", style="List Bullet")
    status = table.cell(2, 2).merge(table.cell(3, 2))
    status.text = "In progress"
    table.cell(3, 0).text = "The force should record outcomes."
    table.cell(3, 1).text = "A new form."
    table.cell(4, 0).text = "The force should answer calls promptly."
    table.cell(4, 1).text = "More call handlers."
    table.cell(4, 2).text = "Complete"
    doc.add_paragraph("Yours sincerely,")
    doc.save(path)
    return path


@pytest.fixture(scope="module")
def word(tmp_path_factory):
    return read_document(_response(tmp_path_factory.mktemp("word") / "response.docx"))


def _kinds(doc, kind):
    return [b for b in doc.blocks if b.kind == kind]


def test_word_format_pages_and_properties(word):
    assert word.format == "docx"
    assert len(word.pages) == 2
    assert {b.page for b in word.blocks if b.text.startswith("Response to the areas")} == {2}


def test_word_headings_from_styles_and_outline_level(word):
    assert [(b.text, b.level) for b in _kinds(word, "heading")] == [
        ("Response to the PEEL inspection", 1),
        ("Summary of progress", 1),
        ("Governance", 2),
        ("Outline level heading", 3),
        ("Response to the areas for improvement", 1),
    ]


def test_word_paragraphs(word):
    paras = [b.text for b in _kinds(word, "paragraph")]
    assert paras == [
        "The Commissioner welcomes the report on Norfolk Constabulary.",
        "The board meets monthly.",
        "Yours sincerely,",
    ]


def test_word_list_items_depth_and_number(word):
    items = [(b.text, b.level, b.number) for b in _kinds(word, "list_item")]
    assert items[:3] == [("first bullet", 0, ""), ("nested bullet", 1, ""), ("second bullet", 0, "")]
    assert [(t, lvl) for t, lvl, _ in items[3:]] == [("first numbered", 0), ("second numbered", 0)]
    assert [n for _, _, n in items[3:]] == ["1", "2"]  # from the List Number style's numbering


def test_word_table_merged_cells_repeated(word):
    (table,) = _kinds(word, "table")
    assert table.rows == [
        ["Area for improvement", "Response and actions", "Status"],
        ["Investigating crime", "Investigating crime", "Investigating crime"],
        [
            "The force should improve supervision.",
            "Actions taken:\n• training for supervisors\n• a monthly audit",
            "In progress",
        ],
        ["The force should record outcomes.", "A new form.", "In progress"],
        ["The force should answer calls promptly.", "More call handlers.", "Complete"],
    ]
    page = word.pages[1]
    assert page.tables == [table.rows]
    assert "Investigating crime\tInvestigating crime\tInvestigating crime" in page.lines
    assert (
        "The force should improve supervision.\tActions taken: • training for supervisors • a monthly audit\t"
        "In progress" in page.lines
    )


def test_word_headers_and_footers_ignored(word):
    assert "running head" not in word.text and "Page footer" not in word.text


def test_word_lines_as_text_tools_give_them(word):
    lines = word.pages[0].lines
    i = lines.index("Governance")
    assert lines[i - 1] == "" and lines[i + 1] == ""
    assert "• first bullet" in lines and "  • nested bullet" in lines


def test_word_bold_paragraphs_are_headings_without_heading_styles(tmp_path):
    doc = new_docx()
    doc.add_paragraph().add_run("Areas for improvement").bold = True
    doc.add_paragraph("The force should improve how it records crime.")
    run = doc.add_paragraph().add_run("A bold sentence that ends with a full stop.")
    run.bold = True
    doc.save(tmp_path / "bold.docx")
    read = read_document(tmp_path / "bold.docx")
    assert [(b.kind, b.text) for b in read.blocks] == [
        ("heading", "Areas for improvement"),
        ("paragraph", "The force should improve how it records crime."),
        ("paragraph", "A bold sentence that ends with a full stop."),
    ]


def test_word_personal_details_redacted(tmp_path):
    doc = new_docx()
    doc.add_paragraph("Contact jane.smith@example.org or 01234 567890 for details.")
    doc.add_table(rows=1, cols=2).cell(0, 1).text = "jane.smith@example.org"
    doc.save(tmp_path / "contact.docx")
    read = read_document(tmp_path / "contact.docx")
    assert "jane.smith" not in read.text and "[email redacted]" in read.blocks[0].text
    assert "[phone redacted]" in read.blocks[0].text and read.blocks[1].rows == [["", "[email redacted]"]]


def test_empty_word_document_refused(tmp_path):
    new_docx().save(tmp_path / "empty.docx")
    with pytest.raises(ReadError, match="Word document holds no"):
        read_document(tmp_path / "empty.docx")
