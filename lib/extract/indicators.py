"""Figures a report prints for the force, with the England and Wales figure printed beside them.

Three places hold them, each with its own reader:
1. tables: crime rates per 1,000 population and crime outcomes (2015-16 reports); their cells may come one
   per line, a row per line, or with labels separated from their numbers, as PDF-to-text tools leave them;
2. "Force in numbers" panels (2017 on): a label, the force and its figure, England and Wales and theirs;
3. sentences: changes in recorded crime, victim satisfaction, organised crime groups, domestic abuse
   arrests, custody as a place of safety, protection orders, Clare's Law, MARAC referrals, serious crime
   prevention orders, anti-social behaviour incidents, ...; the comparator may sit in the next sentence.
Changes carry their sign: "fell by 9 percent" is -9.
"""

from __future__ import annotations

import re

from .. import forces as F
from ..model import Document
from ..text import Sentence, clean_lines, sentences

N = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
SIGNED = rf"[-+−–]?{N}"
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
PERIOD = re.compile(
    rf"(?:the )?(12 months to (?:\d{{1,2}} )?{MONTH} \d{{4}}(?: against (?:the )?12 months to (?:\d{{1,2}} )?{MONTH} \d{{4}})?"
    rf"|(?:as at|on) \d{{1,2}} {MONTH} \d{{4}}|year ending (?:\d{{1,2}} )?{MONTH} \d{{4}}"
    rf"|between {MONTH} \d{{4}} and {MONTH} \d{{4}})",
    re.I,
)
PCT = r"(?:percent|per cent|%)"
_DIGIT = re.compile(r"\d")


def num(text: str) -> float:
    text = text.replace(",", "").replace("−", "-").replace("–", "-").rstrip("%").strip()
    return float(text)


def slug(text: str) -> str:
    text = re.sub(r"\([^)]*\)", lambda m: " " + m.group(0)[1:-1] + " ", text.lower())
    text = re.sub(r"[*†‡]|\d+$", "", text)
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:60]


_PERIOD_RANK = (r"^12 months", r"^year ending", r"^between", r"^(?:as at|on)")


def _norm_period(found: str) -> str:
    found = re.sub(r"^the ", "", found, flags=re.I)
    found = re.sub(r"^on ", "as at ", found, flags=re.I)
    return found[0].lower() + found[1:] if re.match(r"(?:as at|between|year ending)", found, re.I) else found


def periods_in(text: str) -> list[str]:
    return [_norm_period(m.group(1)) for m in PERIOD.finditer(text or "")]


def period_of(*texts: str) -> str:
    """The period a figure is for: '12 months to ...' before 'year ending', 'between', 'as at' dates."""
    for text in texts:
        found = periods_in(text)
        for rank in _PERIOD_RANK:
            for p in found:
                if re.match(rank, p, re.I):
                    return p
    return ""


def _row(indicator, label, period, unit, value, ew, page, evidence):
    return {
        "indicator": indicator,
        "label": label,
        "period": period,
        "unit": unit,
        "value": value,
        "england_wales": ew,
        "page": page,
        "evidence": evidence,
    }


# ---------------------------------------------------------------- 1. tables
TABLE_START = {
    "crime_rate": re.compile(r"^rates? per 1,000 population\b", re.I),
    "outcomes": re.compile(r"^outcome type(?:/group)?\b", re.I),
}
HEADER_CELL = re.compile(
    r"^(?:rates? per 1,000 population|outcome type(?:/group)?|number of outcomes|rate|england and wales|(?:and )?wales|england|population|police)\b\W*$|^(?:rates? per 1,000 population|outcome type(?:/group)?|number of outcomes|rate)\b",
    re.I,
)
LINE_CELLS = re.compile(rf"^(?P<label>.*?[A-Za-z)*][^\d]*?)?\s*(?P<nums>(?:{SIGNED}%?\s*)+)$")
STOP = re.compile(r"^(?:source:|figure \d|https?://|www\.|\*)", re.I)


def _is_header(line: str) -> bool:
    if HEADER_CELL.match(line):
        return True
    names = F.mentions(line)
    return bool(names) and (F.canonical(line) is not None or "england and wales" in line.lower())


def _caption_period(lines: list[tuple[int, str]], start: int, topic: str) -> str:
    for k in range(start, max(-1, start - 120), -1):
        line = lines[k][1]
        if re.match(r"figure \d+", line, re.I) and re.search(topic, line, re.I):
            caption = line + " " + (lines[k + 1][1] if k + 1 < len(lines) else "")
            return period_of(caption)
    return ""


def _table(lines: list[tuple[int, str]], start: int, kind: str, text: str) -> tuple[list[dict], list[dict]]:
    """Parse one table from its header line; returns (indicator rows, check rows)."""
    cells: list[tuple[str, object, int]] = []  # ("label", text, page) | ("num", value text, page)
    header_cols: list[str] = []
    i = start
    while i < len(lines):
        page, line = lines[i]
        if _is_header(line) and not STOP.match(line):
            header_cols += re.findall(r"number of outcomes|rate\b", line, re.I)
            i += 1
            continue
        if i > start and (STOP.match(line) or (len(line.split()) >= 7 and not LINE_CELLS.match(line))):
            break
        hit = LINE_CELLS.match(line)
        if hit:
            if hit.group("label") and hit.group("label").strip(" -–"):
                cells.append(("label", hit.group("label").strip(), page))
            for token in re.findall(rf"{SIGNED}%?", hit.group("nums")):
                cells.append(("num", token, page))
        else:
            cells.append(("label", line, page))
        i += 1
    numbers = [c for c in cells if c[0] == "num"]
    first_num = next((k for k, c in enumerate(cells) if c[0] == "num"), 0)
    # Short stray labels before the first number are header fragments when the counts need it.
    while (
        numbers
        and cells[:first_num]
        and len([c for c in cells if c[0] == "label"])
        and len(numbers) % len([c for c in cells if c[0] == "label"])
        and len(str(cells[0][1]).split()) <= 3
    ):
        cells.pop(0)
        first_num -= 1
    labels = [c for c in cells if c[0] == "label"]
    if not labels or not numbers or len(numbers) % len(labels):
        return [], [
            {
                "check": f"table_parsed:{kind}",
                "passed": False,
                "detail": f"{len(numbers)} numbers for {len(labels)} row labels on page {lines[start][0]}",
            }
        ]
    width = len(numbers) // len(labels)
    # Group the numbers in order; a label printed just before a group owns it; the other groups take the
    # other labels in order (PDF-to-text tools move labels that stand alone to the end of the table).
    groups, owner, position = [], {}, 0
    for idx, cell in enumerate(cells):
        if cell[0] == "num":
            if position % width == 0:
                groups.append([])
                prev = cells[idx - 1] if idx else None
                if prev and prev[0] == "label":
                    owner[len(groups) - 1] = idx - 1
            groups[-1].append(cell)
            position += 1
    label_idx = [idx for idx, c in enumerate(cells) if c[0] == "label"]
    free_labels = [idx for idx in label_idx if idx not in owner.values()]
    free_groups = [g for g in range(len(groups)) if g not in owner]
    for g, idx in zip(free_groups, free_labels):
        owner[g] = idx
    period = _caption_period(lines, start, "outcomes" if kind == "outcomes" else "crime rates|per 1,000") or period_of(
        text
    )
    flat = re.sub(r"\s+", " ", text)
    households = [
        m.strip().lower() for m in re.findall(r"rate for ([^.]{3,60}?) is the rate per 1,000 households", flat, re.I)
    ]
    rows, checks = [], []
    table_rows = []
    for g in range(len(groups)):
        label = cells[owner[g]][1]
        values = [num(c[1]) for c in groups[g]]
        page = groups[g][0][2]
        clean = re.sub(r"[*†]+$", "", label).strip()
        evidence = f"{label} " + " ".join(c[1] for c in groups[g])
        table_rows.append((clean, values))
        if kind == "crime_rate":
            unit = "per 1,000 households" if any(h in clean.lower() for h in households) else "per 1,000 population"
            ew = values[1] if width > 1 else None
            rows.append(_row(f"crime_rate_{slug(clean)}", clean, period, unit, values[0], ew, page, evidence))
        else:
            half = width // 2 if width > 1 else width
            cols = [c.lower() for c in header_cols[:half]] or ["number of outcomes", "rate"][:half]
            for j, col in enumerate(cols):
                is_rate = col.startswith("rate")
                key = f"outcomes_{'rate' if is_rate else 'number'}_{slug(clean)}"
                unit = "outcomes per 100 offences" if is_rate else "outcomes"
                ew = values[half + j] if width > half + j else None
                rows.append(
                    _row(
                        key,
                        f"{clean} ({'rate' if is_rate else 'number of outcomes'})",
                        period,
                        unit,
                        values[j],
                        ew,
                        page,
                        evidence,
                    )
                )
    if kind == "outcomes":
        checks += _outcome_totals(table_rows, width)
    return rows, checks


def _outcome_totals(table_rows: list[tuple[str, list[float]]], width: int) -> list[dict]:
    """A group row (e.g. 'Out-of-court (formal)') equals the sum of the rows under it."""
    checks = []
    for i, (label, values) in enumerate(table_rows):
        if not re.search(r"out-of-court \((?:in)?formal\)", label, re.I):
            continue
        children = []
        for child_label, child_values in table_rows[i + 1 :]:
            if re.search(r"out-of-court|charged|taken into consideration", child_label, re.I):
                break
            children.append(child_values)
        if not children:
            continue
        columns = range(0, width, 2) if width >= 2 else [0]
        ok = all(abs(sum(c[j] for c in children) - values[j]) < 0.5 for j in columns)
        checks.append(
            {
                "check": f"outcome_total:{slug(label)}",
                "passed": ok,
                "detail": f"{label}: printed {[values[j] for j in columns]}, sum of {len(children)} rows "
                f"{[sum(c[j] for c in children) for j in columns]}",
            }
        )
    return checks


def extract_tables(doc: Document) -> tuple[list[dict], list[dict]]:
    lines = [(p, t) for p, _, t in clean_lines(doc)]
    lines = [(p, t.lstrip("#").strip()) for p, t in lines if t]
    text = "\n".join(t for _, t in lines)
    rows, checks = [], []
    for i, (_, line) in enumerate(lines):
        for kind, start in TABLE_START.items():
            if start.match(line):
                r, c = _table(lines, i, kind, text)
                rows += r
                checks += c
    return rows, checks


# ---------------------------------------------------------------- 2. "Force in numbers" panels
PANEL_VALUE = re.compile(rf"^(?P<v>{SIGNED})\s*(?P<pct>%)?$")
PANEL_RULES = [  # (key, pattern over heading + label, unit)
    ("calls_for_assistance_per_1000", r"calls for assistance|^incidents per 1,000", "per 1,000 population"),
    ("asb_incidents_change_pct", r"change in (?:asb|anti-social)", "percent change"),
    ("asb_incidents_per_1000", r"(?:asb|anti-social behaviour).*per 1,000", "per 1,000 population"),
    ("recorded_crime_change_pct", r"change in (?:police )?recorded crime", "percent change"),
    ("recorded_crime_per_1000", r"crimes? recorded per 1,000|recorded crime.*per 1,000", "per 1,000 population"),
    ("outcome_charged_summonsed_pct", r"charged/summonsed|charged or summonsed", "percent of crimes"),
    ("outcome_evidential_difficulties_victim_pct", r"evidential difficulties.*victim", "percent of crimes"),
    ("outcome_no_suspect_pct", r"no suspect identified", "percent of crimes"),
    ("domestic_abuse_incidents_per_1000", r"domestic abuse incidents per 1,000", "per 1,000 population"),
    ("domestic_abuse_pct_of_crime", r"domestic abuse as a (?:percentage|proportion)", "percent of recorded crime"),
    ("ocg_per_million", r"organised crime groups per (?:1|one) million", "per million population"),
    ("victim_satisfaction_pct", r"victim satisfaction|satisfied", "percent"),
]


def extract_panels(doc: Document, force: str | None) -> list[dict]:
    """Panels print: a label (one or more lines), the force's name, its figure, 'England and Wales', theirs.
    Line based, so it reads Markdown (blank lines between) and PDF text (none) alike."""
    lines = [(p, t) for p, _, t in clean_lines(doc)]
    lines = [(p, t) for p, t in lines if t]
    rows: list[dict] = []
    periods: list[str] = []
    heading = ""
    used = -1  # index of the last line a panel consumed; a label never reaches back past it
    for i in range(len(lines) - 3):
        text = lines[i][1]
        if text.startswith("#"):
            heading = text.lstrip("#").strip()
            continue
        f_name, f_val, ew_name, ew_val = (lines[i + k][1] for k in range(4))
        if not (
            F.canonical(f_name)
            and PANEL_VALUE.match(f_val)
            and ew_name.lower() == "england and wales"
            and PANEL_VALUE.match(ew_val)
        ):
            continue
        if force and F.canonical(f_name) != force:
            continue
        label_lines = []
        j = i - 1
        while j > used and len(label_lines) < 5:
            prev = lines[j][1]
            if (
                prev.startswith("#")
                or PANEL_VALUE.match(prev)
                or prev.endswith(".")
                or F.canonical(prev)
                or prev.lower() == "england and wales"
            ):
                break
            label_lines.insert(0, prev)
            j -= 1
        used = i + 3
        if not label_lines:
            continue
        label = " ".join(label_lines)
        key, unit = None, ""
        for k, pattern, u in PANEL_RULES:
            if re.search(pattern, label, re.I) or (
                re.search(pattern, heading, re.I) and not re.search(r"per 1,000|change|percentage", label, re.I)
            ):
                key, unit = k, u
                break
        is_pct = bool(PANEL_VALUE.match(f_val).group("pct"))
        if key is None:
            key = slug(PERIOD.sub("", label))
            unit = "percent" if is_pct else ""
        period = period_of(label)
        if period:
            periods.append(period)
        rows.append(
            _row(
                key,
                label,
                period,
                unit,
                num(f_val),
                num(ew_val),
                lines[i + 1][0],
                f"{label} | {f_name} {f_val} | England and Wales {ew_val}",
            )
        )
    common = max(set(periods), key=periods.count) if periods else ""
    for row in rows:
        row["period"] = row["period"] or common
    return rows


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


def extract_sentences(doc: Document, force: str | None) -> list[dict]:
    sents: list[Sentence] = sentences(doc)
    rows: list[dict] = []
    force_words = F.name_pattern(force) if force else r"(?!x)x"
    baseline = None
    clare = None
    for k, sent in enumerate(sents):
        text = sent.text
        if not _DIGIT.search(text):
            continue  # every figure is printed in digits
        prev = sents[k - 1].text if k else ""
        nxt = sents[k + 1].text if k + 1 < len(sents) else ""
        period = period_of(text) or period_of(prev) or period_of(sents[k - 2].text if k > 1 else "")

        # Changes in recorded crime, victim-based crime, ASB, MARAC referrals, stalking ...
        hit = CHANGE.search(text) or CHANGE_PCT_FIRST.search(text)
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
                    _row(
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

        for key, pattern, unit, ew_pattern in FIGURES_RE:
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
                rows.append(_row(key, key.replace("_", " "), period, unit, num(m.group("v")), ew, sent.page, evidence))
                if key.startswith("clares_law_"):
                    clare = key.replace("_applications", "")

        if clare and (m := CLARES.search(text)):
            rows.append(
                _row(
                    f"{clare}_disclosures",
                    f"{clare} disclosures".replace("_", " "),
                    period,
                    "disclosures",
                    num(m.group("v")),
                    None,
                    sent.page,
                    text,
                )
            )
        if clare and (m := DISCLOSURE_RATE.search(text)):
            rows.append(
                _row(
                    f"{clare}_disclosure_rate_pct",
                    f"{clare} disclosure rate".replace("_", " "),
                    period,
                    "percent of applications",
                    num(m.group("v")),
                    None,
                    sent.page,
                    text,
                )
            )
            clare = None
    return rows


# Any other sentence that states an England and Wales (or national) figure: the force's figure is the last
# number printed before the comparator, in the same sentence or the one before.
COMPARATOR = re.compile(
    rf"(?:England and Wales|national)(?: [\w-]+){{0,4}}? (?:rate|average|figure|proportion|level|percentage)s? (?:of|was|is|at) (?P<ew>{N})\s*(?P<pct>{PCT})?"
    rf"|(?P<ew2>{N})\s*(?P<pct2>{PCT})? (?:across|in|for) (?:all forces in )?England and Wales",
    re.I,
)
_MASK = re.compile(
    rf"{PERIOD.pattern}|\b(?:19|20)\d\d\b|\b\d{{1,2}} {MONTH}\b|\bper (?:one )?\d[\d,]*\b|\bfor every \d[\d,]*\b|\boutcome \d+\b|\bsection \d+\b",
    re.I,
)
_VALUE = re.compile(rf"(?<![\w.,£-])(?P<v>{N})\s*(?P<pct>{PCT})?(?P<after>(?:\s+[A-Za-z][\w'’-]*){{0,8}})")


def _force_of(text: str) -> str | None:
    names = F.mentions(text)
    return names.most_common(1)[0][0] if names else None


def _masked(text: str) -> str:
    return _MASK.sub(lambda m: "#" * len(m.group(0)), text)


def generic_comparisons(sents: list[Sentence], taken: set[str]) -> list[dict]:
    rows = []
    for k, sent in enumerate(sents):
        if sent.text in taken:
            continue
        hit = COMPARATOR.search(sent.text)
        if not hit:
            continue
        ew = num(hit.group("ew") or hit.group("ew2"))
        pct = bool(hit.group("pct") or hit.group("pct2"))
        before = _masked(sent.text[: hit.start()])
        values = list(_VALUE.finditer(before))
        source = sent
        if not values and k:
            before = _masked(sents[k - 1].text)
            values = list(_VALUE.finditer(before))
            source = sents[k - 1]
            if source.text in taken:
                continue
        if not values:
            continue
        if pct and any(x.group("pct") for x in values):
            values = [x for x in values if x.group("pct")]
        v = values[-1]
        original = source.text
        clause_start = max(original.rfind(",", 0, v.start("v")), original.rfind(";", 0, v.start("v")), 0)
        lead = re.sub(
            rf"\b(?:the force|{F.name_pattern(source_force) if (source_force := _force_of(original)) else 'xx'})\b|\b(?:in|of|on|at|the|a|an|was|were|is|had|has|there)\b",
            " ",
            original[clause_start : v.start("v")],
            flags=re.I,
        )
        tail = re.split(
            r"\b(?:which|this|that|compared|than|when|in the|for the|as at)\b|,(?!\d)|[;(]|\.(?!\d)",
            original[v.end("v") : v.end("v") + 90],
        )[0]
        words = re.findall(r"[A-Za-z][\w'’-]*", lead)[-5:] + re.findall(r"[A-Za-z][\w'’-]*", tail)[:5]
        phrase = " ".join(words) or "figure"
        per = re.search(r"per (?:one )?(?:[\d,]+|million)(?: [a-z]+)?", original[v.end("v") : v.end("v") + 60])
        unit = "percent" if (v.group("pct") or pct) else (per.group(0) if per else "")
        rows.append(
            _row(
                f"compared_{slug(phrase)}"[:60],
                " ".join(original[clause_start : v.end("v") + len(tail)].strip(" ,;").split()),
                period_of(source.text, sent.text),
                unit,
                num(v.group("v")),
                ew,
                source.page,
                source.text if source is sent else f"{source.text} {sent.text}",
            )
        )
    return rows


# ---------------------------------------------------------------- all together
def merge(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """One row per indicator and period. A figure printed twice must agree (a check); a force figure and
    an England and Wales figure printed apart (a bulletin) are joined."""
    out: dict[tuple, dict] = {}
    checks = []
    for row in rows:
        key = (row["indicator"], row["period"])
        if key not in out:
            out[key] = dict(row)
            continue
        kept = out[key]
        if not any(kept[f] is not None and row[f] is not None for f in ("value", "england_wales")):
            for f in ("value", "england_wales"):
                kept[f] = row[f] if kept[f] is None else kept[f]
            kept["evidence"] = f"{kept['evidence']} {row['evidence']}"[:600]
            continue
        for field in ("value", "england_wales"):
            if kept[field] is None and row[field] is not None:
                kept[field] = row[field]
            elif kept[field] is not None and row[field] is not None and abs(kept[field] - row[field]) > 1e-9:
                checks.append(
                    {
                        "check": f"figure_agrees:{row['indicator']}:{field}",
                        "passed": False,
                        "detail": f"{kept[field]} (page {kept['page']}) but {row[field]} (page {row['page']})",
                    }
                )
                break
        else:
            checks.append(
                {
                    "check": f"figure_agrees:{row['indicator']}",
                    "passed": True,
                    "detail": f"printed twice (pages {kept['page']} and {row['page']})",
                }
            )
    return list(out.values()), checks


def extract_indicators(doc: Document, info: dict) -> tuple[list[dict], list[dict]]:
    """Returns (indicator rows, check rows)."""
    if info.get("doc_type") == "unknown":
        return [], []
    force = info.get("force")
    table_rows, checks = extract_tables(doc)
    sentence_rows = extract_sentences(doc, force)
    taken = {
        t for r in sentence_rows for t in [r["evidence"]] + [x.text for x in sentences(doc) if x.text in r["evidence"]]
    }
    rows = table_rows + extract_panels(doc, force) + sentence_rows + generic_comparisons(sentences(doc), taken)
    rows, merge_checks = merge(rows)
    return rows, checks + merge_checks
