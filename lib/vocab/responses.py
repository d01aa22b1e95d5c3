"""The words of the Commissioners' responses and statements (labels, statuses, the columns of a response's
table, who speaks), of the inspectorate's other reports, and the recommendation tracker's statuses."""

from __future__ import annotations

import re

# ------------------------------------------------------------------------------- Commissioners' responses
# The label a response prints before the finding it answers ("Recommendation 1:", "AFI:", "Area for
# improvement 3 –", "Cause of concern 2."), by kind; a number may follow the label.
FINDING_LABELS = {
    "cause_of_concern": r"(?:accelerated )?cause of concern",
    "recommendation": r"recommendation",
    "area_for_improvement": r"area for improvement|afi",
}
FINDING_LABEL = re.compile(
    rf"^(?P<label>(?P<word>{'|'.join(FINDING_LABELS.values())})(?:\s*(?:no\.?\s*)?(?P<n>\d{{1,2}}))?)(?:\s*\([^)]{{0,40}}\))?(?:\s*[:.–—-]\s*|\s*$)",
    re.I,
)
# A paragraph's own number as printed before its text ("4.", "(4)", "4)").
PARAGRAPH_NUMBER = re.compile(r"^\(?\d{1,2}[.)]\s+")
# A status as a response prints it after an action ("Status: In progress – due September 2022").
STATUS_LABEL = re.compile(
    r"(?:^|(?<=[.;()\s]))(?:(?:current |rag )?status|rag(?: rating)?)\s*(?:update)?\s*[:–—-]\s*(?P<status>\S.*)$",
    re.I,
)
# The columns of a response's table: the finding answered, the actions, the status, and the columns that are
# neither (who leads, by when).
FINDING_HEADER = re.compile(r"recommendation|area for improvement|\bafi\b|finding|cause of concern", re.I)
ACTION_HEADER = re.compile(r"\baction|\bresponse|\bupdate|activit|\bprogress\b", re.I)
STATUS_HEADER = re.compile(r"\bstatus\b|\bRAG\b|^progress$", re.I)
OTHER_HEADER = re.compile(r"^(?:\W*)(?:lead|owner|responsible|accountable|due|date|deadline|target|timescale)", re.I)
# A status as a table prints it in its own column: "Complete", "In progress – due May 2023", "Amber".
STATUS_WORDS = re.compile(
    r"^(?:complete|completed|in progress|ongoing|on track|open|closed|not started|delayed|achieved|partially|"
    r"discharged|green|amber|red|blue)\b",
    re.I,
)
# The columns that group the rows under an area or a cause of concern ("Area of policing", "Theme").
GROUP_HEADER = re.compile(r"\barea of policing\b|^area$|\btheme\b|\bpillar\b|\bquestion\b|^(?:hmicfrs )?area\b", re.I)
# A cause of concern named in running text: "one cause of concern, about how quickly ...".
COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
CAUSES_NAMED = re.compile(
    rf"\b(?P<n>{'|'.join(COUNT_WORDS)}|\d)\s+(?:accelerated\s+)?causes? of concern\b(?P<rest>[^.]*)", re.I
)

# Who wrote a document: a Commissioner (letterhead, sign-off), a force (its Chief Constable), the inspectorate.
COMMISSIONER = (
    r"police,? (?:fire )?(?:and|&) crime commissioner|\bp?f?cc\b|\bop(?:cc|fcc)\b|comisiynydd"
    r"|\bcommissioner['’]s? office"
)
# A letter under section 55 of the Police Act 1996: the Act, its 56 days, a salutation and a sign-off.
SECTION_55 = r"section 55\b|\b56 days\b"
SALUTATION = r"\bdear (?:mr|mrs|ms|miss|dr|sir|madam|chief|hm|his majesty|her majesty|lord|lady)\b"
SIGN_OFF = r"\byours (?:sincerely|faithfully)\b"
# A news page or statement: who speaks ("Statements from PCC and Chief Constable", "Response of <name>, the
# Police and Crime Commissioner", "The Commissioner ... says", "In response <name>, Police and Crime
# Commissioner").
_SPEAKER = rf"(?:{COMMISSIONER}|\bcommissioner\b|\bchief constable\b)"
STATEMENT_VOICE = (
    rf"\bstatements? (?:from|by|of) (?:the )?[^.\n]{{0,40}}?{_SPEAKER}|\bresponse of [^.\n]{{0,80}}?{_SPEAKER}"
    rf"|{_SPEAKER}[^.\n]{{0,80}}?\b(?:says|said|welcomes?|responds?|comments?|reacts?)\b"
    rf"|\bin response,? [^.\n]{{0,80}}?{_SPEAKER}"
)
# A force's own news page: "Sussex Police welcomes HMICFRS PEEL report", "Constabulary responds to inspection".
FORCE_STATEMENT = (
    r"\b(?:police|constabulary|police service)\s+(?:welcomes?|responds? to|reacts? to)\b[^.\n]{0,80}?"
    r"\b(?:hmic|peel|inspect)"
)

# Reports of the inspectorate's other inspections, which grade nothing of PEEL's: custody, thematic and
# spotlight reports, joint inspections, and inspections of one subject in one force.
OTHER_INSPECTION = (
    r"\bcustody (?:suites?|inspection|visit)|\bpolice custody\b|\bthematic (?:inspection|report|review)\b"
    r"|\bspotlight report\b|\bjoint (?:targeted |thematic )?inspection\b|\bcriminal justice joint inspection\b"
    r"|\bunannounced inspection\b|\bnational child protection inspection\b|\bcrime data integrity inspection\b"
    r"|\binspection of (?:how|the police response|the effectiveness of)\b|\bvetting,? misconduct\b"
)
# A site's notice set before a page's content: planned downtime, a consultation, cookies, skip links.
SITE_NOTICE = re.compile(
    r"\bplanned (?:maintenance|downtime|outage)|\bwill be unavailable\b|\bscheduled maintenance\b"
    r"|\b(?:is|are|we're) (?:currently )?consulting on\b|\bconsultation (?:is )?(?:now )?(?:open|closes?)\b"
    r"|\bplease give us your views\b"
    r"|\bhave your say\b|\bcookies?\b|\bskip to (?:main )?content\b|\bthis website uses\b|\bbeta\b.*\bfeedback\b"
    r"|\baccessibility options\b|\btext only\b",
    re.I,
)
# The pillar questions of the 2018/19 pillar pages ("How effectively does the force reduce crime and keep
# people safe?"), and the pillar sentences of the 2015-17 force assessment pages ("The extent to which the
# force is efficient at keeping people safe ...").
PILLAR_PAGE_QUESTION = {
    "effectiveness": r"how effectively does the (?:force|constabulary) reduce crime and keep people safe",
    "efficiency": r"how efficiently does the (?:force|constabulary) operate",
    "legitimacy": r"how legitimately does the (?:force|constabulary) treat",
}
PILLAR_SENTENCE = re.compile(
    r"the extent to which the (?:force|constabulary) (?:is|operates) (effective|efficient|legitimate)", re.I
)

# The statuses of the tracker (lib/tracker.py), least advanced first; "not responded" is a finding the
# Commissioner's response in the corpus does not answer (or a report with no response in the corpus).
STATUSES = ["not responded", "not started", "in progress", "complete", "superseded"]
NOT_RESPONDED = STATUSES[0]
OPEN_STATUSES = ("not responded", "not started", "in progress")
# A status as printed onto the list: the first rule whose pattern matches the start of the printed words
# (after a "Status:" label) names it. "Ongoing – on track" is in progress, "Complete – monitoring continues"
# complete; a wording no rule knows keeps its status_printed and gets no status (a failed check says so).
STATUS_RULES: list[tuple[str, str]] = [
    ("superseded", r"superseded|withdrawn|replaced by|no longer (?:applicable|relevant|required)|closed\W+superseded"),
    ("not started", r"not (?:yet )?(?:started|begun|commenced|progressed)|yet to (?:start|begin)|planned\b|to start\b"),
    (
        "complete",
        r"complete(?:d)?\b|closed\b|achieved\b|delivered\b|implemented\b|done\b|discharged\b|fully (?:met|implemented)",
    ),
    (
        "in progress",
        r"in progress|ongoing|on[ -]track|under ?way|in hand|progressing|partially|partly|started\b|open\b"
        r"|being (?:implemented|progressed|delivered|developed)|work (?:is )?(?:ongoing|continuing)|work in progress"
        r"|in development|under (?:review|development)|behind schedule|delayed",
    ),
]
# A status label printed before the words ("Status:", "RAG status –"), taken off before the rules read them.
STATUS_PREFIX = r"^\W*(?:current )?(?:status|progress|rag(?: status)?)\s*[:–-]\s*"
# Words of a finding that say the inspectorate raised it before ("this was an area for improvement in our
# 2021/22 inspection", "we raised this in our previous report", "remains an area for improvement").
RECURS_STATED = (
    r"(?:was|were|is|remains?|remained) (?:also |still )?(?:an? )?(?:area for improvement|areas for improvement"
    r"|cause of concern|recommendation)s? (?:in|from|since) (?:our|the) (?:previous|last|earlier|\d{4}(?:[/–-]\d{2,4})?)"
    r"|(?:we|hmicfrs|hmic) (?:previously |also )?(?:raised|identified|reported|highlighted|found) (?:this|these|the same)"
    r"[^.]{0,60}(?:previous|last|earlier|\d{4}(?:[/–-]\d{2,4})?) (?:inspection|report|peel)"
    r"|(?:in|since) (?:our|the) (?:previous|last|earlier|\d{4}(?:[/–-]\d{2,4})?) (?:peel )?(?:inspection|report)"
    r"[^.]{0,60}(?:area for improvement|cause of concern|recommendation|raised|identified)"
    r"|remains? an area for improvement|(?:still|again) an area for improvement"
)
