"""Figures in the "Force in numbers" panels: a label, the force and its figure, England and Wales and theirs."""

from __future__ import annotations

import re

from .. import forces as F
from ..model import Block, Document
from ..text import clean_line, clean_lines
from ..vocab import MONTH
from .figures_common import PERIOD, SIGNED, figure, folded_lines, num, period_of, slug

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


_ONE_LINE: list[re.Pattern] = []


def _one_line_panel(line: str) -> list[str]:
    """A panel printed on one line ("[label] Cheshire Constabulary 247 England and Wales 229"), as the lines
    a panel prints on (label, force, figure, England and Wales, figure); any other line as it is."""
    if "england and wales" not in line.lower():
        return [line]
    if not _ONE_LINE:
        _ONE_LINE.append(
            re.compile(
                rf"^(?P<label>.*?)\s*(?P<force>{F.any_name_pattern()})\s+(?P<v>{SIGNED}\s*%?)\s+england and wales(?:\s+(?P<ew>{SIGNED}\s*%?))?$",
                re.I,
            )
        )
    hit = _ONE_LINE[0].match(line)
    if not hit:
        return [line]
    parts = [hit.group("label").strip(), hit.group("force"), hit.group("v").replace(" ", ""), "England and Wales"]
    # The comparator's figure may have wrapped onto the next line, where the panel reader finds it.
    return [p for p in parts if p] + ([hit.group("ew").replace(" ", "")] if hit.group("ew") else [])


def _not_label(line: str) -> bool:
    """A line a panel's label never reaches back over: a web address (a footnote's source), the panels'
    own heading ("Force in numbers")."""
    return bool(re.search(r"https?://|www\.", line, re.I) or re.match(r"^force in numbers\b", line, re.I))


def extract_panels(doc: Document, force: str | None) -> list[dict]:
    """Panels print: a label (one or more lines), the force's name, its figure, 'England and Wales', theirs.
    Line based, so it reads Markdown (blank lines between) and PDF text (none) alike."""
    if "england and wales" not in folded_lines(doc):
        return []
    lines = [(p, part) for p, _, t in clean_lines(doc) if t for part in _one_line_panel(t)]
    rows: list[dict] = []
    periods: list[str] = []
    heading = ""
    used = -1  # index of the last line a panel consumed; a label never reaches back past it
    for i in range(len(lines) - 3):
        text = lines[i][1]
        if text.startswith("#"):
            heading = text.lstrip("#").strip()
            continue
        f_name, f_val, ew_name, ew_val = text, lines[i + 1][1], lines[i + 2][1], lines[i + 3][1]
        if not (  # the cheap tests first: most lines are no panel's
            ew_name.lower() == "england and wales"
            and PANEL_VALUE.match(f_val)
            and PANEL_VALUE.match(ew_val)
            and F.canonical(f_name)
        ):
            continue
        if force and F.canonical(f_name) != force:
            continue
        label_lines = []
        j = i - 1
        while j > used and len(label_lines) < 5:
            prev = lines[j][1]
            # A label's period wrapped before its year ("... 12 months to 30 June" / "2017") is label, not figure.
            wrapped_year = re.fullmatch(r"(?:19|20)\d\d", prev) and j > 0 and re.search(rf"{MONTH}$", lines[j - 1][1])
            if (
                prev.startswith("#")
                or (PANEL_VALUE.match(prev) and not wrapped_year)
                or prev.endswith(".")
                or F.canonical(prev)
                or prev.lower() == "england and wales"
                or _not_label(prev)
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
            per = re.search(r"per (?:1,000|100,000|one million|1 million) \w+", label)
            unit = "percent" if is_pct else per.group(0) if per else ""
        period = period_of(label)
        if period:
            periods.append(period)
        rows.append(
            figure(
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


IN_PROSE = re.compile(rf"\s(?P<v>{SIGNED})\s*(?P<pct>%)?\s+england and wales\s+(?P<ew>{SIGNED})\s*%?", re.I)
_FORCE_AT_END: list[re.Pattern] = []


def panels_in_prose(doc: Document, force: str | None, taken: set[tuple[float, float]]) -> list[dict]:
    """A panel that a PDF-to-text tool re-flowed into a paragraph ("... Stop and search rate per 1,000
    population Kent Police 3.1 England and Wales 7.4 For further ..."): the force's name just before the
    figure, the label the words before it since the last sentence end or figure. Only pairs no panel rule
    already gave. A reader may break the re-flowed panel where a line broke ("... population Norfolk" /
    "Constabulary 3.1 England and Wales 7.4"): the label and the name are read on over the paragraph before."""
    if not _FORCE_AT_END:
        _FORCE_AT_END.append(re.compile(rf"(?:{F.any_name_pattern()})\s*$", re.I))
    rows = []
    prev = ""
    for block in doc.blocks:
        if block.kind == "table":
            continue
        page, para = block.page, clean_line(block.text)
        text = f"{prev} {para}" if prev else para
        prev = para
        if "england and wales" not in para.lower():
            continue
        for hit in IN_PROSE.finditer(text, len(text) - len(para) - 1 if text != para else 0):
            value, ew = num(hit.group("v")), num(hit.group("ew"))
            before = text[max(0, hit.start() - 200) : hit.start()]
            named = _FORCE_AT_END[0].search(before)
            if (value, ew) in taken or not named or (force and F.canonical(named.group(0).strip()) != force):
                continue
            # The label starts after a sentence end or after the figure of a panel before it ("... 229 Stop and").
            label = re.split(r"[.!?]\s+|\d%?\s+(?=[A-Z])", before[: named.start()])[-1].strip()
            if len(label.split()) < 2:
                continue
            key = next((k for k, pattern, _ in PANEL_RULES if re.search(pattern, label, re.I)), None) or slug(label)
            unit = next((u for k, _, u in PANEL_RULES if k == key), "percent" if hit.group("pct") else "")
            evidence = f"{label} {named.group(0).strip()}{hit.group(0)}"
            rows.append(figure(key, label, period_of(text), unit, value, ew, page, evidence))
            taken.add((value, ew))
    return rows


# ---------------------------------------------------------------- 2b. the panels' grid as a text export prints it
GRID_START = re.compile(r"^force in numbers$", re.I)
GRID_BLOCKS = 30  # how far after its heading a grid may run (a block or a table's row each)


def _block_cells(block: Block) -> list[list[str]]:
    """A block as the cells of the lines it prints: a table's rows (their empty cells left out), any other
    block one cell."""
    if block.kind == "table":
        return [[c for c in map(clean_line, row) if c] for row in block.rows]
    return [[clean_line(block.text)]]


def _grid_window(blocks: list[Block], start: int) -> list[list[str]]:
    """The cells of a "Force in numbers" grid after its heading, a list per block or per table row (a layout
    export's columns are the reader's table, a plain export's cells its blocks). Ends at a sentence or after
    ``GRID_BLOCKS``."""
    out = []
    for block in blocks[start + 1 : start + 1 + GRID_BLOCKS]:
        for cells in _block_cells(block):
            if cells and cells[-1].endswith("."):
                return out
            out.append(cells)
    return out


def _grid_pairs(labels: list[str], names: list[str], numbers: list[list[str]]) -> list[tuple[str, str]] | None:
    """(force figure, England and Wales figure) per label when the grid read so far is whole: k labels, 2k
    figures, both names printed; else None."""
    flat = [v for figs in numbers for v in figs]
    k = len(labels)
    if not k or len(flat) != 2 * k or "force" not in names or "ew" not in names:
        return None
    force_first = names.index("force") < names.index("ew")
    if all(len(figs) == 2 for figs in numbers):  # a row per panel
        return [(a, b) if force_first else (b, a) for a, b in numbers]
    first, second = flat[:k], flat[k:]  # a column per name: the first k figures are the first name's
    return list(zip(first, second)) if force_first else list(zip(second, first))


def grid_panels(doc: Document, force: str | None, taken: set[tuple[float, float]]) -> list[dict]:
    """A grid of panels that a text export scattered: the labels, the force's name and "England and Wales"
    over each pair of figures, the figures in a row per panel ("247  229", -layout) or in a column per name
    ("247" / "3.1", then "229" / "7.4", plain export). The grid is the longest run of blocks (a table: of rows)
    after the heading that reads whole (k labels, 2k figures), so a sentence after it is not taken for a label.
    A label's wrapped line may be a block of its own (a plain export without blank lines)."""
    rows: list[dict] = []
    for start, block in enumerate(doc.blocks):
        if block.kind == "table" or len(block.text) > 40 or not GRID_START.match(block.text.strip()):
            continue
        page = block.page
        labels: list[str] = []
        names: list[str] = []  # "force" / "ew" in the order printed
        numbers: list[list[str]] = []  # the figures of each line that prints any
        label_open = False
        whole: tuple[list[str], list[tuple[str, str]]] | None = None
        for cells in _grid_window(doc.blocks, start):
            has_label = False
            figs = []
            for cell in cells:
                if cell.lower() == "england and wales":
                    names.append("ew")
                elif F.canonical(cell):
                    names.append("force" if not force or F.canonical(cell) == force else "other")
                elif PANEL_VALUE.match(cell):
                    figs.append(cell)
                elif re.search(r"[A-Za-z]", cell):
                    # A label's wrapped line starts in lower case or with a figure ("1,000 workforce"); a
                    # line starting in capitals after it is the next label, blank line or not.
                    runs_on = (
                        cell[:1].islower()
                        or cell[:1].isdigit()
                        or re.search(r"\b(?:per|of|and|in)$", labels[-1] if labels else "")
                    )
                    if label_open and labels and runs_on:
                        labels[-1] += " " + cell
                    else:
                        labels.append(cell)
                    has_label = True
            label_open = has_label
            if figs:
                numbers.append(figs)
            if "other" not in names and (pairs := _grid_pairs(labels, names, numbers)):
                whole = (list(labels), pairs)
        if whole is None:
            continue
        labels, pairs = whole
        for label, (v, ew) in zip(labels, pairs):
            value, ew_value = num(v), num(ew)
            if (value, ew_value) in taken:
                continue
            key = next((k_ for k_, pattern, _ in PANEL_RULES if re.search(pattern, label, re.I)), None) or slug(label)
            per = re.search(r"per (?:1,000|100,000|one million|1 million) \w+", label)
            unit = next((u for k_, _, u in PANEL_RULES if k_ == key), per.group(0) if per else "")
            unit = unit or ("percent" if v.endswith("%") else "")
            evidence = f"{label} | {force or 'force'} {v} | England and Wales {ew}"
            rows.append(figure(key, label, period_of(label), unit, value, ew_value, page, evidence))
            taken.add((value, ew_value))
    return rows
