"""The readers behind one protocol: the registry chooses a backend by the bytes, every backend gives the same
typed Document, block kinds are checked, and every block carries its page's number as printed."""

from __future__ import annotations

import random

import pytest

from lib.model import BLOCK_KINDS, Block, ReadError
from lib.readers import BACKENDS, Source, backend_for, one_line, read_document
from lib.readers.furniture import furniture


def test_every_backend_speaks_the_protocol():
    names = [b.name for b in BACKENDS]
    assert names == ["pdf", "docx", "email", "html", "markdown", "text"]
    assert all(callable(b.accepts) and callable(b.read) for b in BACKENDS)


@pytest.mark.parametrize(
    "name, raw, backend",
    [
        ("report.txt", b"<!DOCTYPE html><html><body><main><h1>PEEL</h1></main></body></html>", "html"),
        ("report.txt", b"From: a@b.example\nSubject: Bulletin\n\nHello", "email"),
        ("report.txt", b"# PEEL 2021/22\n\n## Areas\n\n**Good** and [a link](https://x.example)\n", "markdown"),
        ("report.md", b"Plain words\n", "markdown"),
        ("report.txt", b"PEEL: Police effectiveness 2015\n\nThe force is good.\n", "text"),
        ("report.html", b"<p>A fragment of a page</p>", "html"),
        ("renamed.txt", b"%PDF-1.7\n", "pdf"),
    ],
)
def test_the_backend_is_chosen_by_the_bytes(tmp_path, name, raw, backend):
    path = tmp_path / name
    path.write_bytes(raw)
    assert backend_for(Source(path, raw)).name == backend


@pytest.mark.parametrize(
    "name, raw, reason",
    [
        ("sheet.xlsx", b"PK\x03\x04rest", "zip container that is not a Word document"),
        ("scan.png", b"\x89PNG\r\n", "an image (PNG)"),
        ("broken.pdf", b"not a pdf", "not a PDF"),
        ("data.csv", b"a,b\n1,2\n", ".csv files are not read"),
    ],
)
def test_bytes_no_backend_reads_are_refused_in_one_line(tmp_path, name, raw, reason):
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(ReadError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        read_document(path)


def test_a_block_kind_is_checked():
    assert set(BLOCK_KINDS) == {"heading", "paragraph", "list_item", "table"}
    with pytest.raises(ValueError, match="unknown kind 'caption'"):
        Block("caption", "Figure 1", 1)


def test_page_labels_follow_the_printed_numbers():
    pages = [
        ["PEEL 2016", "An inspection of Kent Police"],  # the cover: no number printed
        ["Report header", "Contents", "ii"],
        ["Report header", "Body text", "1"],
        ["Report header", "More body text", "2"],
        ["Report header", "The last page", "3"],
    ]
    out, labels = furniture(pages)
    assert labels == ["", "", "1", "2", "3"]
    assert out[2] == ["Body text"]


def test_a_document_of_one_page_has_no_label():
    assert furniture([["Only page", "1"]]) == ([["Only page", "1"]], [""])


def test_blocks_of_a_text_export_carry_their_page_label(tmp_path):
    page = "PEEL: Police legitimacy 2017 – Essex Police\n\n{body} is what this page is about.\n\n{n}\n"
    bodies = ["Fairness", "Ethics", "Workforce", "Vetting", "Wellbeing"]
    text = "\f".join(page.format(body=body, n=k + 5) for k, body in enumerate(bodies))
    path = tmp_path / "essex.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert [p.label for p in doc.pages] == ["5", "6", "7", "8", "9"]
    assert [(b.page, b.page_label, b.text.split()[0]) for b in doc.blocks] == [
        (k + 1, str(k + 5), body) for k, body in enumerate(bodies)
    ]  # the running head and the page numbers are furniture, not blocks


@pytest.mark.parametrize(
    "name, raw",
    [
        (
            "page.html",
            "<html><body><h1>Office of the\nCommissioner</h1>"
            "<p>Headquarters<br>Princes&nbsp;&nbsp;Dock\n\tLiverpool</p>"
            "<ul><li>Invest\u00adment&nbsp;– skills</li></ul></body></html>",
        ),
        (
            "note.txt",
            "Office of the Commissioner\n\nHeadquarters  Princes\u00a0Dock Liverpool\n\n"
            "• Invest\u00adment\u00a0– skills\n",
        ),
    ],
)
def test_every_block_but_a_table_is_read_onto_one_line(tmp_path, name, raw):
    """The clean text stored once on the block: line breaks, runs of spaces and no-break spaces one space,
    soft hyphens gone, whatever the format printed; the extractors read it as it is."""
    path = tmp_path / name
    path.write_text(raw, encoding="utf-8")
    texts = [b.text for b in read_document(path).blocks if b.kind != "table"]
    assert texts and all(t == " ".join(t.split()) and "\u00ad" not in t for t in texts), texts
    assert any("Princes Dock Liverpool" in t for t in texts)


def test_a_text_on_one_line_already_is_kept_and_any_other_made_so():
    """``one_line`` keeps a text that has nothing to clean without a look at its words, and gives every other
    text what splitting it at white space gives: every kind of white space, soft hyphens, a PDF's bullet."""
    rng = random.Random(3)
    pieces = ["ab", "c", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "\u00ad", "(cid:127)", "\u200b", "\x1c", "é", "•"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        expect = " ".join(text.replace("\u00ad", "").replace("(cid:127)", "•").split())
        assert one_line(text) == expect, repr(text)
