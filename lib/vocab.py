"""The words of the reports, in one place: grades and their scales, pillars and their questions, the graded
areas of every family, section heads, bullets, months and the phrases that name a force.

Every pattern that reads a grade, a pillar, an area, a section head, a bullet or a month is built from the
tables here; no other module spells a grade word (``tests/test_vocab.py`` checks it). The charts' grade colours
are keyed from here too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# ------------------------------------------------------------------------------------------------ grades
GRADES = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]  # best first
UNGRADED = "Ungraded"
SCALES = {
    "four_point": [g for g in GRADES if g != "Adequate"],  # 2014 to 2019
    "five_point": list(GRADES),  # from the 2021/22 programme
}
SCALE_NAMES = {"four_point": "four-point scale", "five_point": "five-point scale"}
# The forms in which no grade is given where a grade stands.
NO_GRADE_WORDS = ("ungraded", "not graded")
_NO_GRADE = {"", *NO_GRADE_WORDS, "n/a", "none", "nan", "<na>"}


def _alternation(words: list[str]) -> str:
    """A regular-expression alternation of grade words, each spelling as printed ("require(s) improvement")."""
    return "|".join(w.lower().replace("requires ", "requires? ") for w in words)


# A grade word, as a pattern to put inside a group: "outstanding|good|adequate|requires? improvement|inadequate".
G = _alternation(GRADES)
# The same with the forms that stand where a grade stands but give none.
G_OR_NONE = f"{G}|{'|'.join(NO_GRADE_WORDS)}"
GRADE_RE = re.compile(rf"\b({G_OR_NONE})\b", re.I)
# A line that is nothing but a grade (how panels and "Summary of findings" print it).
GRADE_LINE = re.compile(rf"^\W*({G_OR_NONE})\W*$", re.I)
# A grade word run into the name after it; "Good use of resources" is a name ("Good" needs a capital after it).
GRADE_LEAD = re.compile(
    rf"^((?i:{_alternation([g for g in GRADES if g != 'Good'])})|(?:Good|GOOD)(?=\s+[A-Z][a-z]))\s+(\S.*)$"
)
# The grade that reads as a verb phrase in a sentence ("Essex Police requires improvement in ...").
G_VERB = _alternation([GRADES[3]])
# The first word of a grade that a graphic's header wraps over two lines ("Requires" / "improvement").
GRADE_FIRST_WORDS = {g.split()[0].lower(): g for g in GRADES if " " in g}
GRADE_REST_WORDS = {g.split(" ", 1)[1].lower(): g for g in GRADES if " " in g}
# The grades' colours: the same in every chart, table and box, and used for grades only.
GRADE_COLOURS = {
    "Outstanding": "#1b7837",
    "Good": "#7fbf7b",
    "Adequate": "#f6d55c",
    "Requires improvement": "#f4a259",
    "Inadequate": "#c0392b",
    UNGRADED: "#bdbdbd",
}
# Text on a grade's colour: white on the dark ends of the scale.
GRADE_INK = {g: ("white" if g in (GRADES[0], GRADES[-1]) else "black") for g in GRADE_COLOURS}
GRADES_LISTED = ", ".join([*GRADES, UNGRADED])  # for the data dictionary
SCALE_NOTE = (
    f"Grades to 2019 are on a 4-point scale (no '{GRADES[2]}'); from 2021 on a 5-point scale. "
    "The inspectorate says the two cannot be compared directly."
)
# Area names that start with a grade word ("Good use of resources"): a name, not a grade run into one.
NAME_WITH_GRADE_WORD = re.compile(r"^good use of\b", re.I)


def grade_name(grade: object) -> str:
    """A grade as printed ("requires improvement", "GOOD", "Require improvement") in the fixed spelling of
    ``GRADES``; "Ungraded" for none (empty, "not graded", a missing value); anything else unchanged."""
    text = " ".join(("" if grade is None else str(grade)).split()).lower()
    for first, name in GRADE_FIRST_WORDS.items():
        if text.startswith(first[:-1]):  # "require improvement", "requires improvement:"
            return name
    for name in GRADES:
        if text == name.lower():
            return name
    return UNGRADED if text in _NO_GRADE else str(grade)


def scale_for(year: int | None) -> str:
    """The inspectorate's scale: four grades to 2019, five (with Adequate) from the 2021/22 programme."""
    return "five_point" if (year or 0) >= 2021 else "four_point"


def grade_score(grade: str, scale: str) -> int | None:
    """Outstanding highest. Scores are comparable only within one scale (see ``scale``)."""
    order = SCALES.get(scale, GRADES)
    return len(order) - order.index(grade) if grade in order else None


# ----------------------------------------------------------------------------------------------- pillars
# (key, the stem that names it in a label or sentence)
PILLARS = (("effectiveness", r"effective"), ("efficiency", r"efficien"), ("legitimacy", r"legitima"))
PILLAR_WORDS = "|".join(p for p, _ in PILLARS)
# How each pillar's overall question is asked (2015-17 single-pillar reports and pages).
PILLAR_OVERALL = {
    "effectiveness": r"how effective is the force at keeping people safe",
    "efficiency": r"how efficient is the force at keeping people safe|how efficient is the force\b",
    "legitimacy": r"how legitimate is the force at keeping people safe|how legitimate is the force\b",
}
# The words that tell which pillar a report is about (its overall question, its title, its pillar sentence).
PILLAR_NAMED = {
    "effectiveness": r"how effective is the force at keeping people safe|police effectiveness|overall effectiveness"
    r"|force is effective at keeping people safe",
    "efficiency": r"how efficient is the force|police efficiency|overall efficiency|operates efficiently",
    "legitimacy": r"how legitimate is the force|police legitimacy|overall legitimacy|force is legitimate",
}
# Any question a report asks ("How effective is the force at ...", "To what extent does the force ...").
QUESTION = re.compile(
    r"^(?:\d+\.\s*)?(?:how (?:effective|efficient|legitimate|well) (?:is|does|are) (?:the force|the arrangements)"
    r"|to what extent (?:does|is) the force)",
    re.I,
)
# Questions that head a graded section: effectiveness ("How effective is the force at ..."), efficiency and
# legitimacy ("How well does the force ...", "To what extent does the force ..."), 2016-17 specialist
# capabilities ("How effective are the force's specialist capabilities?").
TOP_QUESTION = re.compile(
    r"^(?:how (?:effective|efficient|legitimate) is the force at|how (?:effective|efficient|well) (?:are|is|does) "
    r"the force(?:'s|’s)?\b|to what extent (?:does|is) the force)",
    re.I,
)
# The questions that head a pillar's own section (the sub-questions under them start "How well does ...").
PILLAR_QUESTION = re.compile(
    r"^(?:how (?:effective|efficient|legitimate) is the force at|to what extent does the force)", re.I
)
# Headings under which a grade is the pillar's or the report's own.
OVERALL_HEAD = re.compile(rf"^(?:overall (?:judg(?:e)?ment|{PILLAR_WORDS}|grade))\b", re.I)
# Headings under which a grade belongs to the section, not to the heading itself.
SUMMARY_HEAD = re.compile(r"^(?:summary of (?:findings|judg(?:e)?ments?)|our judg(?:e)?ments?|grade)\b", re.I)
PILLAR_NAME = re.compile(rf"^\W*({PILLAR_WORDS})(?:\s+(?:overall|20\d\d))?\W*$", re.I)


def pillar_of(text: str) -> str | None:
    """The pillar a label or a sentence names (effectiveness, efficiency, legitimacy), if one."""
    low = text.lower()
    return next((p for p, w in PILLARS if re.search(w, low)), None)


# ------------------------------------------------------------------------------------------------- areas
# Order matters: the first rule whose pattern matches names the area.
AREA_RULES: list[tuple[str, str]] = [
    (
        "overall",
        r"keep(?:s|ing) people safe and reduc(?:es|ing) crime|overall (?:effectiveness|efficiency|legitimacy|judg(?:e)?ment)"
        r"|operates? efficiently and sustainabl|^(?:the |its )?(?:effectiveness|efficiency|legitimacy)$",
    ),
    # "How effectively does the force reduce crime and keep people safe?" (2018/19 web pages): the pillar's own
    # question; "its use of resources to manage demand" (2017 efficiency pages) is meeting demand.
    ("overall", r"reduc\w* crime and keep\w* people safe"),
    ("meeting_demand", r"use of (?:its )?resources to (?:meet|manage) (?:its )?demand"),
    # 2014: "reducing crime and preventing offending", "tackling anti-social behaviour" (a question of its own).
    ("preventing_crime", r"reduc\w* crime and prevent\w* offending"),
    ("anti_social_behaviour", r"^(?:in )?(?:the way it |how it )?tackl\w* anti-social behaviour"),
    # A 2021/22 heading "Preventing and deterring crime ..., and reducing vulnerability" is about prevention.
    ("preventing_crime", r"^(?:how effective is the force at )?prevent\w* (?:and deterring )?(?:crime|anti-social)"),
    ("victim_service", r"victim service assessment|providing a service to (?:the )?victims"),
    ("crime_data_integrity", r"crime data integrity|recording data about crime|crime recording"),
    ("protecting_vulnerable", r"vulnerab"),
    ("serious_organised_crime", r"serious (?:and )?organised crime"),
    ("specialist_capabilities", r"specialist capabilit"),
    ("armed_policing", r"armed (?:policing|response)|firearms capabilit"),
    ("investigating_crime", r"investigat\w* (?:crime|offending)"),
    ("preventing_crime", r"prevent\w* (?:crime|anti-social|antisocial)|tackling anti-social"),
    ("managing_offenders", r"managing offenders|managing (?:offenders and )?suspects"),
    ("responding_to_public", r"responding to the public"),
    (
        "treatment_of_public",
        r"treat(?:ment|ing|s)? (?:of )?the public|police powers and public treatment|public treatment|fair treatment of the public",
    ),
    ("ethical_behaviour", r"ethical(?:ly)? and lawful|ethical (?:and lawful )?(?:workforce )?behaviour"),
    (
        "treating_workforce_fairly",
        r"treat(?:ing|s)? (?:its|the) workforce (?:fairly|with fairness)|fair treatment of (?:the |its )?workforce",
    ),
    ("treatment_of_public", r"treat(?:ing|s)? all (?:of )?(?:the )?people it serves"),
    ("workforce", r"(?:building|supporting|protecting)[\w, ]* the workforce|positive workplace|workforce wellbeing"),
    ("leadership", r"leadership and force management|^leadership"),
    (
        "strategic_planning",
        r"strategic planning|value for money|organisational management|good use of (?:its )?resources",
    ),
    ("meeting_demand", r"meet(?:s|ing)? (?:current )?demands?|use (?:of )?its resources to meet"),
    ("planning_for_future", r"planning for the future|plan(?:ning)? for (?:the )?future|planning for demand"),
    (
        "understanding_demand",
        r"understand(?:ing)? (?:its )?(?:current and (?:likely )?future |current |future )?demand",
    ),
    # The 2015 efficiency questions after the first (how well the force uses its resources to meet demand):
    # the workforce model and the financial position, each graded.
    ("workforce_model", r"workforce model"),
    ("financial_position", r"financial position"),
]
_COMPILED_AREAS = [(key, re.compile(pattern)) for key, pattern in AREA_RULES]

# The pillar each question of the 2018/19 integrated reports belongs to.
AREA_PILLAR = {
    **dict.fromkeys(
        (
            "preventing_crime",
            "investigating_crime",
            "protecting_vulnerable",
            "serious_organised_crime",
            "specialist_capabilities",
            "armed_policing",
        ),
        "effectiveness",
    ),
    **dict.fromkeys(
        ("meeting_demand", "planning_for_future", "understanding_demand", "workforce_model", "financial_position"),
        "efficiency",
    ),
    **dict.fromkeys(("treatment_of_public", "ethical_behaviour", "treating_workforce_fairly"), "legitimacy"),
}


@lru_cache(maxsize=4096)
def area_key(label: str) -> str | None:
    """The area a question, heading or label names (the first rule of ``AREA_RULES`` that matches), else None."""
    low = " ".join(label.lower().replace("antisocial", "anti-social").split())
    for key, pattern in _COMPILED_AREAS:
        if pattern.search(low):
            return key
    return None


# The graded areas as a reader sees them: one name per area key, the theme of the findings under it, and the
# framework's order (each pillar's overall grade first, then the 2014-2019 questions by pillar, or the areas of
# the 2021/22 and 2023-25 programmes in the order their reports print them).
class Area(NamedTuple):
    label: str
    theme: str  # the theme of the areas for improvement found under it (findings.themes)


AREAS: dict[str, Area] = {
    "overall": Area("Overall", ""),
    "treatment_of_public": Area("Treatment of the public", "Fair treatment of the public"),
    "preventing_crime": Area("Preventing crime and anti-social behaviour", "Prevention and neighbourhoods"),
    "anti_social_behaviour": Area("Tackling anti-social behaviour", "Prevention and neighbourhoods"),
    "responding_to_public": Area("Responding to the public", "Calls and initial response"),
    "investigating_crime": Area("Investigating crime", "Investigation standards"),
    "protecting_vulnerable": Area("Protecting vulnerable people", "Vulnerability and safeguarding"),
    "managing_offenders": Area("Managing offenders and suspects", "Offender management"),
    "serious_organised_crime": Area("Serious and organised crime", "Serious and organised crime"),
    "specialist_capabilities": Area("Specialist capabilities", "Specialist capabilities"),
    "armed_policing": Area("Armed policing", "Specialist capabilities"),
    "crime_data_integrity": Area("Crime data integrity", "Crime recording"),
    "understanding_demand": Area("Understanding demand", "Demand and resources"),
    "meeting_demand": Area("Meeting demand and using resources", "Demand and resources"),
    "planning_for_future": Area("Planning for the future", "Demand and resources"),
    "workforce_model": Area("Workforce model", "Workforce and training"),
    "financial_position": Area("Financial position", "Demand and resources"),
    "strategic_planning": Area("Strategic planning and value for money", "Demand and resources"),
    "ethical_behaviour": Area("Ethical and lawful workforce behaviour", "Ethics and integrity"),
    "treating_workforce_fairly": Area("Treating the workforce fairly", "Workforce and training"),
    "workforce": Area("Supporting the workforce", "Workforce and training"),
    "leadership": Area("Leadership and force management", "Leadership and management"),
    "victim_service": Area("Service to victims", "Victims"),
}
PILLARS_ORDER = [p for p, _ in PILLARS]
# The framework's order: to 2019 by pillar (effectiveness, efficiency, legitimacy), then the later programmes'.
ORDER = [
    "overall",
    "preventing_crime",
    "anti_social_behaviour",
    "investigating_crime",
    "protecting_vulnerable",
    "serious_organised_crime",
    "specialist_capabilities",
    "armed_policing",
    "understanding_demand",
    "meeting_demand",
    "planning_for_future",
    "workforce_model",
    "financial_position",
    "treatment_of_public",
    "ethical_behaviour",
    "treating_workforce_fairly",
    "crime_data_integrity",
]
ORDER_FIVE_POINT = [
    "treatment_of_public",
    "preventing_crime",
    "responding_to_public",
    "investigating_crime",
    "protecting_vulnerable",
    "managing_offenders",
    "serious_organised_crime",
    "workforce",
    "leadership",
    "strategic_planning",
    "crime_data_integrity",
    "victim_service",
]
# A 2018/19 summary names each pillar by its question: the pillar's grade, whatever row key it was read with.
PILLAR_SUMMARY_ROWS = [
    ("effectiveness", r"keep(?:s|ing) people safe and reduc"),
    ("efficiency", r"operat\w* efficiently and sustainabl"),
    ("legitimacy", r"treat\w* the public and its workforce legitimately"),
]


_EFFECTIVENESS_2015 = [
    "overall",
    "preventing_crime",
    "investigating_crime",
    "protecting_vulnerable",
    "serious_organised_crime",
]
# The questions each family grades, keyed by (pillar, year); "overall:<pillar>" is a pillar's own grade (the
# reports check themselves against them: lib/checks.py).
EXPECTED_AREAS: dict[tuple[str | None, int], list[str]] = {
    ("effectiveness", 2015): _EFFECTIVENESS_2015,
    ("effectiveness", 2016): _EFFECTIVENESS_2015 + ["specialist_capabilities"],
    ("effectiveness", 2017): _EFFECTIVENESS_2015 + ["specialist_capabilities"],
    ("legitimacy", 2016): ["overall", "treatment_of_public", "ethical_behaviour", "treating_workforce_fairly"],
    ("legitimacy", 2017): ["overall", "treatment_of_public", "ethical_behaviour", "treating_workforce_fairly"],
    ("integrated", 2018): [
        "overall:effectiveness",
        "overall:efficiency",
        "overall:legitimacy",
        *_EFFECTIVENESS_2015[1:],
        "armed_policing",
        "meeting_demand",
        "planning_for_future",
        "treatment_of_public",
        "ethical_behaviour",
        "treating_workforce_fairly",
    ],
    # 2021/22: the programme's areas in their order, less those of later years (leadership), those graded
    # only where inspected (crime data integrity) and the one never graded (the victim service assessment).
    ("integrated", 2021): [
        a for a in ORDER_FIVE_POINT if a not in ("leadership", "crime_data_integrity", "victim_service")
    ],
}
EXPECTED_AREAS[("integrated", 2019)] = EXPECTED_AREAS[("integrated", 2018)]
# 2014, the first PEEL: one assessment of the force (no pillar of its own), its effectiveness questions graded,
# efficiency graded as a pillar, legitimacy not graded; the effectiveness page grades the same questions.
_QUESTIONS_2014 = ["preventing_crime", "investigating_crime", "anti_social_behaviour"]
EXPECTED_AREAS[(None, 2014)] = [*_QUESTIONS_2014, "overall:efficiency"]
EXPECTED_AREAS[("effectiveness", 2014)] = _QUESTIONS_2014
# 2015 efficiency: the pillar and its three questions.
EXPECTED_AREAS[("efficiency", 2015)] = ["overall", "meeting_demand", "workforce_model", "financial_position"]
# ---------------------------------------------------------------------------------------- section heads
# The heads of the findings' sections, and the boxes that are not findings.
SECTION_HEADS = {
    "area_for_improvement": r"areas? for improvement",
    "cause_of_concern": r"(?:accelerated )?causes? of concern",
    "recommendation": r"recommendations?",
}
PRACTICE_HEADS = r"(?:innovative|promising|notable) practice"
FINDING_HEAD = re.compile(rf"^(?:{'|'.join(SECTION_HEADS.values())})\W*$", re.I)
CONTENTS_HEAD = re.compile(r"^(?:contents|table of contents)\W*$", re.I)

# --------------------------------------------------------------------------------------------- bullets
# Every glyph a reader or a PDF-to-text tool prints as a bullet (the PUA glyphs of Symbol and Wingdings fonts
# too); "(cid:127)" is pdfminer's name for an unmapped bullet.
BULLET_GLYPHS = "•●▪◦‣∙·■□○➢➤✓\u2043"
PUA_BULLETS = "\uf0b7\uf0a7\uf076\uf0d8\uf0a8\uf0fc\uf06e\uf075\uf0e0\uf0f0\uf02d"
CID_BULLET = "(cid:127)"
# Dashes and letters a text export prints as a bullet when a space follows them.
DASH_BULLETS = "\\-–*"  # (in a character class: the hyphen escaped)

# ---------------------------------------------------------------------------------------------- months
MONTHS = "January February March April May June July August September October November December".split()
MONTH = "(?:" + "|".join(MONTHS) + ")"

# ---------------------------------------------------------------------------------------- force nouns
# Who a sentence is about when it does not name the force: "the force", "the constabulary", "it".
FORCE_NOUN = r"(?:the )?(?:force|constabulary)"

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
    r"police,? (?:fire )?(?:and|&) crime commissioner|\bp?f?cc\b|\bopf?cc\b|comisiynydd|\bcommissioner['’]s? office"
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

# ------------------------------------------------------------------------------ grades in more words
# (the grade readers of issue 16: web pages, press releases, wrapped graphics)
# A date line a web page prints between a question and its grade ("Last updated 22/03/2018").
UPDATED_LINE = re.compile(r"^\W*last updated\b[\s:]*(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2} \w+ \d{4})?\W*$", re.I)
# Two area names that together are one question of their year, never two grades ("investigating crime and
# managing offenders" in 2015; "preventing crime and tackling anti-social behaviour" from 2016).
ONE_QUESTION_PAIRS = {
    ("investigating_crime", "managing_offenders"),
    ("preventing_crime", "anti_social_behaviour"),
}
# Words of the prose that condition a grade said before it ("If the force were good ...", "would be good").
CONDITION_WORDS = re.compile(r"\bif\b|\bwould\b|\bcould\b|\bshould\b|\baim(?:s|ing)? to\b", re.I)
# A question that heads a graded section asked in other words than a pillar's ("How sustainable is the
# force's financial position ...?", 2015 efficiency): the area comes from its words. "How effectively is the
# force working with partners ...?" is a sub-question under its pillar's question, not this.
ANY_QUESTION = re.compile(r"^(?:\d{1,2}[.)]?\s+)?how (?!effective|efficient|legitimate|well\b)[^?]{10,200}\?$", re.I)

# ------------------------------------------------------------------------------- citations (issue 16)
# Words a printed hyphen joins for good ("anti-social", "non-emergency", "co-ordinate"): a word hyphenated
# after one of these keeps its hyphen. Other hyphens inside a word that the report prints whole elsewhere, or
# before a syllable that is no word ("vulnerabi-lity", "investi-gation"), were a line break's.
HYPHEN_PREFIXES = (
    "anti non co re pre self cross multi inter intra well sub semi ex post under over cyber counter mid "
    "long short high low full part first second third face stop follow on off up out in decision risk"
).split()
SYLLABLE_TAILS = (
    "lity ility ality ity tion tions ation ations sion sions ment ments ness ance ence ances ences ous ious "
    "ive ible able ably ally ally ular ulation lation ing ings ed ly ies ised ized ise ize"
).split()

# ------------------------------------------------------------------------------ the recommendation tracker
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
