"""Blocks of plain text (PDF-to-text output), Markdown and e-mail; text in other encodings."""

from __future__ import annotations

import time

import pytest

from lib.model import ReadError
from lib.readers import read_document
from lib.readers.text import decode, looks_like_markdown
from lib.readers.textblocks import text_blocks

PLAIN = """PEEL: Police effectiveness 2016
An inspection of Northumbria Police

Summary
The force is good at keeping people safe. This sentence is long enough to wrap at the margin of the
page, as a PDF-to-text tool leaves it, and it goes on here.
A second paragraph starts after a sentence that ended short.

2. How effective is the force at investigating crime?
2.1 Investigation quality
Investigations are supervised well by sergeants and inspectors across all of the force's local areas,
and victims are kept informed.
Areas for improvement
•

The force should ensure that all crimes are allocated to investigators with
the appropriate skills.

•

The force should improve its supervision.

Actions the force has taken:
 • training for all supervisors
    o refresher sessions every quarter
    o a new guide
 • a new audit
(a) first lettered item
(b) second lettered item
1. first numbered item
2) second numbered item

Area\tForce\tEngland and Wales
Burglary\t5.1\t4.3
"""


@pytest.fixture
def plain(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(PLAIN, encoding="utf-8")
    return read_document(path)


def _kinds(doc, kind):
    return [b for b in doc.blocks if b.kind == kind]


def test_plain_text_title_and_headings(plain):
    headings = [(b.text, b.level) for b in _kinds(plain, "heading")]
    assert headings[0] == ("PEEL: Police effectiveness 2016", 1)
    assert ("Summary", 2) in headings
    assert ("2. How effective is the force at investigating crime?", 1) in headings
    assert ("2.1 Investigation quality", 2) in headings
    assert ("Areas for improvement", 2) in headings
    assert not any(text.startswith("The force is good") for text, _ in headings)


def test_plain_text_paragraphs_join_wrapped_lines(plain):
    paras = [b.text for b in _kinds(plain, "paragraph")]
    assert any(p.startswith("The force is good") and p.endswith("it goes on here.") for p in paras)
    assert "A second paragraph starts after a sentence that ended short." in paras
    assert any(p.startswith("Investigations are supervised") and p.endswith("kept informed.") for p in paras)


def test_plain_text_list_items_bullets_alone_numbers_and_depth(plain):
    items = [(b.text, b.level, b.number) for b in _kinds(plain, "list_item")]
    assert (
        "The force should ensure that all crimes are allocated to investigators with the appropriate skills.",
        0,
        "",
    ) in items
    assert ("The force should improve its supervision.", 0, "") in items
    assert ("training for all supervisors", 0, "") in items
    assert ("refresher sessions every quarter", 1, "") in items
    assert ("a new guide", 1, "") in items
    assert ("a new audit", 0, "") in items
    assert ("first lettered item", 0, "a") in items and ("second lettered item", 0, "b") in items
    assert ("first numbered item", 0, "1") in items and ("second numbered item", 0, "2") in items


def test_plain_text_tables(plain):
    (table,) = _kinds(plain, "table")
    assert table.rows == [["Area", "Force", "England and Wales"], ["Burglary", "5.1", "4.3"]]
    assert plain.pages[0].tables == [table.rows]


LAYOUT_GRAPHIC = """\
Our judgments

Outstanding     Good                Adequate              Requires            Inadequate
                                                          improvement
                Investigating       Preventing crime      Responding to the
                crime               and anti-social       public
                Managing            behaviour
                offenders and       Building,
                suspects            supporting and
                                    protecting the
                                    workforce

Our findings follow.
"""


def test_a_table_printed_in_columns_of_spaces_has_its_cells_by_position(tmp_path):
    # ``pdftotext -layout``: a header cell wrapped ("Requires" / "improvement"), cells left empty, names
    # wrapped over two to four lines and stacked in a column; one space between a name and the next column's.
    path = tmp_path / "layout.txt"
    path.write_text(LAYOUT_GRAPHIC, encoding="utf-8")
    (table,) = _kinds(read_document(path), "table")
    assert table.rows == [
        ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"],
        ["", "Investigating crime", "Preventing crime and anti-social behaviour", "Responding to the public", ""],
        ["", "Managing offenders and suspects", "", "", ""],
        ["", "", "Building, supporting and protecting the workforce", "", ""],
    ]


def test_a_table_whose_every_line_is_a_row_is_read_by_its_gaps():
    lines = ["Area          2016      2017", "Burglary      5.1       4.3", "Robbery       1.2       1.4"]
    (table,) = [b for b in text_blocks([lines]) if b.kind == "table"]
    assert table.rows == [["Area", "2016", "2017"], ["Burglary", "5.1", "4.3"], ["Robbery", "1.2", "1.4"]]


def test_plain_text_blocks_keep_their_page(tmp_path):
    path = tmp_path / "paged.txt"
    path.write_text("Title of the report\n\nFirst page text.\n\fSecond heading\n\nSecond page text.\n", "utf-8")
    doc = read_document(path)
    assert [(b.kind, b.page) for b in doc.blocks] == [
        ("heading", 1),
        ("paragraph", 1),
        ("heading", 2),
        ("paragraph", 2),
    ]


def test_plain_text_paragraph_cut_by_a_page_break_is_one(tmp_path):
    path = tmp_path / "cut.txt"
    filler = "This line is long enough to be part of a wrapped paragraph of the report text here"
    path.write_text(f"{filler}\n{filler}\nand it goes on\f on the next page to the end.\n", "utf-8")
    doc = read_document(path)
    assert len(doc.blocks) == 1 and doc.blocks[0].text.endswith("and it goes on on the next page to the end.")
    block = doc.blocks[0]  # on its first page, with where the second page's part starts
    assert block.page == 1 and [(block.text[at:].split()[0], page) for at, page in block.breaks] == [("on", 2)]


def test_a_page_break_inside_a_paragraph_is_kept_through_cleaning_and_redaction(tmp_path):
    """The readers clean each page's part of a paragraph apart (``each_part``): the break stays where the
    later page's words start, however the text before it shrinks."""
    path = tmp_path / "cut.txt"
    filler = "This line is long enough to be part of a wrapped paragraph of the report text, call 07700 900123, and"
    path.write_text(f"{filler}\n{filler}\nit goes on\f onto the next page, jo.bloggs@gmail.com, to the end.\n", "utf-8")
    block = read_document(path).blocks[0]
    assert "07700" not in block.text and "jo.bloggs" not in block.text
    assert [(block.text[at : at + 11], page) for at, page in block.breaks] == [("onto the ne", 2)]


MARKDOWN = """# PEEL: Police effectiveness 2017

An inspection of **Kent Police**, see [the report](https://example.org/r).

## Areas for improvement

- The force should improve the quality of investigations
  that involve vulnerable people.
- The force should improve its approach to domestic abuse by:
    - understanding its low arrest rate;
    - clarifying the policy.
1. A numbered item

### Judgments

| Question | Grade |
|---|---|
| Preventing crime | Good |
"""


@pytest.fixture
def markdown(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    return read_document(path)


def test_markdown_headings_levels(markdown):
    assert [(b.text, b.level) for b in _kinds(markdown, "heading")] == [
        ("PEEL: Police effectiveness 2017", 1),
        ("Areas for improvement", 2),
        ("Judgments", 3),
    ]


def test_markdown_paragraph_inline_marks_reduced(markdown):
    assert _kinds(markdown, "paragraph")[0].text == "An inspection of Kent Police, see the report."


def test_markdown_list_items_depth_and_number(markdown):
    items = [(b.text, b.level, b.number) for b in _kinds(markdown, "list_item")]
    assert items == [
        ("The force should improve the quality of investigations that involve vulnerable people.", 0, ""),
        ("The force should improve its approach to domestic abuse by:", 0, ""),
        ("understanding its low arrest rate;", 1, ""),
        ("clarifying the policy.", 1, ""),
        ("A numbered item", 0, "1"),
    ]


def test_markdown_pipe_table(markdown):
    (table,) = _kinds(markdown, "table")
    assert table.rows == [["Question", "Grade"], ["Preventing crime", "Good"]]


def test_email_blocks(tmp_path):
    path = tmp_path / "bulletin.eml"
    path.write_bytes(
        b"From: office@example.org\nTo: list@example.org\nSubject: Bulletin\nDate: Mon, 2 Oct 2023 10:00:00 +0100\n"
        b"Content-Type: text/plain; charset=utf-8\n\n"
        b"Annual Report Publication\n\nI published my annual report this month, and it covers the whole year of"
        b" work with partners across the area.\n\n  \xe2\x80\xa2 Victims are supported\n\n  \xe2\x80\xa2 Harm is"
        b" prevented\n"
    )
    doc = read_document(path)
    assert doc.format == "email" and doc.meta["subject"] == "Bulletin"
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Annual Report Publication"),
        (
            "paragraph",
            "I published my annual report this month, and it covers the whole year of work with partners "
            "across the area.",
        ),
        ("list_item", "Victims are supported"),
        ("list_item", "Harm is prevented"),
    ]


# ---------------------------------------------------------------------------------------------------------
# Encodings
# ---------------------------------------------------------------------------------------------------------

WINDOWS_TEXT = (
    "PEEL: Police effectiveness 2015 – Gwent Police\n\n"
    "The force’s budget is £120m and it spends it on the public’s priorities – as the plan says.\n"
)


@pytest.mark.parametrize(
    ("encoding", "recorded"),
    [("cp1252", "cp1252"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8-sig"), ("utf-16-le", "utf-16-le")],
)
def test_text_in_other_encodings_is_read(tmp_path, encoding, recorded):
    path = tmp_path / "windows.txt"
    path.write_bytes(WINDOWS_TEXT.encode(encoding))
    doc = read_document(path)
    assert doc.meta["encoding"] == recorded
    assert "The force’s budget is £120m" in doc.text and "2015 – Gwent" in doc.text
    assert doc.blocks[0].kind == "heading"


def test_latin1_text_is_read(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 culture and the force's r\xe9sum\xe9 of \xa3120m spending.\n".encode("latin-1"))
    doc = read_document(path)
    assert "Café culture" in doc.text and "£120m" in doc.text
    assert doc.meta["encoding"] in {"cp1252", "latin-1", "iso8859-1"}


def test_utf8_recorded():
    assert decode("plain £ text".encode())[1] == "utf-8"


def test_bytes_no_encoding_explains_are_refused():
    with pytest.raises(ReadError, match="binary file"):
        decode(b"abc\x00\x00\x01\x02\xff\xfe\x00junk" * 10)


def test_long_run_of_blank_lines_is_read_in_linear_time():
    """A text ending in thousands of blank lines (an export padded to its pages): looking for Markdown's
    list items does not scan the run again from each of its lines (20,000 lines took 9 s so)."""
    text = "# A\n# B\n**x** and - item\n- item\n" + "\n" * 20_000
    t0 = time.perf_counter()
    assert looks_like_markdown(text)
    assert time.perf_counter() - t0 < 1.0


def test_a_fenced_callout_left_as_markup_is_read_as_a_box(tmp_path):
    """A pandoc export's callout (``::: {.callout}`` ... ``:::``) printed as text: the reader takes the fences
    off and marks the blocks between them as standing in a box, for every rule that reads boxes."""
    path = tmp_path / "export.txt"
    path.write_text(
        "Responding to the public\n\nThe force answers most calls on time.\n\n"
        "::: {.callout} Cause of concern\n\nThe force does not answer calls quickly enough. :::\n\n"
        "It has a plan.\n",
        encoding="utf-8",
    )
    blocks = [(b.text, b.box) for b in read_document(path).blocks if b.kind != "heading"]
    assert ("Cause of concern", "callout") in blocks
    assert ("The force does not answer calls quickly enough.", "callout") in blocks
    assert ("It has a plan.", "") in blocks
    assert not any(":::" in text for text, _ in blocks)


def test_a_word_broken_over_two_lines_is_whole_and_a_compound_keeps_its_hyphen(tmp_path):
    """A text export's line-break hyphens go where neither half is a word of the document or the document
    prints the word whole; a compound's prefix keeps its hyphen: the quotations come out as printed."""
    path = tmp_path / "export.txt"
    path.write_text(
        "The force understands vulnerabi-\nlity and tackles anti-\nsocial behaviour. Each investi-\ngation is\n"
        "reviewed; every investigation is supervised.\n",
        encoding="utf-8",
    )
    text = " ".join(b.text for b in read_document(path).blocks)
    assert "understands vulnerability and tackles anti-social behaviour" in text
    assert "Each investigation is reviewed" in text


def _random_texts(alphabet: list[str], count: int, longest: int, seed: int) -> list[str]:
    import random

    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


def test_a_line_ends_a_sentence_or_runs_on_as_the_patterns_say():
    """The line tests written out for speed (``_ends_sentence``, ``_runs_on``) answer as the patterns they
    stand for, on right-stripped lines of stops, quotes, hyphens, words and other characters."""
    from lib.readers import textblocks

    alphabet = list(" \t\xa0.!?:;,'’”)(-_aAé1") + ["and", "or", "the", " as", "were", "x"]
    texts = [text.rstrip() for text in _random_texts(alphabet, 40000, 8, seed=3)]
    for text in texts:
        assert textblocks._ends_sentence(text) == bool(textblocks._ENDS_SENTENCE.search(text)), repr(text)
        assert textblocks._runs_on(text) == bool(textblocks._RUNS_ON.search(text)), repr(text)
    assert sum(map(textblocks._runs_on, texts)) > 1000 and sum(map(textblocks._ends_sentence, texts)) > 1000


def test_lines_are_joined_with_single_spaces_and_a_capital_after_a_hyphen_goes_on_it():
    """``join_parts``: every run of white space one space; "Dyfed-" then "Powys" one word; the same whichever
    way it is taken (its quick ways agree with joining part by part)."""
    from lib.readers.textblocks import join_parts

    assert join_parts(["the Dyfed-", "Powys force"]) == "the Dyfed-Powys force"
    assert join_parts(["well -", "Powys"]) == "well - Powys"
    assert join_parts(["anti-", "social  behaviour\xa0 teams "]) == "anti- social behaviour teams"

    def part_by_part(parts: list[str]) -> str:
        text = ""
        for part in filter(None, map(str.strip, parts)):
            glued = text.endswith("-") and not text.endswith(" -") and part[:1].isupper()
            text = text + part if glued or not text else f"{text} {part}"
        return " ".join(text.split())

    alphabet = list("aD -\n\t\xa0.") + ["Powys", "-", "  "]
    texts = _random_texts(alphabet, 40000, 6, seed=4)
    for k in range(0, len(texts) - 3, 3):
        parts = texts[k : k + 1 + k % 3]
        assert join_parts(parts) == part_by_part(parts), parts
