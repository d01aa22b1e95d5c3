"""Graded judgments: one row per graded area per report, with the lines it was printed in.

Reports print a grade in several places; each strategy reads one of them, most explicit first:
1. judgment tables ("Protecting vulnerable people  Requires improvement  2017", 2017-19 and 2021+ reports);
2. a grade on the line after "Overall judgment", "Summary of findings" or an area's heading (2015-16
   sections, 2017 chapter heads, 2021+ area pages);
3. overview panels: questions printed side by side, then their grades in the same order (2015-16);
4. sentences such as "Gwent Police is good at preventing crime ..." (only for areas nothing else graded).
When two places disagree, the first wins and a failed check records both.
"""

from __future__ import annotations

import re

from ..forces import mentions
from ..model import Document
from ..text import clean_line, clean_lines
from .areas import GRADE_LINE, GRADE_RE, area_key, grade_name, grade_score, scale_for

QUESTION = re.compile(
    r"^(?:\d+\.\s*)?(?:how (?:effective|efficient|legitimate|well) (?:is|does|are) (?:the force|the arrangements)|to what extent (?:does|is) the force)",
    re.I,
)
# Questions that head a graded section: effectiveness ("How effective is the force at ..."), efficiency and
# legitimacy ("How well does the force ...", "To what extent does the force ..."), 2016-17 specialist
# capabilities ("How effective are the force's specialist capabilities?").
TOP_QUESTION = re.compile(
    r"^(?:how (?:effective|efficient|legitimate) is the force at|how (?:effective|efficient|well) (?:are|is|does) the force(?:'s|’s)?\b|to what extent (?:does|is) the force)",
    re.I,
)
OVERALL = re.compile(r"^overall (?:judg(?:e)?ment|effectiveness|efficiency|legitimacy|grade)\s*\d*\W*$", re.I)
SUMMARY = re.compile(r"^summary of (?:findings|judg(?:e)?ments?)\W*$", re.I)
SUMMARY_WITH_GRADE = re.compile(
    r"^summary of (?:findings|judg(?:e)?ments?)\W*(outstanding|good|adequate|requires? improvement|inadequate|ungraded|not graded)\W*$",
    re.I,
)
ROW = re.compile(
    r"^(?P<label>[A-Z][^.?!]{3,120}?)[\s:|–-]+(?P<grade>outstanding|good|adequate|requires? improvement|inadequate|ungraded|not graded)\s*(?:(?P<year>20\d\d)\s*)?$",
    re.I,
)
SENTENCE = re.compile(
    r"(?P<force>[A-Z][\w-]+(?: [A-Z][\w-]+)*) (?:is (?:currently )?(?:judged|assessed|considered) (?:to be |to )?|is |was |requires? improvement)(?P<grade>outstanding|good|adequate|inadequate|require improvement|requires improvement)?(?: (?:at|in) )(?P<area>[^.;]{5,160})",
    re.I,
)


def _lines(doc: Document) -> list[tuple[int, str]]:
    out = []
    for page, _, line in clean_lines(doc):
        line = line.lstrip("#").strip()
        if line and not re.fullmatch(r"\d{1,3}", line):
            out.append((page, line))
    return out


def _question_at(lines: list[tuple[int, str]], i: int) -> tuple[str, int]:
    """A question heading that may run over several lines; returns (text, index of its last line)."""
    text, j = lines[i][1], i
    while "?" not in text and j + 1 < len(lines) and j - i < 5 and not GRADE_LINE.match(lines[j + 1][1]):
        j += 1
        text = f"{text} {lines[j][1]}"
    return re.sub(r"^\d+\.\s*", "", text[: text.index("?") + 1] if "?" in text else text), j


def _row(area, label, grade, page, evidence, last_inspected=None, source=""):
    return {
        "area": area,
        "area_label": label,
        "grade": grade,
        "last_inspected": last_inspected,
        "page": page,
        "evidence": evidence,
        "_source": source,
    }


def extract_judgments(doc: Document, info: dict) -> tuple[list[dict], list[dict]]:
    """Returns (judgment rows, check rows)."""
    if info.get("doc_type") != "peel_report":
        return [], []
    lines = _lines(doc)
    found: list[dict] = []

    # 1. Judgment tables: a label naming an area, then a grade, then perhaps the year it was given.
    for page, table in doc.tables():
        for cells in table:
            cells = [c for c in (clean_line(c) for c in cells) if c]
            if len(cells) >= 2 and GRADE_LINE.match(cells[1]) and (key := area_key(cells[0])):
                year = cells[2] if len(cells) > 2 and re.fullmatch(r"20\d\d", cells[2]) else None
                found.append(_row(key, cells[0], grade_name(cells[1]), page, " | ".join(cells), year, "table"))
    for page, line in lines:
        hit = ROW.match(line) if len(line) < 160 and GRADE_RE.search(line) else None
        if not hit or re.search(r"\b(?:is|are|was|were|be|been)\b", hit.group("label"), re.I):
            continue
        label = hit.group("label").strip()
        if (key := area_key(label)) and len(label.split()) <= 16:
            year = hit.group("year") or (
                re.search(r"\b(20\d\d)\s*$", label).group(1) if re.search(r"\b20\d\d\s*$", label) else None
            )
            label = re.sub(r"\s*\b20\d\d\s*$", "", label)
            found.append(_row(key, label, grade_name(hit.group("grade")), page, line, year, "table"))

    # 2 and 3. Walk the lines: headings and "Summary of findings" followed by a grade; panels of questions.
    current: tuple[str, str] | None = None
    pending: list[tuple[str, str, str]] = []  # panel questions waiting for their grades
    i = 0
    while i < len(lines):
        page, line = lines[i]
        nxt = lines[i + 1][1] if i + 1 < len(lines) else ""
        if OVERALL.match(line) and GRADE_LINE.match(nxt):
            found.append(
                _row(
                    "overall",
                    line.rstrip(" 0123456789"),
                    grade_name(nxt),
                    lines[i + 1][0],
                    f"{line} | {nxt}",
                    source="heading",
                )
            )
            i += 2
            continue
        if QUESTION.match(line):
            question, j = _question_at(lines, i)
            key = area_key(question)
            if TOP_QUESTION.match(question) and key and not re.match(r"^\d+\.", line):
                # "How well does the force ..." also heads sub-sections: it takes over only for another area.
                if (
                    re.match(r"how (?:effective|efficient|legitimate) is the force at", question, re.I)
                    or current is None
                    or current[0] != key
                ):
                    current = (key, question)
                after = lines[j + 1][1] if j + 1 < len(lines) else ""
                if GRADE_LINE.match(after) and not pending:
                    found.append(
                        _row(
                            key, question, grade_name(after), lines[j + 1][0], f"{question} | {after}", source="heading"
                        )
                    )
                    pending.clear()
                    i = j + 2
                    continue
                pending.append((key, question, line))
            i = j + 1
            continue
        if (same := SUMMARY_WITH_GRADE.match(line)) and current:
            found.append(
                _row(
                    current[0], current[1], grade_name(same.group(1)), page, f"{current[1]} | {line}", source="summary"
                )
            )
            pending.clear()
            i += 1
            continue
        if SUMMARY.match(line) and GRADE_LINE.match(nxt) and current:
            found.append(
                _row(
                    current[0],
                    current[1],
                    grade_name(nxt),
                    lines[i + 1][0],
                    f"{current[1]} | {line} | {nxt}",
                    source="summary",
                )
            )
            pending.clear()
            i += 2
            continue
        if GRADE_LINE.match(line) and pending:
            key, question, _ = pending.pop(0)
            found.append(_row(key, question, grade_name(line), page, f"{question} | {line}", source="panel"))
            i += 1
            continue
        if (
            len(line) < 90
            and len(line.split()) <= 10
            and not line.endswith(".")
            and (key := area_key(line))
            and GRADE_LINE.match(nxt)
            and not QUESTION.match(line)
            and key != "overall"
            and not re.search(r"\b(?:is|are|was|were|has|have|had|should|will)\b", line, re.I)
        ):
            found.append(_row(key, line, grade_name(nxt), lines[i + 1][0], f"{line} | {nxt}", source="heading"))
            current = (key, line)
            i += 2
            continue
        if len(line.split()) >= 6:  # prose: questions still waiting were section headings, not a panel
            pending.clear()
        i += 1

    # 4. Sentences naming the force, its grade and an area, for areas nothing above graded.
    force = info.get("force")
    graded = {r["area"] for r in found}
    from ..text import sentences

    for sent in sentences(doc):
        if not GRADE_RE.search(sent.text) and "improvement" not in sent.text:
            continue
        for hit in SENTENCE.finditer(sent.text):
            subject = hit.group("force")
            if not force or force not in mentions(subject):
                continue
            grade_word = hit.group("grade") or (
                "requires improvement" if "improvement" in hit.group(0).lower() else None
            )
            key = area_key(hit.group("area"))
            if grade_word and key and key not in graded:
                found.append(
                    _row(
                        key, hit.group("area").strip(), grade_name(grade_word), sent.page, sent.text, source="sentence"
                    )
                )
                graded.add(key)

    # Integrated reports (2018/19) grade each pillar overall: keep the three apart.
    if info.get("pillar") == "integrated":
        for row in found:
            if row["area"] == "overall":
                label = row["area_label"].lower()
                pillar = next(
                    (
                        p
                        for p, w in (
                            ("efficiency", "efficien"),
                            ("legitimacy", "legitima"),
                            ("effectiveness", "effective"),
                        )
                        if w in label
                    ),
                    None,
                )
                row["area"] = f"overall_{pillar}" if pillar else "overall"

    # One row per area: the most explicit source wins; disagreements become failed checks.
    rank = {"table": 0, "heading": 1, "summary": 1, "panel": 2, "sentence": 3}
    best: dict[str, dict] = {}
    checks: list[dict] = []
    for row in sorted(found, key=lambda r: rank[r["_source"]]):
        key = row["area"]
        if key not in best:
            best[key] = row
        elif row["grade"] != best[key]["grade"]:
            checks.append(
                {
                    "check": f"judgment_agrees:{key}",
                    "passed": False,
                    "detail": f"{best[key]['grade']} (page {best[key]['page']}: {best[key]['evidence'][:80]}) but {row['grade']} (page {row['page']}: {row['evidence'][:80]})",
                }
            )
        elif row["last_inspected"] and not best[key]["last_inspected"]:
            best[key]["last_inspected"] = row["last_inspected"]
    scale = scale_for(info.get("year"))
    rows = []
    for row in best.values():
        row.pop("_source")
        rows.append(
            {"pillar": info.get("pillar"), **row, "grade_score": grade_score(row["grade"], scale), "scale": scale}
        )
    for key in sorted(best):
        agreeing = sum(1 for r in found if r["area"] == key and r["grade"] == best[key]["grade"])
        if agreeing > 1 and not any(c["check"] == f"judgment_agrees:{key}" for c in checks):
            checks.append(
                {
                    "check": f"judgment_agrees:{key}",
                    "passed": True,
                    "detail": f"{best[key]['grade']} printed {agreeing} times",
                }
            )
    return rows, checks
