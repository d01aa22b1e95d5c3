"""What a document is, from its content alone: type, force, year, pillar, inspectorate, title, date."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import islice

from . import forces as F
from .model import Document
from .scan import Finder, fold
from .text import blocks, clean_line
from .titles import cover_title, response_title, statement_title, title_part
from .vocab import (
    COMMISSIONER,
    FORCE_STATEMENT,
    G_VERB,
    MONTH,
    MONTHS,
    OTHER_INSPECTION,
    PILLAR_NAMED,
    PILLAR_OVERALL,
    PILLAR_PAGE_QUESTION,
    PILLAR_SENTENCE,
    PILLAR_WORDS,
    SALUTATION,
    SECTION_55,
    SIGN_OFF,
    SITE_NOTICE,
    STATEMENT_VOICE,
    G,
)

_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?: of)? ({MONTH}),? ((?:19|20)\d\d)\b")
_DATES = Finder(_DATE.pattern)  # every date of a whole text, looked for only near a month's name
_MONTH_YEAR = re.compile(rf"^(?:Published:?\s*)?({MONTH}) ((?:19|20)\d\d)$")
_PEEL_TITLE = Finder(
    r"PEEL[:\s–-]+(?:(?:police|an inspection of)\s+)?(?:(effectiveness|efficiency|legitimacy|leadership|assessment|spotlight)\s*)?(?:\(?[A-Za-z ]*\)?\s*)?((?:20)\d\d)(?:\s*/\s*(\d\d))?",
    re.I,
)
_PERIOD_YEAR = re.compile(rf"12 months to (?:\d{{1,2}} )?(?:{MONTH}) ((?:20)\d\d)")
_INSPECTED = Finder(
    rf"inspected (?:forces|the force)?[^.]{{0,80}}?between (?:{MONTH})(?: (?:20)\d\d)? and (?:{MONTH}) ((?:20)\d\d)",
    re.I,
)


# What a graded report (or the inspectorate's page or press release about one) says.
GRADED = (
    r"summary of findings|overall judgment|graded judgments?|areas? for improvement|cause of concern"
    r"|how effective is the force|how efficient is the force|how legitimate is the force|we make graded judgments"
    r"|our inspection assessed how good"
    rf"|the extent to which the force|\bis (?:{G}) (?:at|in)\b|(?:{G_VERB}) (?:at|in)\b"
    r"|has been (?:assessed|judged|graded|rated)\b|not yet (?:been )?graded|judg(?:e)?ment .{0,40}carried over"
    rf"|\bour judg(?:e)?ments?\b|\bis ['‘](?:{G})['’]"
    rf"|\b(?:{PILLAR_WORDS})\W{{1,5}}(?:{G})\b"
    rf"|\b(?:be|as|is) [\"“'‘](?:{G})[\"”'’]"
)
_CYCLE = Finder(r"\bPEEL\b[^.]{0,120}?\b(20\d\d)\s*([/–-])\s*(\d\d)\b")
# A document of another country (the US, Australia, Canada...) naming a place that shares a force's name.
FOREIGN = Finder(
    r"\b(?:United States|U\.S\.|USA|Australia|Canada|New Zealand|Ohio|Virginia|Massachusetts|New Jersey|New York"
    r"|New Hampshire|New South Wales|North Carolina|Washington State|county sheriff|sheriff['’]s office)\b"
)
UK = re.compile(r"\bHMIC(?:FRS)?\b|England and Wales|Home Office|Police and Crime Commissioner|Constabulary|\bPEEL\b")


def cycle_of(text: str) -> tuple[int, str] | None:
    """(first year, cycle as printed) of a PEEL title that spans years: "PEEL 2021/22", "PEEL 2023–25"."""
    hit = _CYCLE.search(text[:6000])
    return (int(hit.group(1)), f"{hit.group(1)}{hit.group(2)}{hit.group(3)}") if hit else None


PEEL_HEAD = re.compile(r"\bpeel\b[^\n]{0,80}(?:19|20)\d\d|an inspection of [^\n]{0,60}(?:police|constabulary)", re.I)


# The inspectorate's own marks of a PEEL report: a graded family's heads and sentences.
PEEL_MARKS = (
    r"we make graded judgments|overall judg(?:e)?ment|summary of findings|the extent to which the force"
    r"|keep(?:ing|s) people safe and reduc(?:ing|es) crime|our judg(?:e)?ments|graded judg(?:e)?ments?"
)
ANSWER = r"section 55\b|response to (?:the )?(?:hmicfrs|hmic\b|peel|his majesty|her majesty|hm )"
# The patterns searched in a document's whole text in lower case (``scan.Finder``: a text without their words
# is not searched), and in its first blocks.
_INSPECTORATE = Finder(r"\bhmic(?:frs)?\b|inspectorate of constabulary")
_PEEL = Finder(r"\bpeel\b")
_GRADED = Finder(GRADED)
_PCC = Finder(r"police and crime commissioner|\bpcc\b|\bopcc\b|\bcommissioner\b")
_RESPONSE = Finder(r"\bresponse to\b|\brespond(?:ing)? to\b|\brecommendations?\b|corresponding actions?|action plan")
_BULLETIN = Finder(r"bulletin|newsletter|this email was sent|unsubscribe|edition of")
_OWN_WORDS = Finder(r"keep(?:ing|s) people safe and reduc(?:ing|es) crime|the extent to which the force")
_PEEL_MARKS = Finder(PEEL_MARKS)
_ANSWER = Finder(ANSWER)
_SALUTATION, _SIGN_OFF, _SECTION_55 = Finder(SALUTATION), Finder(SIGN_OFF), Finder(SECTION_55)
_LETTERHEAD = re.compile(COMMISSIONER)
_A_COMMISSIONER = Finder(rf"{COMMISSIONER}|\bcommissioner\b")
_VOICE, _FORCE_STATEMENT = Finder(STATEMENT_VOICE), re.compile(FORCE_STATEMENT)
_OTHER_INSPECTION = re.compile(OTHER_INSPECTION)


def section_55_letter(low: str, head: str) -> bool:
    """A Commissioner's letter under section 55 of the Police Act 1996, whatever its layout: two of its marks
    (a Commissioner's letterhead, a salutation or sign-off, the Act's section 55 or its 56 days, a titled
    response to the inspectorate), one of them the letterhead or the greeting."""
    letterhead = bool(_LETTERHEAD.search(head[:600]))
    greeting = bool(_SALUTATION.search(low) or _SIGN_OFF.search(low))
    if not (letterhead or greeting):
        return False
    if letterhead and not greeting and _PEEL_MARKS.search(low):
        return False  # a report's page that links its Commissioner's response near the top
    return (letterhead and greeting) or bool(_SECTION_55.search(low) or _ANSWER.search(low))


def statement_voice(head: str) -> str | None:
    """Who speaks in a news page or statement: "pcc" (a Commissioner), "force" (its Chief Constable), or None
    for a page that is nobody's statement."""
    hit = _VOICE.search(head)
    if not hit:
        return "force" if _FORCE_STATEMENT.search(head) else None
    return "pcc" if _A_COMMISSIONER.search(hit.group(0)) else "force"


def other_inspection(low: str, head: str) -> bool:
    """A report of another inspection (custody, a thematic or spotlight report, a joint inspection) that states
    none of PEEL's graded judgments."""
    return bool(_OTHER_INSPECTION.search(head)) and not _PEEL_MARKS.search(low)


def _no() -> bool:
    return False


def doc_type(text: str, head: str, answers: Callable[[], bool] = _no, low: str | None = None) -> str:
    """peel_report | pcc_response | pcc_statement | force_statement | pcc_bulletin | unknown. ``head`` is the
    document's first blocks: who wrote it shows there (a Commissioner's letterhead, an inspectorate's title
    page). ``answers``: asks whether the document answers findings with actions (``answers_with_actions``: a
    reading of its every block, asked only of a document that may be a response). ``low``: ``text.lower()``
    when made already."""
    low, head = text.lower() if low is None else low, head.lower()[:1500]
    # Each count of the whole text is taken only where a rule below asks it, and only as far as the rule asks
    # (one, two): a long report stops at its first lines.
    pcc_head = bool(_A_COMMISSIONER.search(head))
    peel_head = bool(PEEL_HEAD.search(head))
    about_inspection = bool(_INSPECTORATE.count(low, 1) or _PEEL.count(low, 1))
    if not peel_head and _PCC.count(low, 2) >= 2 and _BULLETIN.count(low, 2) >= 2:
        return "pcc_bulletin"
    # A Commissioner's answer to a report: a Section 55 letter, or a document that answers findings with
    # actions; it is a response even when it quotes PEEL titles and grades.
    if about_inspection and section_55_letter(low, head):
        return "pcc_response"
    voice = statement_voice(head)
    if about_inspection and (voice or (pcc_head and not peel_head)) and answers():
        return "pcc_response"
    # A news page or statement naming grades but answering nothing with an action: its grades are quoted.
    if about_inspection and voice:
        return "pcc_statement" if voice == "pcc" else "force_statement"
    if pcc_head and about_inspection and not peel_head and _RESPONSE.count(low, 2) >= 2:
        return "pcc_response"
    if other_inspection(low, head):
        return "unknown"
    # The inspectorate's own phrasing marks its pages even where an excerpt names neither HMIC nor PEEL.
    if (peel_head or about_inspection or _OWN_WORDS.search(low)) and _GRADED.count(low, 2) >= 2:
        return "peel_report"
    return "unknown"


def content_blocks(doc: Document) -> list[tuple[int, str]]:
    """The paragraphs of a document without a site's notices before its content (planned downtime, a
    consultation, cookies, skip links)."""
    if "_content_blocks" not in doc.__dict__:  # asked five times a document
        out = blocks(doc)
        start = 0
        while start < min(len(out), 20) and len(out[start][1]) < 400 and SITE_NOTICE.search(out[start][1]):
            start += 1
        doc.__dict__["_content_blocks"] = out[start:]
    return doc.__dict__["_content_blocks"]


# A title line naming the force: "An inspection of Kent Police", "Commissioner for Gwent", "PEEL ... – Kent Police".
_NAMES_FORCE = [
    re.compile(r"inspection of ([A-Z][\w&,' –-]+?(?:Police|Constabulary|Service))"),
    re.compile(r"Commissioner for ([A-Z][\w –-]+?)(?: response|\s*$|,)"),
    re.compile(r"PEEL[^.\n]{0,60}?[–-] ([A-Z][\w –-]+?(?:Police|Constabulary))"),
]


def subject_force(doc: Document) -> str | None:
    """The force a document is about: the one named in its title lines, else the one named most often."""
    head = " ".join(t for _, t in content_blocks(doc)[:12])
    for pattern in _NAMES_FORCE:
        hit = pattern.search(head)
        if hit and (name := F.canonical(hit.group(1)) or next(iter(F.mentions(hit.group(1))), None)):
            return name
    text = "\n".join(t for _, t in blocks(doc))
    if not UK.search(text) and FOREIGN.search(text):
        return None  # "New Hampshire", "Cleveland, Ohio": not a force of England and Wales
    counts = F.mentions(text)
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2) + [(None, 0)]
    second = rest[0][1] if rest else 0
    return top if n >= 2 and n > second else (top if n >= 1 and not second else None)


# The types that answer or speak of one inspection: their year is the inspection's.
ABOUT_A_REPORT = ("pcc_response", "pcc_statement", "force_statement")


def _year(text: str, dtype: str, published: str, cycle: tuple[int, str] | None) -> int | None:
    """``cycle``: the PEEL cycle the text prints (``cycle_of``), asked once by ``classify``."""
    if cycle:
        return cycle[0]  # a 2018/19 report is year 2018; a response is the year of the report it answers
    if dtype in ABOUT_A_REPORT and (hit := _PEEL_TITLE.search(text[:5000])):
        return int(hit.group(2))  # "HMIC PEEL Assessment 2014 - Statements from PCC and Chief Constable"
    if dtype == "peel_report":
        hit = _PEEL_TITLE.search(text[:5000]) or _PEEL_TITLE.search(text)
        if hit:
            return int(hit.group(2))
        hit = _INSPECTED.search(text)
        if hit:
            return int(hit.group(1))
        periods = Counter(int(y) for y in _PERIOD_YEAR.findall(text))
        if periods:
            return periods.most_common(1)[0][0]
    if published:
        return int(published[:4])
    dates = Counter(int(m.group(3)) for m in _DATES.finditer(text))
    if dates:
        return dates.most_common(1)[0][0]
    years = Counter(int(y) for y in re.findall(r"\b(20[0-3]\d)\b", text))
    return years.most_common(1)[0][0] if years else None


def _published(doc: Document) -> str:
    """A date printed on its own line near the start (cover or letter date), as ISO text."""
    for _, block in content_blocks(doc)[:15]:
        line = clean_line(block)
        hit = _DATE.fullmatch(line) or (_DATE.match(line) if len(line) < 40 else None)
        if hit:
            day, month, year = int(hit.group(1)), MONTHS.index(hit.group(2)) + 1, int(hit.group(3))
            return f"{year:04d}-{month:02d}-{day:02d}"
        hit = _MONTH_YEAR.match(line)
        if hit:
            return f"{int(hit.group(2)):04d}-{MONTHS.index(hit.group(1)) + 1:02d}"
    # A cover whose lines the paragraphs ran together: the first lines as printed ("Published on: 12 February
    # 2025", "December 2016").
    lines = (clean_line(line) for _, line in doc.lines())
    for line in islice((line for line in lines if line), 40):
        line = re.sub(r"^(?:published|last updated)(?: on)?:?\s*", "", line, flags=re.I)
        if hit := _DATE.fullmatch(line):
            day, month, year = int(hit.group(1)), MONTHS.index(hit.group(2)) + 1, int(hit.group(3))
            return f"{year:04d}-{month:02d}-{day:02d}"
        if hit := _MONTH_YEAR.match(line):
            return f"{int(hit.group(2)):04d}-{MONTHS.index(hit.group(1)) + 1:02d}"
    return ""


def _block_title(doc: Document) -> str:
    """The title as the reader's blocks set it: a 'PEEL ...' block with the lines of the title after it
    ("Police effectiveness, efficiency and legitimacy", "An inspection of ..."), or a response's heading."""
    first = [clean_line(b.text) for b in doc.blocks[:12]]
    for i, text in enumerate(first):
        if re.match(r"PEEL\b", text) and len(text) < 150:
            for more in first[i + 1 : i + 3]:
                if re.match(r"(?:police (?:effectiveness|efficiency|legitimacy)|an inspection of)", more, re.I):
                    more = title_part(more)
                    text = f"{text} – {more}" if more.lower().startswith("an inspection") else f"{text} {more}"
            return text
        if re.match(r"(?:p?f?cc |the commissioner['’]s )?response to\b", text, re.I) and len(text) < 250:
            return text
    return ""


# The pillar patterns, searched in the report's folded text (``scan.fold``: its lower case, as re.I reads it).
_PAGE_QUESTION = {p: Finder(q) for p, q in PILLAR_PAGE_QUESTION.items()}
_PILLAR_SENTENCE = Finder(PILLAR_SENTENCE.pattern)
_INTEGRATED_TITLE = re.compile(r"effectiveness,? efficiency and legitimacy|peel (?:assessment )?20\d\d(?:/\d\d)?")
_OVERALL = [Finder(p) for p in PILLAR_OVERALL.values()]
_PILLAR_TITLE = re.compile(
    r"peel[:\s–-]+(?:police |20\d\d )?(effectiveness|efficiency|legitimacy)\b|\b(effectiveness|efficiency|legitimacy) 20\d\d\b"
)
_NAMED = {p: Finder(q) for p, q in PILLAR_NAMED.items()}
_PILLAR_WORD = re.compile(r"\b(effectiveness|efficiency|legitimacy)\b")


def _pillar_page(head: str) -> str:
    """The pillar of a 2018/19 pillar page: the one pillar question its (folded) opening asks."""
    asked = [p for p, q in _PAGE_QUESTION.items() if q.search(head)]
    return asked[0] if len(asked) == 1 else ""


def _pillar(low: str, year: int | None, dtype: str) -> str:
    """effectiveness | efficiency | legitimacy for the single-pillar reports (2014-17); integrated for the
    reports that cover all three (2018/19 on, or several pillar-level questions graded in one report). ``low``:
    the report's text folded (``scan.fold``)."""
    if dtype != "peel_report":
        return ""
    head = low[:3000]
    if page := _pillar_page(head):
        return page
    if len(set(_PILLAR_SENTENCE.findall(low))) >= 2:
        return "integrated"  # a force's assessment page: each pillar's grade in a sentence
    if (year or 0) >= 2018 and _INTEGRATED_TITLE.search(head):
        return "integrated"
    if sum(1 for p in _OVERALL if p.search(low)) >= 2:
        return "integrated"
    title = _PILLAR_TITLE.search(head)
    if title:
        return title.group(1) or title.group(2)
    scores = {p: len(named.findall(low)) for p, named in _NAMED.items()}
    if any(scores.values()):
        return max(scores, key=scores.get)
    # A page or press release about one pillar: the only pillar its opening names.
    named = set(_PILLAR_WORD.findall(head[:600]))
    if len(named) == 1:
        return named.pop()
    return "integrated" if (year or 0) >= 2018 else ""


def _title(doc: Document, info: dict) -> str:
    if info["doc_type"] == "pcc_response":
        return response_title(doc, info)
    if info["doc_type"] == "peel_report" and (title := cover_title(doc)):
        return title
    if info["doc_type"] in ("pcc_statement", "force_statement") and (title := statement_title(doc)):
        return title
    first = [clean_line(t) for _, t in content_blocks(doc)[:10]]
    for i, line in enumerate(first):
        if re.match(r"PEEL\b", line) and len(line) < 120:
            nxt = first[i + 1] if i + 1 < len(first) else ""
            return f"{line} – {title_part(nxt)}" if nxt.lower().startswith("an inspection of") else line
        if re.search(r"response to|responding to", line, re.I) and "Commissioner" in line and len(line) < 250:
            nxt = first[i + 1] if i + 1 < len(first) else ""
            return f"{line} {nxt}" if re.search(r"\b(?:to|of|for|and|on)$", line) and nxt else line
    if title := _block_title(doc):
        return title
    force = info.get("force") or "unknown force"
    if info["doc_type"] == "peel_report":
        pillar = info.get("pillar") or "assessment"
        name = "PEEL assessment" if pillar == "integrated" else f"PEEL: Police {pillar}"
        return f"{name} {info.get('year') or ''} – {force}".replace("  ", " ")
    if info["doc_type"] == "pcc_bulletin":
        month = re.search(rf"(?:highlights|activities|news) (?:from|of|for) ({MONTH})\b", doc.text)
        when = f"{month.group(1)} {info.get('year')}" if month else str(info.get("year") or "")
        return f"{F.short(force)} Police and Crime Commissioner bulletin – {when}".strip(" –")
    line = next((line for line in first if len(line) > 12), doc.source)
    return line if len(line) <= 120 else line[:120].rsplit(" ", 1)[0] + " …"


_HMICFRS = Finder(r"\bHMICFRS\b|Inspectorate of Constabulary and Fire")
_HMIC = Finder(r"\bHMIC\b|Inspectorate of Constabulary")


def classify(doc: Document, answers: Callable[[], bool] = _no) -> dict:
    """What a document is: type, force, year, cycle, pillar, inspectorate, title, publication date.
    ``answers``: asks whether it answers findings with actions (``lib.extract.pcc.answers_with_actions``, which
    the pipeline gives, the extraction being a layer above this one)."""
    content = content_blocks(doc)
    text = "\n".join(t for _, t in content)
    head = "\n".join(t[:300] for _, t in content[:15])
    low = text.lower()
    dtype = doc_type(text, head, answers, low)
    published = _published(doc)
    info = {"doc_type": dtype, "force": subject_force(doc) or None}
    if dtype == "peel_report" and info["force"] is None:
        # Writing about PEEL (a guide, a list of reports, a national summary) without a force of its own is
        # not a force's report.
        info["doc_type"] = dtype = "unknown"
    cycle = cycle_of(text) if dtype in ("peel_report", *ABOUT_A_REPORT) else None
    info["year"] = _year(text, dtype, published, cycle)
    info["pillar"] = _pillar(fold(text, low), info["year"], dtype)
    info["cycle"] = cycle[1] if cycle else ""
    info["inspectorate"] = (
        ""  # a Commissioner's document is not the inspectorate's, whoever it quotes
        if dtype not in ("peel_report", "unknown")
        else "HMICFRS"
        if _HMICFRS.search(text)
        else ("HMIC" if _HMIC.search(text) else "")
    )
    if dtype == "peel_report" and not info["inspectorate"] and info["year"]:
        # The inspectorate's own reports and pages: HMIC became HMICFRS in July 2017, before the 2017 reports.
        info["inspectorate"] = "HMICFRS" if info["year"] >= 2017 else "HMIC"
    info["published"] = published
    info["title"] = _title(doc, info)
    return info
