"""Paragraphs and sentences out of a Document's blocks: one test per way a block goes on with the sentence
the block before left open, and the ways it does not."""

from __future__ import annotations

import random

from lib.model import Block, Document
from lib.text import Sentence, blocks, continues, sentences, split_paragraphs, split_sentences


def doc(*blocks_: Block) -> Document:
    return Document(path="x.pdf", source="x.pdf", format="pdf", sha256="", pages=[], blocks=list(blocks_))


def para(text: str, page: int = 1) -> Block:
    return Block("paragraph", text, page)


def heading(text: str, page: int = 1, level: int = 2) -> Block:
    return Block("heading", text, page, level=level)


def item(text: str, number: str = "") -> Block:
    return Block("list_item", text, 1, number=number)


def test_a_block_that_goes_on_in_lower_case_continues_the_sentence():
    d = doc(para("Calls are not always answered promptly, which means that"), para("victims wait too long."))
    assert blocks(d) == [(1, "Calls are not always answered promptly, which means that victims wait too long.")]


def test_a_block_that_goes_on_with_a_number_then_lower_case_continues_the_sentence():
    d = doc(para("The force applied for 3 orders at a rate of 6.8 per"), para("100 organised crime groups."))
    assert blocks(d) == [(1, "The force applied for 3 orders at a rate of 6.8 per 100 organised crime groups.")]


def test_a_paragraph_that_runs_over_a_page_break_is_one_paragraph_on_its_first_page():
    d = doc(para("The force works with the", page=3), para("Multi-Agency Safeguarding Hub daily.", page=4))
    assert blocks(d) == [(3, "The force works with the Multi-Agency Safeguarding Hub daily.")]


def test_a_caption_at_the_foot_of_a_page_does_not_run_into_the_next_page():
    d = doc(
        para("Figure 6: Crime types of organised crime groups, as at 30 June 2015 14", page=23),
        para("Drug activity was the predominant crime type.", page=24),
    )
    assert blocks(d) == [
        (23, "Figure 6: Crime types of organised crime groups, as at 30 June 2015 14"),
        (24, "Drug activity was the predominant crime type."),
    ]


def test_a_sentence_of_a_paragraph_over_a_page_break_is_on_the_page_it_starts_on():
    """A block that runs over a page break (``Block.breaks``), and a block joined to one from the next page:
    the sentences before the break are on the first page, one that starts after it on the next; a sentence
    that runs over the break is on the page it starts on."""
    first = "Crime fell by 9 percent over the year and the force works with the"
    text = f"{first} council. It was busy. It was busy. It recorded 120 crimes."
    cut = Block("paragraph", text, 3, breaks=((text.index("It was busy.") + 13, 4),))
    assert [(s.page, s.text) for s in sentences(doc(cut))] == [
        (3, "Crime fell by 9 percent over the year and the force works with the council."),
        (3, "It was busy."),
        (4, "It was busy."),  # the same words again, after the break
        (4, "It recorded 120 crimes."),
    ]
    joined = doc(para("The force works with the", page=5), para("Hub daily. It meets weekly.", page=6))
    assert [(s.page, s.text) for s in sentences(joined)] == [
        (5, "The force works with the Hub daily."),
        (6, "It meets weekly."),
    ]


def test_a_heading_that_is_a_paragraphs_first_line_continues_into_it():
    """A line the reader took for a heading because the next word did not fit: it ends on a word no heading
    ends on, or on a name after a clause of a sentence."""
    cut = doc(heading("Of those who have been the victim of a crime in"), para("Kent, 79.3 percent were satisfied."))
    assert blocks(cut) == [(1, "Of those who have been the victim of a crime in Kent, 79.3 percent were satisfied.")]
    name = doc(
        heading("In the 12 months to 30 June 2015, Greater"), para("Manchester Police recorded 27,002 incidents.")
    )
    assert sentences(name) == [
        Sentence(1, "In the 12 months to 30 June 2015, Greater Manchester Police recorded 27,002 incidents.")
    ]


def test_a_heading_stays_apart_from_its_section():
    d = doc(
        heading("PEEL 2023–25: An inspection of Kent Police", level=1),
        para("Published on: 12 February 2025"),
        heading("Strategic planning, organisational management and value for money"),
        para("Kent Police is good at strategic planning."),
    )
    assert [t for _, t in blocks(d)] == [
        "PEEL 2023–25: An inspection of Kent Police",
        "Published on: 12 February 2025",
        "Strategic planning, organisational management and value for money",
        "Kent Police is good at strategic planning.",
    ]


def test_a_sentence_end_ends_the_paragraph_but_an_abbreviation_does_not():
    assert blocks(doc(para("The force is good."), para("and more."))) == [(1, "The force is good."), (1, "and more.")]
    assert blocks(doc(para("Partners (e.g."), para("schools) share data."))) == [
        (1, "Partners (e.g. schools) share data.")
    ]


def test_a_lists_items_stay_apart_from_the_line_that_leads_into_them():
    """The grade rules read each item with the subject of its lead ("Kent Police:" then "• is good at ...");
    a bulleted item keeps its bullet, a numbered one its text."""
    d = doc(para("HMIC judged that Kent Police:"), item("is good at preventing crime;"), item("needs to improve.", "1"))
    assert blocks(d) == [
        (1, "HMIC judged that Kent Police:"),
        (1, "• is good at preventing crime;"),
        (1, "needs to improve."),
    ]


def test_a_paragraph_in_lower_case_after_a_list_item_continues_it():
    d = doc(item("The force should improve its"), para("risk assessments."))
    assert blocks(d) == [(1, "• The force should improve its risk assessments.")]


def test_a_tables_cells_are_a_paragraph_of_their_own():
    table = Block(
        "table",
        "Area | Grade\nInvestigating crime | Good",
        1,
        rows=[["Area", "Grade"], ["Investigating crime", "Good"]],
    )
    d = doc(para("Our judgments are"), table, para("set out below."))
    assert blocks(d) == [(1, "Our judgments are"), (1, "Area Grade Investigating crime Good"), (1, "set out below.")]


def test_printed_page_numbers_are_left_out_and_a_word_hyphenated_over_a_break_joins():
    d = doc(para("It tackles anti-", page=1), para("12", page=1), para("social behaviour well.", page=2))
    assert blocks(d) == [(1, "It tackles anti-social behaviour well.")]


def test_continues_needs_an_open_sentence_before():
    before, after = para("The force is good."), para("victims are safe.")
    assert not continues(before, before.text, after, after.text)
    assert continues(before, "The force is", after, after.text)


def test_split_sentences():
    assert split_sentences("It is good. It is adequate, e.g. here. 12 officers left.") == [
        "It is good.",
        "It is adequate, e.g. here.",
        "12 officers left.",
    ]


def test_paragraphs_split_at_once_as_one_at_a_time():
    """``split_paragraphs`` (one search of a document's paragraphs joined) cuts each as ``split_sentences`` does:
    a stop inside a closing quote or bracket, an abbreviation, a figure or a bullet after the stop, a paragraph
    with no stop, one that ends on a stop and a space, and the next paragraph's capital never cut across."""
    rng = random.Random(3)
    pieces = [
        "It is good.",
        "(It is.)",
        "e.g. here",
        "No. 5 is",
        "‘Good.’",
        "12 officers",
        "• An item.",
        "it is",
        "Dr. Who said so!",
        "Why?",
        "a",
        "The force",
    ]
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(400)] + ["", "Ends. "]
    assert split_paragraphs(texts) == [split_sentences(t) for t in texts]
