"""The words around the grades: the heads of the findings' sections, bullets, months, the phrases that name a
force, the words that place a grade in running prose, and the hyphens a citation keeps."""

from __future__ import annotations

import re

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

# ------------------------------------------------------------------------- words broken over two lines
# Words a printed hyphen joins for good: a word broken over two lines after one of these keeps its hyphen
# ("anti-" / "social") unless the document prints it whole elsewhere (lib/readers/hyphens.py).
HYPHEN_PREFIXES = frozenset(
    (
        "anti non co pre re self cross multi inter well long short high low full part sub ex post cyber semi "
        "under over mid child year force month day risk front"
    ).split()
)

# ------------------------------------------------------------------------------ the recommendation tracker
