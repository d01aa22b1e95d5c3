"""PCC and PFCC responses: one row per action, and the findings each answers.

A response states its actions in one of two ways, each read by its own rule:

- **a table** (a Word table, tab-separated text, Markdown pipes, the ruled tables of a PDF, an HTML table):
  recommendation or area for improvement | the force's and the Commissioner's response and actions | status.
  A first column that groups the rows ("Area of policing", vertically merged in Word: its text repeated in
  each row it spans) names the area, or a cause of concern ("Investigating crime – cause of concern"), of the
  rows beside it. A row whose finding cell is empty, or repeats the cell above (a merged cell), continues the
  finding above; a cell holding several bullets holds several actions; the status column ("Complete", "In
  progress – due September 2022") is kept whole as printed; columns of who leads and by when are no actions.
  A merged row (one text across the table) is no action: a cause of concern's text, or the heading of the area
  the rows below it answer. A table split over pages continues with or without its header repeated.
- **labelled paragraphs** (a letter of numbered paragraphs, a web page): ``lib.extract.pcc_letters``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Document
from ..text import clean_line
from ..vocab import (
    ACTION_HEADER,
    BULLET_GLYPHS,
    CID_BULLET,
    FINDING_HEADER,
    FINDING_LABEL,
    FINDING_LABELS,
    GROUP_HEADER,
    OTHER_HEADER,
    PUA_BULLETS,
    STATUS_HEADER,
    STATUS_WORDS,
    area_key,
)
from .pcc_letters import causes_named, labelled_actions, marked_action

SPLIT_BULLETS = re.compile(
    rf"\s*(?:[{re.escape(BULLET_GLYPHS + PUA_BULLETS)}]|{re.escape(CID_BULLET)}|(?:^|\n)\s*[-–*]\s)\s*"
)
CAUSE = re.compile(rf"^{FINDING_LABELS['cause_of_concern']}\b\W*(?P<rest>.*)$", re.I)
NAMES_CAUSE = re.compile(rf"\b{FINDING_LABELS['cause_of_concern']}\b", re.I)


def _actions(cell: str) -> list[str]:
    parts = [clean_line(p) for p in SPLIT_BULLETS.split(cell)]
    return [p for p in parts if p and not re.fullmatch(r"[\W_]+", p)]


def _is_header(row: list[str]) -> bool:
    """A header row: short labels naming the finding answered (a recommendation, an area for improvement, a
    finding) and the actions or response."""
    if any(len(c or "") > 90 or (c or "").rstrip().endswith(".") for c in row):
        return False
    low = " ".join(c or "" for c in row)
    return bool(FINDING_HEADER.search(low) and ACTION_HEADER.search(low))


@dataclass
class Columns:
    """What each column of a response's table holds, from its header."""

    finding: int = 0  # the recommendation or area for improvement answered
    group: list[int] = field(default_factory=list)  # columns before it that group the rows (an area, a cause)
    status: int | None = None
    actions: list[int] = field(default_factory=list)


def columns(header: list[str]) -> Columns:
    """Given a header row, the columns of finding, groups, status and actions. The finding column is the first
    whose header names a finding; the columns before it group the rows; after it, each column is the status,
    a column of who leads or by when (no action), or actions."""
    cells = [clean_line(c) for c in header]
    finding = next(
        (i for i, c in enumerate(cells) if FINDING_HEADER.search(c) and not GROUP_HEADER.search(c)),
        next((i for i, c in enumerate(cells) if FINDING_HEADER.search(c)), 0),
    )
    status = next((i for i, c in enumerate(cells) if i != finding and STATUS_HEADER.search(c)), None)
    actions = [i for i in range(finding + 1, len(cells)) if i != status and not OTHER_HEADER.search(cells[i])]
    return Columns(finding, list(range(finding)), status, actions)


def headerless_columns(table: list[list[str]]) -> Columns | None:
    """A table printed without a header whose rows answer labelled findings ("Recommendation 1: ..." | the
    actions | "Complete"): the labelled column is the finding, a column of statuses the status, the columns
    after the finding the actions; None unless two rows or more start with a finding's label."""
    if not table or len(table[0]) < 2:
        return None
    width = len(table[0])
    labelled = [
        next((i for i, c in enumerate(row) if FINDING_LABEL.match(clean_line(c or ""))), None)
        for row in table
        if len(row) == width
    ]
    found = [i for i in labelled if i is not None]
    if len(found) < 2:
        return None
    finding = min(found)

    def statuses(i: int) -> bool:
        values = [clean_line(row[i] or "") for row in table if len(row) == width and clean_line(row[i] or "")]
        return bool(values) and all(STATUS_WORDS.match(v) for v in values)

    status = next((i for i in range(finding + 1, width) if statuses(i)), None)
    return Columns(finding, list(range(finding)), status, [i for i in range(finding + 1, width) if i != status])


def _cause_area(text: str) -> str | None:
    """'Cause of concern – Responding to the public: The force ...': the area named before the colon;
    'Investigating crime – cause of concern': the area named."""
    hit = CAUSE.match(text)
    if not hit:
        return area_key(NAMES_CAUSE.sub("", text))
    rest = hit.group("rest")
    return area_key(rest.split(":", 1)[0]) if ":" in rest else area_key(rest)


def finding(kind: str, area: str | None, text: str, page: int, evidence: str) -> dict:
    return {"area": area, "kind": kind, "text": text, "page": page, "evidence": evidence}


def label_kind(text: str) -> str | None:
    """The kind a finding's label names ("Recommendation 2:", "AFI:"), None when it has no label."""
    hit = FINDING_LABEL.match(text)
    if not hit:
        return None
    word = hit.group("word").lower()
    return next(k for k, p in FINDING_LABELS.items() if re.fullmatch(p, word, re.I))


@dataclass
class _State:
    header: list[str] | None = None
    cols: Columns = field(default_factory=Columns)
    current: str | None = None  # the finding the actions answer
    group: str | None = None  # the text of the group cell or row above
    area: str | None = None
    in_cause: bool = False

    def new_group(self) -> None:
        self.current, self.group, self.area, self.in_cause = None, None, None, False


def _group(state: _State, text: str, page: int, evidence: str, findings: list[dict]) -> None:
    """A group row or a new group cell: a cause of concern (a finding of its own) or an area heading."""
    state.current, state.group = None, text
    if NAMES_CAUSE.search(text):
        state.in_cause, state.area = True, _cause_area(text)
        findings.append(finding("cause_of_concern", state.area, text, page, evidence))
    else:
        state.in_cause, state.area = False, area_key(text)


def _is_group_row(cells: list[str], filled: list[str]) -> bool:
    """A merged row: its text repeated across the cells (Word, HTML), or alone in the first cell (a PDF) as a
    cause of concern or a short heading."""
    if len(set(filled)) == 1 and len(filled) > 1:
        return True
    alone = len(filled) == 1 and clean_line(cells[0]) and len(cells) > 1
    return bool(alone and (CAUSE.match(filled[0]) or (len(filled[0].split()) <= 12 and "should" not in filled[0])))


def _finding_kind(state: _State, text: str) -> str:
    kind = label_kind(text)
    if kind:
        return kind
    afi_table = re.search(FINDING_LABELS["area_for_improvement"], " ".join(state.header or []), re.I)
    return "recommendation" if state.in_cause or not afi_table else "area_for_improvement"


def _row(state: _State, cells: list[str], page: int, actions: list[dict], findings: list[dict]) -> None:
    filled = [clean_line(c) for c in cells if clean_line(c)]
    if not filled:
        return
    evidence = " | ".join(dict.fromkeys(filled))
    if _is_group_row(cells, filled):
        _group(state, filled[0], page, evidence, findings)
        return
    cols = state.cols
    group = next((clean_line(cells[i]) for i in cols.group if i < len(cells) and clean_line(cells[i])), "")
    if group and group != state.group:
        _group(state, group, page, evidence, findings)
    first = clean_line(cells[cols.finding]) if cols.finding < len(cells) else ""
    if first and first != state.current:  # a merged finding cell repeats its text: one finding
        state.current = first
        kind = _finding_kind(state, first)
        if kind == "cause_of_concern":
            state.in_cause = True
        findings.append(finding(kind, state.area, first, page, evidence))
    if state.current is None:
        return
    status = clean_line(cells[cols.status]) if cols.status is not None and cols.status < len(cells) else ""
    for i in cols.actions:
        for action in _actions(cells[i]) if i < len(cells) else []:
            actions.append(
                {
                    "recommendation": state.current,
                    "action": action,
                    "status": status,
                    "page": page,
                    "evidence": evidence,
                }
            )


def table_actions(doc: Document) -> tuple[list[dict], list[dict]]:
    """(actions, findings) of the recommendation-to-action tables of a document; a finding's area None where
    neither its text nor its group names one (the response's subject stands there, ``_about``)."""
    actions: list[dict] = []
    findings: list[dict] = []
    state = _State()
    for page, table in doc.tables():
        # A table of as many columns as the last one, with no header of its own, continues it on a new page.
        if state.header is not None and not (table and len(table[0]) == len(state.header)):
            state.header = None
            state.new_group()
        if state.header is None and (cols := headerless_columns(table)):
            state.header, state.cols = [""] * len(table[0]), cols  # rows of labelled findings, no header
            state.new_group()
        for cells in table:
            cells = [c or "" for c in cells]
            if _is_header(cells):
                header = [clean_line(c) for c in cells]
                if header != state.header:  # a header repeated on the next page carries the groups on
                    state.header, state.cols = header, columns(header)
                    state.new_group()
                continue
            if state.header is not None:
                _row(state, cells, page, actions, findings)
    return actions, findings


SAYS_WHAT_IT_ANSWERS = re.compile(rf"\bresponse (?:to|under)\b|{FINDING_LABELS['cause_of_concern']}", re.I)


def _title_lines(texts: list[str]) -> list[str]:
    """A title's blocks: the first, and the short ones after it while no sentence has ended."""
    out = texts[:1]
    for text in texts[1:]:
        if re.search(r"[.!?:]\s*$", out[-1]) or len(text) > 100 or text.rstrip().endswith("."):
            break
        out.append(text)
    return out


def _subject(doc: Document, info: dict) -> str | None:
    """The area a whole response is about, when its title, its first headings or the block that says what it
    answers name one ("... response to PEEL accelerated cause of concern relating to crime data integrity");
    never from its other sentences, which name the areas graded."""
    first = [b for b in doc.blocks[:40] if b.kind != "table"]
    headings = " ".join(b.text for b in first if b.kind == "heading")
    at = next((i for i, b in enumerate(first[:15]) if SAYS_WHAT_IT_ANSWERS.search(b.text)), None)
    says = " ".join(_title_lines([b.text for b in first[at : at + 4]])) if at is not None else ""
    return area_key(info.get("title") or "") or area_key(headings[:1500]) or area_key(says[:600]) or None


def _read(doc: Document, form: str) -> tuple[list[dict], list[dict]]:
    """(actions, findings) of a document's tables (``form`` "tables") or labelled paragraphs ("letters"), read
    once a document: the pipeline asks first whether it answers findings (``answers_with_actions``, to classify
    it), then for its rows. Read without the response's subject: a finding's area is None where the subject
    stands (``_about`` puts it there)."""
    key = f"_pcc_{form}"
    if key not in doc.__dict__:
        doc.__dict__[key] = table_actions(doc) if form == "tables" else labelled_actions(doc)
    return doc.__dict__[key]


def _about(read: tuple[list[dict], list[dict]], subject: str | None) -> tuple[list[dict], list[dict]]:
    """A copy of ``read`` whose findings without an area of their own are about the response's subject."""
    actions, findings = read
    return [dict(a) for a in actions], [{**f, "area": f["area"] or subject} for f in findings]


def answers_with_actions(doc: Document) -> bool:
    """Whether a document answers findings with actions: a response's table, or labelled paragraphs whose
    action is marked as one (a status, a "Response:" label, or the action after the finding's label), not a
    report's paragraphs after its own "Area for improvement 1: The force should ..."."""
    return bool(_read(doc, "tables")[0] or any(marked_action(a) for a in _read(doc, "letters")[0]))


def extract_pcc_actions(doc: Document, info: dict) -> tuple[list[dict], list[dict]]:
    """Returns (pcc_actions rows, findings rows: the recommendations, areas for improvement and causes of
    concern the response answers)."""
    if info.get("doc_type") != "pcc_response":
        return [], []
    subject = _subject(doc, info)
    actions, findings = _about(_read(doc, "tables"), subject)
    if actions:  # a response states its actions in one form: a table's paragraphs are the letter around it
        return actions, findings
    actions, findings = _about(_read(doc, "letters"), subject)
    if any(f["kind"] == "recommendation" for f in findings) and not any(
        f["kind"] == "cause_of_concern" for f in findings
    ):
        # A letter that names the cause of concern its recommendations answer, without a paragraph of its own.
        findings += causes_named(doc, subject)
    return actions, findings
