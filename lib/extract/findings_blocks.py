"""Findings read from the structure: each way a report sets out a finding is one rule over the section tree.

- ``afi_list``: a heading (or a line standing as one) "Areas for improvement", then its list items (a
  report without list markup: the paragraphs "The force should ...");
- ``numbered``: "Area for improvement 1: ..." or "Recommendation 1: ..." (2023-25), the text after the
  colon or in the blocks after it;
- ``cause_of_concern``: a "Cause of concern" box: the cause's text, then its recommendations ("Within six
  months, the force should:" then items, or a "Recommendations" heading then items).
"Innovative practice" and "Promising practice" boxes are not findings. Sub-items (deeper, or after an item
ending in ':') stay in their parent. Each finding's area is the nearest heading above it that names one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Block
from ..structure import Node, area_of, section
from ..text import clean_line
from ..vocab import TOP_QUESTION, area_key
from .rule_rows import Finding

AFI_HEADING = re.compile(r"^areas? for improvement\W*$", re.I)
NUMBERED = re.compile(
    r"^(?P<kind>area for improvement|recommendation|cause of concern)\s+(?P<n>\d{1,2})\b\W*(?P<text>.*)$", re.I
)
CAUSE = re.compile(r"^(?:accelerated )?causes? of concern\W*(?P<text>.*)$", re.I)
NAMES_CAUSES = re.compile(r"\bcauses? of concern\b", re.I)
PLURAL_CAUSES = re.compile(r"^causes of concern\W*$", re.I)
RECS = re.compile(r"^recommendations?\W*$", re.I)
WITHIN = re.compile(r"^(?:within|by)\b.{0,40}\bshould\W*$|^(?:we recommend that|the force should)\W*$", re.I)
SHOULD = re.compile(
    r"^(?:the (?:force|constabulary|chief constable)|[A-Z][\w&' -]+ (?:police|constabulary))\b.{0,40}\bshould\b", re.I
)
# The words every finding's heading starts with (the patterns above): no other block is read further.
FINDING_WORDS = re.compile(r"^(?:area|recommendation|cause|accelerated)", re.I)
_SPACES = re.compile(r"\s+")
KINDS = {
    "area for improvement": "area_for_improvement",
    "recommendation": "recommendation",
    "cause of concern": "cause_of_concern",
}


def _area(nodes: list[Node], i: int, questions: bool = True) -> str | None:
    """The nearest enclosing heading that names an area; where the headings come at one level (so the
    question is a sibling, not a parent), the nearest heading before the finding that names one (or, with
    ``questions``, a question standing as a paragraph)."""
    key = area_of(nodes[i], area_key)
    if key and key != "overall":
        return key
    level = nodes[i].block.level if nodes[i].kind == "heading" else 99
    for node in reversed(nodes[:i]):
        b = node.block
        heading = b.kind == "heading" and (b.level or 1) <= (level or 99)
        question = (
            questions and b.kind == "paragraph" and len(b.text.split()) <= 30 and TOP_QUESTION.match(clean_line(b.text))
        )
        if (heading or question) and (k := area_key(b.text)):
            return k
        if heading and _opens_question(b, nodes[i]):
            return key  # the finding's own question names no area we know: not the section before's
    return key


def _opens_question(heading: Block, finding: Node) -> bool:
    """A heading that asks the question a finding's section answers ("How sustainable and affordable is the
    workforce model?"): one of the finding's own headings, or one at its level, printed as a question."""
    asks = clean_line(heading.text).endswith("?") or bool(TOP_QUESTION.match(clean_line(heading.text)))
    return asks and (any(h is heading for h in finding.path) or finding.kind == "heading")


def _finding_heading(node: Node) -> bool:
    return node.kind == "heading" and _heads_a_finding(node.text)


@lru_cache(maxsize=4096)
def _heads_a_finding(text: str) -> bool:
    """A heading's text that opens a finding (kept per text: each finding asks it of the 40 blocks before it)."""
    text = clean_line(text)
    return bool(AFI_HEADING.match(text) or CAUSE.match(text) or NUMBERED.match(text))


def _row(nodes: list[Node], at: int, kind: str, text: str, page: int, evidence: list[str]) -> Finding:
    text = _SPACES.sub(" ", text).strip()
    # Questions printed as paragraphs count only where the finding stands under a heading of its own: in a
    # document whose blocks carry no headings, the line reader (findings.py) places the finding.
    anchored = any(_finding_heading(n) for n in nodes[max(0, at - 40) : at + 1])
    enclosed = bool(area_of(nodes[at], area_key))  # the area is a heading the finding stands under
    return Finding(_area(nodes, at, questions=anchored), enclosed, kind, text, page, " / ".join(evidence))


# An item that ends whole ("...;", "...; and", "..."); one that runs on into sub-items (";", "and", "or").
_WHOLE_ITEM = re.compile(r"(?:[.;]|;\s*(?:and|or))$")
_ITEM_GOES_ON = re.compile(r"(?:;|\band|\bor)$")


def _items(nodes: list[Node]) -> list[tuple[Node, str, list[str]]]:
    """List items with their sub-items folded in: (first node, whole text, lines as printed)."""
    out: list[tuple[Node, str, list[str]]] = []
    opened = nested = False  # the item ended in ':'; its sub-items came deeper than it
    for node in nodes:
        text = clean_line(node.text)
        if not text:
            continue
        parent = out[-1] if out else None
        if parent is not None and len(parent[2]) == 1:
            opened, nested = parent[1].endswith(":"), False
        # A deeper item is a sub-item, unless it follows a whole item ("...;", "...; and", "...") that opened no
        # sub-list: then the reader mis-set its indent and it is the next item.
        closed = parent is not None and not nested and _WHOLE_ITEM.search(parent[1])
        deeper = parent is not None and node.block.level > parent[0].block.level and not closed
        # Sub-items printed at the parent's depth: lower case, or after one that ends in ';', 'and', 'or'.
        follows = (
            opened and not nested and parent is not None and (text[:1].islower() or _ITEM_GOES_ON.search(parent[1]))
        )
        if parent is not None and (deeper or follows):
            nested = nested or deeper
            out[-1] = (parent[0], f"{parent[1]} {text}", parent[2] + [text])
        else:
            out.append((node, text, [text]))
    return out


def _list_after(nodes: list[Node], start: int) -> list[Node]:
    """The list items from ``start`` on, up to the first block that is neither a list item nor empty."""
    out = []
    for node in nodes[start:]:
        if node.kind == "list_item":
            out.append(node)
        elif out or node.kind == "heading":
            break
    return out


def afi_list(nodes: list[Node], i: int) -> list[Finding]:
    """'Areas for improvement' then its list items (else its 'The force should ...' paragraphs)."""
    body = section(nodes, i) if nodes[i].kind == "heading" else nodes[i + 1 :]
    items = _list_after(body, 0)
    if not items:
        items = []
        for node in body:
            if node.kind == "paragraph" and SHOULD.match(clean_line(node.text)):
                items.append(node)
            elif items or node.kind == "heading":
                break
    return [_row(nodes, n.index, "area_for_improvement", t, n.block.page, ev) for n, t, ev in _items(items)]


# The next numbered finding run into the same paragraph (numbered lines a text reader joined).
NEXT_NUMBERED = re.compile(
    r"(?<=[.;:])\s+(?=(?:area for improvement|recommendation|cause of concern)\s+\d{1,2}\b\W)", re.I
)


def numbered(nodes: list[Node], i: int) -> list[Finding]:
    """'Area for improvement 1: ...' (or 'Recommendation 1'): the text after it, in the block or the next;
    'Recommendation 2: ...' run into the same paragraph is a finding of its own."""
    rows = []
    for part in NEXT_NUMBERED.split(clean_line(nodes[i].text)):
        hit = NUMBERED.match(part)
        kind = KINDS[hit.group("kind").lower()]
        text, evidence = hit.group("text").strip(), [part]
        j = i + 1
        while not text and j < len(nodes) and nodes[j].kind in ("paragraph", "list_item"):
            text = clean_line(nodes[j].text)
            evidence.append(text)
            j += 1
        if text:
            rows.append(_row(nodes, i, kind, text, nodes[i].block.page, evidence))
    return rows


def cause_of_concern(nodes: list[Node], i: int) -> list[Finding]:
    """A cause of concern: its text (the heading's own text after 'Cause of concern', else the paragraphs
    after it), then its recommendations."""
    own = CAUSE.match(clean_line(nodes[i].text)).group("text").strip()
    texts, rows = ([own] if own else []), []
    j = i + 1
    while j < len(nodes):
        node, text = nodes[j], clean_line(nodes[j].text)
        if WITHIN.match(text) or RECS.match(text) or node.kind == "list_item" or NUMBERED.match(text):
            break
        if node.kind == "heading" or node.kind == "table":
            break
        if not NAMES_CAUSES.search(text):  # "We have identified one cause of concern ...": its introduction
            texts.append(text)
        j += 1
    if texts:
        rows.append(_row(nodes, i, "cause_of_concern", " ".join(texts), nodes[i].block.page, texts))
    elif PLURAL_CAUSES.match(clean_line(nodes[i].text)) and j < len(nodes) and nodes[j].kind == "list_item":
        # "Causes of concern" over a list: each item is a cause (its sub-items inside it).
        items = _items(_list_after(nodes, j))
        return [_row(nodes, n.index, "cause_of_concern", t, n.block.page, ev) for n, t, ev in items]
    if j < len(nodes) and (WITHIN.match(clean_line(nodes[j].text)) or RECS.match(clean_line(nodes[j].text))):
        j += 1
        if j < len(nodes) and WITHIN.match(clean_line(nodes[j].text)):
            j += 1
        rows += [
            _row(nodes, n.index, "recommendation", t, n.block.page, ev) for n, t, ev in _items(_list_after(nodes, j))
        ]
    return rows


def block_findings(nodes: list[Node]) -> list[Finding]:
    """Every finding the structure sets out, in reading order."""
    rows: list[Finding] = []
    for i, node in enumerate(nodes):
        if node.kind not in ("heading", "paragraph"):
            continue
        text = clean_line(node.text)
        if len(text) > 400 or not FINDING_WORDS.match(text):
            continue
        if AFI_HEADING.match(text):
            rows += afi_list(nodes, i)
        elif NUMBERED.match(text):
            rows += numbered(nodes, i)
        elif CAUSE.match(text) and (
            node.kind == "heading" or node.block.box or len(text.split()) <= 4 or ":" in text[:40]
        ):
            rows += cause_of_concern(nodes, i)
        elif (
            RECS.match(text) and node.kind == "heading" and not any(CAUSE.match(clean_line(h.text)) for h in node.path)
        ):
            rows += [
                _row(nodes, n.index, "recommendation", t, n.block.page, ev)
                for n, t, ev in _items(_list_after(section(nodes, i), 0))
            ]
    return rows
