"""The words of the reports, in one place: grades and their scales, pillars and their questions, the graded
areas of every family, section heads, bullets, months and the phrases that name a force.

Every pattern that reads a grade, a pillar, an area, a section head, a bullet or a month is built from the
tables here; no other module spells a grade word (``tests/test_vocab.py`` checks it). The charts' grade colours
are keyed from here too.

The vocabulary is one package of four parts, every name importable from ``lib.vocab`` itself: ``grades``
(the scales, grade patterns, colours), ``framework`` (pillars, questions, areas and each family's question
set), ``words`` (section heads, bullets, months, force nouns, words around a grade, citations' hyphens) and
``responses`` (responses, statements, other inspections, the tracker's statuses).
"""

from __future__ import annotations

from .framework import (  # noqa: F401
    AREA_PILLAR,
    AREA_RULES,
    AREAS,
    EXPECTED_AREAS,
    ORDER,
    ORDER_FIVE_POINT,
    OVERALL_HEAD,
    PILLAR_NAME,
    PILLAR_NAMED,
    PILLAR_OVERALL,
    PILLAR_QUESTION,
    PILLAR_SUMMARY_ROWS,
    PILLAR_WORDS,
    PILLARS,
    PILLARS_ORDER,
    QUESTION,
    SUMMARY_HEAD,
    TOP_QUESTION,
    Area,
    area_key,
    pillar_of,
)
from .grades import (  # noqa: F401
    G_OR_NONE,
    G_VERB,
    GRADE_COLOURS,
    GRADE_FIRST_WORDS,
    GRADE_INK,
    GRADE_LEAD,
    GRADE_LINE,
    GRADE_RE,
    GRADE_REST_WORDS,
    GRADES,
    GRADES_LISTED,
    NAME_WITH_GRADE_WORD,
    NO_GRADE_WORDS,
    SCALE_NAMES,
    SCALE_NOTE,
    SCALES,
    UNGRADED,
    G,
    grade_name,
    grade_score,
    scale_for,
)
from .responses import (  # noqa: F401
    ACTION_HEADER,
    CAUSES_NAMED,
    COMMISSIONER,
    COUNT_WORDS,
    FINDING_HEADER,
    FINDING_LABEL,
    FINDING_LABELS,
    FORCE_STATEMENT,
    GROUP_HEADER,
    NOT_RESPONDED,
    OPEN_STATUSES,
    OTHER_HEADER,
    OTHER_INSPECTION,
    PARAGRAPH_NUMBER,
    PILLAR_PAGE_QUESTION,
    PILLAR_SENTENCE,
    RECURS_STATED,
    SALUTATION,
    SECTION_55,
    SIGN_OFF,
    SITE_NOTICE,
    STATEMENT_VOICE,
    STATUS_HEADER,
    STATUS_LABEL,
    STATUS_PREFIX,
    STATUS_RULES,
    STATUS_WORDS,
    STATUSES,
)
from .words import (  # noqa: F401
    ANY_QUESTION,
    BULLET_GLYPHS,
    CID_BULLET,
    CONDITION_WORDS,
    CONTENTS_HEAD,
    DASH_BULLETS,
    FINDING_HEAD,
    FORCE_NOUN,
    HYPHEN_PREFIXES,
    MONTH,
    MONTHS,
    ONE_QUESTION_PAIRS,
    PRACTICE_HEADS,
    PUA_BULLETS,
    SECTION_HEADS,
    UPDATED_LINE,
)
