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
