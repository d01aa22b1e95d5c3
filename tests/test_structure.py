"""The section tree over blocks: heading paths, sections, list items under a heading, the area of a block."""

from __future__ import annotations

from lib.model import Block
from lib.structure import area_of, enclosing, list_items_under, outline, own_blocks, section
from lib.vocab import area_key


def H(text, level, page=1):
    return Block("heading", text, page, level=level)


def P(text, page=1, box=""):
    return Block("paragraph", text, page, box=box)


def L(text, level=0, number=""):
    return Block("list_item", text, 1, level=level, number=number)


BLOCKS = [
    H("PEEL 2021/22: An inspection of Kent Police", 1),
    H("Investigating crime", 2),
    P("Requires improvement"),
    H("Main findings", 3),
    P("Some text."),
    H("Areas for improvement", 3),
    L("The force should do one thing."),
    L("The force should do another:"),
    L("a part of it", level=1),
    H("Responding to the public", 2),
    P("Good"),
]


def test_a_heading_closes_deeper_sections_and_opens_its_own():
    nodes = outline(BLOCKS)
    assert [h.text for h in nodes[6].path] == [
        "PEEL 2021/22: An inspection of Kent Police",
        "Investigating crime",
        "Areas for improvement",
    ]
    # "Responding to the public" (level 2) closes "Investigating crime" and its sub-sections.
    assert [h.text for h in nodes[10].path] == [
        "PEEL 2021/22: An inspection of Kent Police",
        "Responding to the public",
    ]
    assert nodes[9].path == (BLOCKS[0],)  # a heading's own path does not hold itself


def test_section_runs_to_the_next_heading_of_the_same_level():
    nodes = outline(BLOCKS)
    assert [n.index for n in section(nodes, 1)] == list(range(2, 9))
    assert [n.index for n in own_blocks(nodes, 1)] == [2]
    assert [n.text for n in list_items_under(nodes, 5)] == [
        "The force should do one thing.",
        "The force should do another:",
        "a part of it",
    ]


def test_area_of_a_block_is_its_nearest_enclosing_heading_that_names_one():
    nodes = outline(BLOCKS)
    assert area_of(nodes[6], area_key) == "investigating_crime"
    assert area_of(nodes[10], area_key) == "responding_to_public"
    assert area_of(nodes[0], area_key) is None
    assert enclosing(nodes[6], area_key, outermost=True)[0] == "investigating_crime"


def test_blocks_before_any_heading_have_an_empty_path():
    nodes = outline([P("Cover text"), H("Contents", 2), P("Investigating crime 14")])
    assert nodes[0].path == () and [h.text for h in nodes[2].path] == ["Contents"]
