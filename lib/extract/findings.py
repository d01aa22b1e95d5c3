"""Areas for improvement, causes of concern and recommendations, each whole, under the area it belongs to.

A list starts at its heading ("Areas for improvement", "Cause of concern", "Recommendations"); items start
at a bullet (•, -, *, –, numbers, or a bullet alone on its line with the text below, as PDF-to-text leaves
it); sub-bullets (indented, or after a parent ending in ':') stay inside their parent item.
"""

from __future__ import annotations

import re

from ..model import Document
from ..structure import document_outline
from ..text import clean_lines
from ..vocab import GRADE_LINE, SECTION_HEADS, TOP_QUESTION, area_key
from .findings_blocks import NUMBERED, block_findings

HEADINGS = {kind: re.compile(rf"^{words}\W*$", re.I) for kind, words in SECTION_HEADS.items()}
HEADINGS["cause_of_concern"] = re.compile(rf"^{SECTION_HEADS['cause_of_concern']}\W*\d*$", re.I)  # numbered
GLUED = re.compile(r"[.!?]['’”)]?\s+(areas? for improvement|causes? of concern|recommendations?)\W*$", re.I)
SPLIT_HEAD = re.compile(r"(?:^|[.!?]['’”)]?\s+)areas? for$", re.I)
SPLIT_TAIL = re.compile(r"^improvement\W*$", re.I)
BULLET = re.compile(r"^(\s*)(?:[•●▪◦‣∙·\uf0b7\uf0a7]|(?<!\S)[-*–o](?=\s)|\(?\d{1,2}[.)]|\(?[a-z][.)])\s*(.*)$")


def _bullet(raw: str) -> tuple[int, str] | None:
    hit = BULLET.match(raw.replace("(cid:127)", "•").replace("\t", "    "))
    if not hit:
        return None
    return len(hit.group(1)), hit.group(2).strip()


def _is_heading(lines: list[tuple[int, str, str]], i: int) -> str | None:
    """The area a heading line names, if line i is a heading (Markdown '#', a top-level PEEL question,
    or a short line standing alone between blank lines)."""
    page, raw, line = lines[i]
    if not line:
        return None
    text = line.lstrip("#").strip()
    alone = (i == 0 or not lines[i - 1][2]) and (
        i + 1 >= len(lines) or not lines[i + 1][2] or GRADE_LINE.match(lines[i + 1][2])
    )
    if (
        raw.lstrip().startswith("#")
        or TOP_QUESTION.match(text)
        or (alone and len(text.split()) <= 12 and not text.endswith("."))
    ):
        if TOP_QUESTION.match(text) and "?" not in text:
            j, more = i + 1, text
            while j < len(lines) and "?" not in more and j - i < 6:
                more += " " + lines[j][2]
                j += 1
            text = more
        return area_key(text)
    return None


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()[:70]


def extract_findings(doc: Document, info: dict) -> list[dict]:
    """The structure's findings (lib/extract/findings_blocks.py) first, then those read line by line that
    the structure did not give (text whose blocks carry no headings or lists); one row per item."""
    if info.get("doc_type") != "peel_report":
        return []  # a PCC response's recommendations come from its table (lib.extract.pcc)
    rows: list[dict] = []
    seen: dict[tuple[str, str], dict] = {}
    for row in block_findings(document_outline(doc)) + line_findings(doc):
        key = (row["kind"], _key(row["text"]))
        if key in seen:
            if seen[key]["area"] is None:
                seen[key]["area"] = row["area"]
            continue
        seen[key] = row
        rows.append(row)
    return rows


def line_findings(doc: Document) -> list[dict]:
    """Findings read line by line: a list starts at its heading line, items at a bullet."""
    lines = clean_lines(doc)
    rows: list[dict] = []
    area = None
    i = 0
    while i < len(lines):
        page, raw, line = lines[i]
        heading = line.lstrip("#").strip()
        kind = next((k for k, rx in HEADINGS.items() if rx.match(heading)), None)
        if kind is None and SPLIT_HEAD.search(heading) and i + 1 < len(lines) and SPLIT_TAIL.match(lines[i + 1][2]):
            # "... Areas for" / "improvement": a heading re-flowed over two lines, the first glued to a sentence.
            j = i + 2
            while j < len(lines) and not lines[j][2]:
                j += 1
            if j < len(lines) and _bullet(lines[j][1]) is not None:
                kind, i = "area_for_improvement", i + 1
        if kind is None and (glued := GLUED.search(heading)):
            # Re-flowed text can run a heading onto the sentence before it: take it when a bullet follows.
            j = i + 1
            while j < len(lines) and not lines[j][2]:
                j += 1
            if j < len(lines) and _bullet(lines[j][1]) is not None:
                kind = next(k for k, rx in HEADINGS.items() if rx.match(glued.group(1)))
        if kind is None:
            key = _is_heading(lines, i)
            if key and key != "overall":
                area = key
            i += 1
            continue
        # A cause of concern is prose; its recommendations and areas for improvement are lists.
        i += 1
        items: list[dict] = []
        prose: list[tuple[int, str]] = []
        while i < len(lines):
            page, raw, line = lines[i]
            if not line:
                i += 1
                continue
            nxt_heading = line.lstrip("#").strip()
            if any(rx.match(nxt_heading) for rx in HEADINGS.values()) or NUMBERED.match(nxt_heading):
                break  # the next list, or a numbered finding ("Recommendation 1: ..."), the numbered rule's
            bullet = _bullet(raw)
            if bullet is not None:
                indent, text = bullet
                if not text:  # bullet alone on its line: the text is on the next non-blank line
                    j = i + 1
                    while j < len(lines) and not lines[j][2]:
                        j += 1
                    if j >= len(lines) or _bullet(lines[j][1]) is not None:
                        i = j
                        continue
                    text, i, line = lines[j][2], j, lines[j][2]
                parent = items[-1] if items else None
                if (
                    parent
                    and (indent > parent["indent"] or parent["text"].rstrip().endswith(":"))
                    and not parent.get("closed")
                ):
                    parent["subs"].append(text)
                    parent["raw"].append(line)
                    parent["last"] = "sub"
                else:
                    items.append(
                        {"indent": indent, "text": text, "subs": [], "page": lines[i][0], "raw": [line], "last": "text"}
                    )
                i += 1
                continue
            last = items[-1] if items else None
            tail = (
                (last["subs"][-1] if last and last["last"] == "sub" else last["text"])
                if last
                else (prose[-1][1] if prose else "")
            )
            continues = tail and (not re.search(r"[.!?]['’”)]?$", tail) or line[0].islower())
            if items and continues and not raw.lstrip().startswith("#"):
                if last["last"] == "sub":
                    last["subs"][-1] += " " + line
                else:
                    last["text"] += " " + line
                last["raw"].append(line)
                i += 1
                continue
            if (
                kind == "cause_of_concern"
                and not items
                and not raw.lstrip().startswith("#")
                and (not prose or continues or len(prose) < 6)
            ):
                prose.append((page, line))
                i += 1
                continue
            break
        if kind == "cause_of_concern" and prose:
            text = " ".join(t for _, t in prose)
            rows.append({"area": area, "kind": kind, "text": text, "page": prose[0][0], "evidence": text})
        for item in items:
            text = " ".join([item["text"]] + item["subs"])
            text = re.sub(r"\s+", " ", text).strip()
            rows.append(
                {
                    "area": area,
                    "kind": "recommendation" if kind == "cause_of_concern" else kind,
                    "text": text,
                    "page": item["page"],
                    "evidence": " / ".join(item["raw"]),
                }
            )
    return rows
