"""A Commissioner's response printed as labelled paragraphs, not a table: a letter of numbered paragraphs or a
web page.

- **An action paragraph**: a paragraph (or list item) whose text, after its own number, starts with a
  finding's label and goes on with the action taken: "4. Recommendation 1: The force has recruited 42 call
  handlers ... Status: In progress." The finding is the label as printed ("Recommendation 1"); the status
  after "Status:" is kept whole.
- **A finding then its response**: a paragraph or heading with a label and the finding's own words ("Area
  for improvement 2: The force should ..."), then the blocks that answer it: "Response: ..." / "Action: ..."
  paragraphs or bullets, and a "Status: ..." line. Inline, "... should X. Response: Y. Status: Z." is the same.
- Paragraphs without a label (the introduction, the summary, the grades, the closing) are no actions.
- **A cause of concern named in running text** ("The report identifies one cause of concern, about how quickly
  the force responds to calls for service, with three recommendations"): the causes the recommendations
  answer, when the response gives them no row of their own.
"""

from __future__ import annotations

import re

from ..model import Block, Document
from ..text import clean_line
from ..vocab import CAUSES_NAMED, COUNT_WORDS, FINDING_LABEL, FINDING_LABELS, PARAGRAPH_NUMBER, STATUS_LABEL, area_key

# A response's own words before its action: "Response:", "Action taken:", "Force update –".
RESPONSE_LABEL = re.compile(
    r"(?:^|(?<=[.;)]\s))(?:(?:our|the force['’]s|force|pcc|opcc|commissioner['’]s) )?"
    r"(?:response|actions?(?: taken)?|update|progress(?: update)?)\s*[:–—-]\s*",
    re.I,
)
# The words of a finding, not of an action: what the force should do.
STATES_FINDING = re.compile(r"\bshould\b|^(?:by [^,]{3,30}, )?(?:make sure|ensure|improve|review|develop)\b", re.I)


def _kind(word: str) -> str:
    return next(k for k, p in FINDING_LABELS.items() if re.fullmatch(p, word, re.I))


def _text(block: Block) -> str:
    """A block's text without the paragraph's own number ("4. ...")."""
    text = block.text  # on one line (``lib.readers.one_line``): never a table's
    return PARAGRAPH_NUMBER.sub("", text) if text[:1] == "(" or text[:1].isdigit() else text


def split_status(text: str) -> tuple[str, str]:
    """(text before, status as printed) of "... Status: In progress – due March 2025."; status "" when none."""
    hit = STATUS_LABEL.search(text)
    if not hit:
        return text, ""
    before = text[: hit.start()].strip()
    status = hit.group("status").strip()
    if before.endswith("(") and status.endswith(")"):  # "... (Status: complete)"
        before, status = before[:-1].strip(), status[:-1]
    return before, status.rstrip(".").strip()


def _action(finding: str, text: str, status: str, block: Block) -> dict:
    return {
        "recommendation": finding,
        "action": text,
        "status": status,
        "page": block.page,
        "evidence": clean_line(block.text),
    }


def _finding(kind: str, area: str | None, text: str, block: Block) -> dict:
    return {"area": area, "kind": kind, "text": text, "page": block.page, "evidence": clean_line(block.text)}


def _answer(kind: str, name: str, rest: str, block: Block, out: tuple[list, list]) -> bool:
    """A finding and, when the same block gives it, its action; True when the finding waits for its answer."""
    rest, status = split_status(rest)
    said, answer = _split_response(rest)
    if not answer and not STATES_FINDING.search(said):
        said, answer = name, said  # "Recommendation 1: The force has recruited ...": the label, then the action
    said = said or name
    out[1].append(_finding(kind, area_key(said), said, block))
    if answer:
        out[0].append(_action(said, answer, status, block))
    return not answer


def labelled_actions(doc: Document) -> tuple[list[dict], list[dict]]:
    """(actions, findings) of the labelled paragraphs of a response (see the module's description); a
    finding's area None where its words name none (the response's subject stands there)."""
    out: tuple[list[dict], list[dict]] = ([], [])
    actions = out[0]
    blocks = [b for b in doc.blocks if b.kind != "table"]
    texts = [_text(b) for b in blocks]
    open_finding: str | None = None  # a finding stated in its own words, waiting for its response
    open_actions: list[dict] = []  # the actions of the open finding, for a "Status:" line after them
    waiting: tuple[str, str] | None = None  # a label heading alone: (kind, label), its finding in the next block
    for i, block in enumerate(blocks):
        text = texts[i]
        hit = FINDING_LABEL.match(text)
        if hit or waiting:
            kind, name = (_kind(hit.group("word")), hit.group("label")) if hit else waiting
            rest = text[hit.end() :].strip() if hit else text
            waiting, open_finding, open_actions = None, None, []
            nxt = texts[i + 1] if i + 1 < len(texts) else ""
            if hit and not rest and STATES_FINDING.search(nxt) and not FINDING_LABEL.match(nxt):
                waiting = (kind, name)
                continue
            if _answer(kind, name, rest, block, out):
                open_finding = out[1][-1]["text"]
            continue
        if open_finding is None:
            continue
        before, status = split_status(text)
        said, answer = _split_response(before)
        nxt = texts[i + 1] if i + 1 < len(texts) else ""
        plain_answer = not open_actions or bool(STATUS_LABEL.match(nxt))
        if block.kind == "heading" and not answer:
            open_finding = None
        elif status and not before:
            for row in open_actions:
                row["status"] = row["status"] or status
        elif answer or block.kind == "list_item" or plain_answer:
            row = _action(open_finding, answer or before, status, block)
            actions.append(row)
            open_actions.append(row)
        else:
            open_finding = None  # a paragraph of the letter's own: the answer is over
    return out


def _split_response(text: str) -> tuple[str, str]:
    """(the finding's words, the response's) of "... should X. Response: Y"; ("", text) when the text starts
    with its response label; (text, "") when it has none."""
    hit = RESPONSE_LABEL.search(text)
    if not hit:
        return text, ""
    return text[: hit.start()].strip(), text[hit.end() :].strip()


def marked_action(action: dict) -> bool:
    """An action a response marks as one: it has a status, or its block starts with a response's label or with
    the label of the finding it answers."""
    block = PARAGRAPH_NUMBER.sub("", action["evidence"])
    return bool(action["status"] or RESPONSE_LABEL.match(block) or FINDING_LABEL.match(block))


def causes_named(doc: Document, subject: str | None = None) -> list[dict]:
    """The causes of concern a response names in a sentence ("one cause of concern, about how quickly the force
    responds to calls for service"): that many findings, the sentence as evidence."""
    for block in doc.blocks:
        if block.kind == "table":
            continue
        text = clean_line(block.text)
        hit = CAUSES_NAMED.search(text)
        if not hit:
            continue
        word = hit.group("n").lower()
        n = int(word) if word.isdigit() else COUNT_WORDS[word]
        about = hit.group("rest").strip(" ,;:")
        name = clean_line(hit.group(0)).strip(" ,;:")
        area = area_key(about) or subject
        return [_finding("cause_of_concern", area, name, block) for _ in range(n)]
    return []
