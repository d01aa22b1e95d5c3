"""Figures in sentences, with the England and Wales comparator in the same or the next sentence."""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from .. import forces as F
from ..model import Document
from ..scan import Folds, Gate
from ..text import Sentence, sentence_folds, sentences
from ..vocab import MONTH
from .figures_common import DIGIT, PCT, PERIOD, N, figure, num, period_of, periods_in, slug

# ---------------------------------------------------------------- 3. sentences
CHANGE_SUBJECTS = [  # (key stem, pattern naming what changed)
    ("victim_based_crime", r"victim-based crime"),
    ("recorded_crime", r"(?:police )?recorded crime(?: \(excluding fraud\))?|total recorded crime"),
    ("stalking_harassment", r"stalking and harassment(?: crimes| offences| cases)?"),
    ("asb_incidents", r"anti-social behaviour(?: incidents)?|incidents of anti-social behaviour"),
    ("marac_referrals", r"(?:marac )?referrals"),
    ("domestic_abuse_crimes", r"domestic abuse(?:-related)? (?:crimes|offences)"),
]
DOWN = r"fell|decreased|reduced|dropped|declined|went down|reduction|decrease|fall|fewer"
UP = r"rose|increased|went up|grew|increase|rise|more"
CHANGE = re.compile(rf"\b(?P<dir>{DOWN}|{UP})\s+(?:by\s+)?(?:of\s+)?(?P<v>{N})\s*{PCT}", re.I)
CHANGE_PCT_FIRST = re.compile(rf"(?P<v>{N})\s*{PCT}\s+(?P<dir>{DOWN}|{UP}|increase|decrease)\b", re.I)
EW_CHANGE = re.compile(
    rf"(?:(?P<dir>{DOWN}|{UP})\s+(?:by\s+)?(?:of\s+)?(?P<ew>{N})\s*{PCT}[^.]*?(?:across|in) (?:all forces in )?England and Wales"
    rf"|England and Wales[^.]*?(?P<dir2>{DOWN}|{UP})\s+(?:by\s+)?(?:of\s+)?(?P<ew2>{N})\s*{PCT}"
    rf"|(?P<ew3>{N})\s*{PCT}\s+(?P<dir3>{DOWN}|{UP})[^.]*?across (?:all forces in )?England and Wales"
    rf"|England and Wales[^.]*?(?P<ew4>{N})\s*{PCT}\s+(?P<dir4>{DOWN}|{UP}))",
    re.I,
)


def _signed(value: str, direction: str) -> float:
    v = num(value)
    return -v if re.fullmatch(DOWN, direction.lower()) else v


def _ew_change(text: str) -> float | None:
    hit = EW_CHANGE.search(text)
    if not hit:
        return None
    for v, d in (("ew", "dir"), ("ew2", "dir2"), ("ew3", "dir3"), ("ew4", "dir4")):
        if hit.group(v):
            return _signed(hit.group(v), hit.group(d))
    return None


def _baseline(text: str) -> str | None:
    if re.search(r"previous (?:year|12 months)|same period the previous year|year before", text, re.I):
        return "annual"
    hit = re.search(rf"compared (?:with|to) the 12 months to (?:\d{{1,2}} )?{MONTH} (\d{{4}})", text, re.I)
    return f"since_{hit.group(1)}" if hit else None


# Figures with a fixed phrasing across the inspectorate's reports: (key, pattern with group v, unit,
# pattern for the England and Wales figure in the same or the next sentence, or None).
FIGURES: list[tuple[str, str, str, str | None]] = [
    ("asb_incidents", rf"recorded (?P<v>{N}) incidents of anti-social behaviour", "incidents", None),
    (
        "ocg_count",
        rf"(?:monitoring|managing|had|mapped) (?P<v>{N}) (?:active )?(?:mapped )?(?:organised crime groups|OCGs)(?! per)",
        "organised crime groups",
        None,
    ),
    (
        "ocg_per_million",
        rf"(?P<v>{N}) (?:mapped )?(?:OCGs|organised crime groups) per (?:one|1) million",
        "per million population",
        rf"England and Wales (?:rate|average) of (?P<ew>{N})(?: (?:OCGs|organised crime groups))? per",
    ),
    (
        "ocg_drug_activity_pct",
        rf"drug activity'? was the predominant crime type \((?P<v>{N}) {PCT}\)",
        "percent of organised crime groups",
        rf"(?P<ew>{N}) {PCT} of all OCGs",
    ),
    (
        "victim_satisfaction_pct",
        rf"(?P<v>{N}) {PCT} (?:of victims )?were satisfied",
        "percent of victims",
        rf"(?:national|England and Wales) victim satisfaction rate of (?P<ew>{N}) {PCT}",
    ),
    (
        "domestic_abuse_arrests_per_100_crimes",
        rf"for every 100 domestic abuse[\w -]* (?:crimes|offences)[^.]*?there were (?P<v>{N}) arrests",
        "arrests per 100 domestic abuse crimes",
        rf"England and Wales (?:rate|average) of (?P<ew>{N})",
    ),
    ("custody_place_of_safety_uses", rf"(?:used as a place of safety|place of safety) (?P<v>{N}) times", "uses", None),
    (
        "custody_place_of_safety_per_100k",
        rf"(?P<v>{N}) uses as a place of safety per 100,000",
        "per 100,000 population",
        rf"England and Wales (?:rate|average) of (?P<ew>{N})",
    ),
    (
        "dvpo_rate_per_100_da_offences",
        rf"rate of DVPOs granted (?:is|was) (?P<v>{N}) per 100",
        "per 100 domestic abuse-related offences",
        rf"England and Wales (?:rate|average) of (?P<ew>{N}) per 100",
    ),
    ("clares_law_right_to_know_applications", rf"(?P<v>{N}) ['‘]right to know['’] applications", "applications", None),
    ("clares_law_right_to_ask_applications", rf"(?P<v>{N}) ['‘]right to ask['’] applications", "applications", None),
    (
        "marac_referrals_per_10k_females",
        rf"referred (?P<v>{N}) cases to (?:a )?MARAC per 10,000 females",
        "per 10,000 females",
        None,
    ),
    ("scpo_applications", rf"applied for (?P<v>{N}) (?:SCPOs|serious crime prevention orders)", "applications", None),
    (
        "scpo_rate_per_100_ocgs",
        rf"(?:SCPOs|orders) at a rate of (?P<v>{N}) per 100 organised crime groups",
        "per 100 organised crime groups",
        rf"England and Wales rate of (?P<ew>{N}) per 100 organised crime groups",
    ),
    ("iom_offenders", rf"(?P<v>{N}) offenders were (?:being )?managed under [^.]*?IOM", "offenders", None),
    (
        "registered_sex_offenders",
        rf"monitoring (?:nearly |around |about |over )?(?P<v>{N}) (?:registered )?sex offenders",
        "offenders",
        None,
    ),
    ("sex_offenders_very_high_risk", rf"(?P<v>{N}) are considered to be very high risk", "offenders", None),
    (
        "sex_offenders_high_risk",
        rf"very high risk and (?:nearly |around |about )?(?P<v>{N}) high risk",
        "offenders",
        None,
    ),
    (
        "crime_investigated_by_telephone_pct",
        rf"investigates (?P<v>{N}) {PCT} (?:all )?of (?:all )?reported crime",
        "percent of reported crime",
        None,
    ),
    (
        "file_review_vulnerable_files",
        rf"Of the (?P<v>{N}) files reviewed which had a vulnerable victim",
        "case files",
        None,
    ),
    (
        "file_review_vulnerable_allocated_appropriately",
        rf"files reviewed which had a vulnerable victim, (?P<v>{N}) were allocated",
        "case files",
        None,
    ),
    (
        "file_review_vulnerable_effective_investigation",
        rf"and (?P<v>{N}) had an effective investigation",
        "case files",
        None,
    ),
    ("stalking_harassment_recorded", rf"(?P<v>{N}) cases of stalking and harassment were recorded", "cases", None),
]
FIGURES_RE = [
    (key, re.compile(pattern, re.I), unit, re.compile(ew, re.I) if ew else None) for key, pattern, unit, ew in FIGURES
]
CLARES = re.compile(rf"Of these, (?P<v>{N}) (?:resulted in a disclosure|disclosures were made)", re.I)
DISCLOSURE_RATE = re.compile(rf"disclosure rate of (?P<v>{N}) {PCT}", re.I)
# What a sentence must print for a rule to be worth a search: a change needs a percentage and a direction.
PERCENTAGE, DIRECTION = Gate(re.compile(PCT, re.I)), Gate(CHANGE, CHANGE_PCT_FIRST)
FIGURE_GATES = [Gate(pattern) for _, pattern, _, _ in FIGURES_RE]
CLARE_GATE = Gate(CLARES, DISCLOSURE_RATE)


def extract_sentences(doc: Document, force: str | None) -> list[dict]:
    sents: list[Sentence] = sentences(doc)
    rows: list[dict] = []
    force_words = F.name_pattern(force) if force else r"(?!x)x"
    baseline = None
    clare = None
    folds = sentence_folds(doc)
    figures_at = [folds.holding(gate) for gate in FIGURE_GATES]
    changes_at = {k for k in folds.holding(PERCENTAGE) if DIRECTION.open(folds.text(k))}
    # A sentence no rule can match changes nothing: only the others are read.
    for k in sorted(set().union(changes_at, folds.holding(CLARE_GATE), *figures_at)):
        sent = sents[k]
        text = sent.text
        if not DIGIT.search(text):
            continue  # every figure is printed in digits
        figures = [rule for rule, at in zip(FIGURES_RE, figures_at) if k in at]
        changes = k in changes_at
        if not (figures or changes or clare):
            continue
        prev = sents[k - 1].text if k else ""
        nxt = sents[k + 1].text if k + 1 < len(sents) else ""
        period = period_of(text) or period_of(prev) or period_of(sents[k - 2].text if k > 1 else "")

        # Changes in recorded crime, victim-based crime, ASB, MARAC referrals, stalking ...
        hit = changes and (CHANGE.search(text) or CHANGE_PCT_FIRST.search(text))
        if hit and re.search(r"\d", hit.group("v")):
            this_base = _baseline(text)
            if re.match(r"over this same period|over the same period", text, re.I):
                this_base = baseline
            baseline = this_base or baseline
            subject = next(
                (key for key, pattern in CHANGE_SUBJECTS if re.search(pattern, text[: hit.end()], re.I)), None
            )
            if subject is None and re.search(r"\bincidents\b", text, re.I) and re.search(r"anti-social", prev, re.I):
                subject = "asb_incidents"
            if subject == "marac_referrals" and not re.search(r"MARAC", text + prev, re.I):
                subject = None
            ew_subject = re.search(
                r"across England and Wales|in England and Wales|England and Wales rose|England and Wales fell",
                text[: hit.start()],
                re.I,
            ) and not re.search(force_words, text[: hit.start()], re.I)
            found = sorted(set(periods_in(text)), key=lambda p: re.findall(r"\d{4}", p)[-1:], reverse=True)
            if len(found) >= 2 and all(p.startswith("12 months") for p in found[:2]):
                change_period = f"{found[0]} against {found[1]}"
            elif (
                re.match(r"over (?:this|the) same period", text, re.I) and rows and rows[-1]["unit"] == "percent change"
            ):
                change_period = rows[-1]["period"]
            else:
                change_period = period
            if subject and not re.match(r"when considering all forces|this is compared with", text, re.I):
                span = (
                    this_base
                    or ("annual" if subject in {"asb_incidents", "stalking_harassment"} else baseline)
                    or "annual"
                )
                key = f"{subject}_change_{span}_pct"
                value = None if ew_subject else _signed(hit.group("v"), hit.group("dir"))
                ew = _ew_change(text[hit.end() :]) if not ew_subject else _signed(hit.group("v"), hit.group("dir"))
                evidence = text
                if (
                    value is not None
                    and ew is None
                    and re.search(r"England and Wales", nxt)
                    and re.match(r"(?:this is compared|when considering|across england|in england)", nxt, re.I)
                ):
                    ew = _ew_change(nxt)
                    evidence = f"{text} {nxt}"
                rows.append(
                    figure(
                        key,
                        f"Change in {subject.replace('_', ' ')} ({span.replace('_', ' ')})",
                        change_period,
                        "percent change",
                        value,
                        ew,
                        sent.page,
                        evidence,
                    )
                )

        for key, pattern, unit, ew_pattern in figures:
            for m in pattern.finditer(text):
                if re.search(
                    r"England and Wales(?: \w+){0,3} (?:of|was|is)\s*$|national(?: \w+){0,3} (?:of|was|is)\s*$",
                    text[max(0, m.start() - 60) : m.start()],
                    re.I,
                ):
                    continue  # the comparator, not the force's figure
                ew, evidence = None, text
                if ew_pattern:
                    after = text[m.end() :]
                    e = ew_pattern.search(after) or ew_pattern.search(nxt)
                    if e:
                        ew = num(e.group("ew"))
                        if e.string is nxt:
                            evidence = f"{text} {nxt}"
                rows.append(
                    figure(key, key.replace("_", " "), period, unit, num(m.group("v")), ew, sent.page, evidence)
                )
                if key.startswith("clares_law_"):
                    clare = key.replace("_applications", "")

        # What a Clare's Law application figure is followed by: the disclosures, then the rate (which ends it).
        for pattern, suffix, unit in (
            (CLARES, "disclosures", "disclosures"),
            (DISCLOSURE_RATE, "disclosure_rate_pct", "percent of applications"),
        ):
            if clare and (m := pattern.search(text)):
                key = f"{clare}_{suffix}"
                label = key.replace("_", " ").removesuffix(" pct")
                rows.append(figure(key, label, period, unit, num(m.group("v")), None, sent.page, text))
                clare = None if pattern is DISCLOSURE_RATE else clare
    return rows


# Any other sentence that states an England and Wales (or national) figure: the force's figure is the last
# number printed before the comparator (after the comparator before it, when a sentence makes two
# comparisons), in the same sentence or, for the first comparator, the sentence before. Money keeps its
# pound sign ("£166 per head" is 166, in £), a range its two ends, a rate the unit printed after it.
_PER = r"per (?:one |every )?(?:[\d,]+|million|head)(?: of (?:the )?population| [a-z]+)?"
COMPARATOR = re.compile(
    rf"(?:England and Wales|national)(?: [\w-]+){{0,4}}? (?:rate|average|figure|proportion|level|percentage)s?"
    rf"(?: (?:of|was|is|at|stood at|stands at)|:| \()\s*(?P<cur>£)?(?P<ew>{N})\s*(?P<pct>{PCT})?"
    rf"|(?P<cur2>£)?(?P<ew2>{N})\s*(?P<pct2>{PCT})?(?: {_PER})? (?:across|in|for) (?:all forces in |the whole of )?England and Wales"
    rf"|\(England and Wales:?\s*(?P<cur3>£)?(?P<ew3>{N})\s*(?P<pct3>{PCT})?"
    rf"|(?:rate|average|figure|proportion|level|percentage)s? (?:for|in|across) (?:the whole of )?England and Wales"
    rf"(?: as a whole)? (?:was|is|were|stood at|of)\s*(?P<cur4>£)?(?P<ew4>{N})\s*(?P<pct4>{PCT})?"
    rf"|compared (?:with|to) (?:the )?England and Wales(?:['’]s?)?(?: (?:average|rate|figure|proportion))?"
    rf"(?: (?:at|of|on))? (?P<cur5>£)?(?P<ew5>{N})\s*(?P<pct5>{PCT})?",
    re.I,
)
COMPARATOR_GATE = Gate(COMPARATOR)
# A comparator set before the force's figure, as the sentence's opening clause.
LEAD_IN = re.compile(r"^\W*(?:compared (?:with|to)|against|unlike|set against)\s+(?:the |an? )?$", re.I)
_COMPARATOR_GROUPS = [(f"ew{k}", f"pct{k}", f"cur{k}") for k in ("", "2", "3", "4", "5")]
_MASK = re.compile(
    rf"\b(?:19|20)\d\d[/-]\d\d\b|{PERIOD.pattern}|\b(?:19|20)\d\d\b|\b\d{{1,2}} {MONTH}\b|\bper (?:one )?\d[\d,]*\b|\bfor every \d[\d,]*\b"
    rf"|\boutcome \d+\b|\bsection \d+\b|\[\^?\d+\]|\b999\b|\b(?:within|in) (?:ten|\d+) (?:seconds|minutes)\b",
    re.I,
)
_VALUE = re.compile(
    rf"(?<![\w.,£-])(?P<btw>[Bb]etween\s+)?(?P<cur>£\s?)?(?P<v>{N})"
    rf"(?:(?:\s*{PCT})?\s*(?:to|–|-)\s*£?(?P<hi>{N})|(?(btw)(?:\s*{PCT})?\s+and\s+£?(?P<hi2>{N})))?\s*(?P<pct>{PCT})?"
    rf"(?P<after>(?:\s+[A-Za-z][\w'’-]*){{0,8}})"
)


def _force_of(text: str) -> str | None:
    names = F.mentions(text)
    return names.most_common(1)[0][0] if names else None


@lru_cache(maxsize=4096)
def _masked(text: str) -> str:
    """The sentence with what is no figure (years, dates, section numbers ...) masked; the same sentence is
    asked about again for each comparison near it, so it is worked out once."""
    return _MASK.sub(lambda m: "#" * len(m.group(0)), text)


def _ew_of(hit: re.Match) -> tuple[float, bool, bool]:
    """The comparator's figure, whether it is a percentage, whether it is money."""
    for v, pct, cur in _COMPARATOR_GROUPS:
        if hit.group(v):
            return num(hit.group(v)), bool(hit.group(pct)), bool(hit.group(cur))
    raise ValueError(hit.group(0))


def _unit(value: re.Match, pct: bool, money: bool, after: str, before: str = "") -> str:
    """The unit of a force's figure: percent, pounds (and what per), a rate's 'per ...' (after the figure, or
    in a label before it: "Crimes per 1,000 population: 72.5"), or none; a range says its two ends."""
    per = re.match(rf"\s*(?:[a-z][\w-]*\s+){{0,4}}?({_PER})", after, re.I) or re.search(rf"({_PER})\W*$", before, re.I)
    if value.group("pct") or pct:
        unit = "percent"
    elif value.group("cur") or money:
        scale = re.match(r"\s*(million|billion|m\b|bn\b)", after, re.I)
        words = {"m": "million", "bn": "billion"}
        unit = "£" + (f" {words.get(scale.group(1).lower(), scale.group(1).lower())}" if scale else "")
        unit += f" {per.group(1)}" if per else ""
    else:
        unit = per.group(1) if per else ""
    if hi := value.group("hi") or value.group("hi2"):
        unit = f"{unit}, range {value.group('v')} to {hi}".strip(", ")
    return unit


def _comparison(
    source: Sentence, sent: Sentence, value: re.Match, ew: float, pct: bool, money: bool, floor: int = 0
) -> dict:
    """One figure row: the force's value (a match of ``_VALUE`` in ``source``) against the comparator; its
    clause starts after the last comma, semicolon or sentence end before the value (and never before
    ``floor``, the end of the comparison before it in the same sentence)."""
    original = source.text
    begin = value.start("btw") if value.group("btw") else value.start("v")
    breaks = [m.end() for m in re.finditer(r"[,;](?!\d)|\.(?:\[\^?\d+\])?(?=\s)", original[:begin])]
    clause_start = max([floor, *breaks[-1:]]) if source is sent else (breaks[-1] if breaks else 0)
    force_name = _force_of(original)
    lead = re.sub(
        rf"\b(?:the force|{F.name_pattern(force_name) if force_name else 'xx'})\b|\b(?:in|of|on|at|the|a|an|was|were|is|had|has|there)\b",
        " ",
        original[clause_start:begin],
        flags=re.I,
    )
    end = max(value.end("v"), value.end("hi"), value.end("hi2"))
    tail = re.split(
        r"\b(?:which|this|that|compared|than|when|in the|for the|as at)\b|,(?!\d)|[;(]|\.(?!\d)|\[",
        original[end : end + 90],
    )[0]
    words = re.findall(r"[A-Za-z][\w'’-]*", lead)[-5:] + re.findall(r"[A-Za-z][\w'’-]*", tail)[:5]
    phrase = " ".join(words) or "figure"
    return figure(
        f"compared_{slug(phrase)}"[:60],
        " ".join(original[clause_start : end + len(tail)].strip(" ,;").split()),
        period_of(source.text, sent.text),
        _unit(value, pct, money, original[end : end + 60], original[clause_start:begin]),
        num(value.group("v")),
        ew,
        source.page,
        source.text if source is sent else f"{source.text} {sent.text}",
    )


def generic_comparisons(sents: list[Sentence], taken: Container[str], folds: Folds | None = None) -> list[dict]:
    """Any other sentence that states a figure against England and Wales or the nation; ``taken``: sentences
    another rule read; ``folds``: the sentences' folds when made already (``text.sentence_folds``)."""
    rows = []
    for k in sorted((folds or Folds([s.text for s in sents])).holding(COMPARATOR_GATE)):
        sent = sents[k]
        if sent.text in taken or not DIGIT.search(sent.text):  # every comparator prints a figure
            continue
        since = 0  # a second comparison in a sentence takes its figure after the first comparator
        for hit in COMPARATOR.finditer(sent.text):
            ew, pct, money = _ew_of(hit)
            masked = _masked(sent.text)
            values = list(_VALUE.finditer(masked, since, hit.start()))
            source = sent
            opening = sent.text[: hit.start()]
            leads = LEAD_IN.match(opening) or (not opening.strip() and re.match(r"compared", hit.group(0), re.I))
            if not values and since == 0 and leads:
                # "Compared with the England and Wales rate of 81.9, the force recorded 72.5 ...": after it.
                after = list(_VALUE.finditer(masked, hit.end()))
                values = after[:1]
            if not values and since == 0 and k and sents[k - 1].text not in taken:
                source = sents[k - 1]
                values = list(_VALUE.finditer(_masked(source.text)))
                if pct and not any(x.group("pct") for x in values):
                    values = []  # a percentage's comparator needs a percentage before it
            floor, since = since, hit.end()
            if not values:
                continue
            if pct and any(x.group("pct") for x in values):
                values = [x for x in values if x.group("pct")]
            if money and any(x.group("cur") for x in values):
                values = [x for x in values if x.group("cur")]
            # The match ran over the masked text: read it again over the text as printed, at the same place.
            v = _VALUE.match(source.text, values[-1].start())
            if v is None or v.group("v") != values[-1].group("v"):
                v = values[-1]
            rows.append(_comparison(source, sent, v, ew, pct, money, floor))
    return rows
