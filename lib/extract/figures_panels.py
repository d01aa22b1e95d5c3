"""Figures in the "Force in numbers" panels: a label, the force and its figure, England and Wales and theirs."""

from __future__ import annotations

import re

from .. import forces as F
from ..model import Block, Document
from ..text import block_folds, clean_line
from ..vocab import MONTH
from .figures_common import EW, EW_GATE, PERIOD, SIGNED, figure, num, period_of, slug

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
    """A panel printed in one block ("[label] Cheshire Constabulary 247 England and Wales 229 [more]"), as the
    lines a panel prints on (label, force, figure, England and Wales, figure, what follows); any other as it is."""
    if "england and wales" not in line.lower():
        return [line]
    if not _ONE_LINE:
        _ONE_LINE.append(
            re.compile(
                rf"^(?P<label>.*?)\s*(?P<force>{F.any_name_pattern()})\s+(?P<v>{SIGNED}\s*%?)\s+england and wales"
                rf"(?:\s+(?P<ew>{SIGNED}\s*%?)(?:\s+(?P<rest>(?-i:[A-Z]).*))?)?$",
                re.I,
            )
        )
    hit = _ONE_LINE[0].match(line)
    if not hit:
        return [line]
    parts = [hit.group("label").strip(), hit.group("force"), hit.group("v").replace(" ", ""), "England and Wales"]
    # The comparator's figure may have wrapped onto the next line, where the panel reader finds it; a reader
    # may have run the next panel's label or a sentence on after it ("... 7.4 For further information ...").
    parts += [(hit.group("ew") or "").replace(" ", ""), hit.group("rest") or ""]
    return [p for p in parts if p]


def _not_label(line: str) -> bool:
    """A line a panel's label never reaches back over: a web address (a footnote's source), the panels'
    own heading ("Force in numbers")."""
    return bool(re.search(r"https?://|www\.", line, re.I) or re.match(r"^force in numbers\b", line, re.I))


_NAMED: list[re.Pattern] = []
MAX_PANEL_BLOCK = 250  # a block holding a whole panel and a sentence after it is shorter; a paragraph longer


def _named_parts(text: str) -> list[str]:
    """A block that ends in a force's name or in "England and Wales", perhaps with the figure after it
    ("Gwent Police 338", "... support action Avon and Somerset Constabulary", "England and Wales 282"), as the
    lines a panel prints on (what is before the name, the name, the figure); any other block as it is."""
    if not _NAMED:
        _NAMED.append(
            re.compile(
                rf"^(?P<before>.*?)\s*\b(?P<name>{F.any_name_pattern()}|{EW})(?:\s+(?P<v>{SIGNED}\s*%?))?$", re.I
            )
        )
    hit = _NAMED[0].match(text)
    if not hit or not (hit.group("name").lower() == EW or F.canonical(hit.group("name"))):
        return [text]
    parts = [hit.group("before"), hit.group("name"), (hit.group("v") or "").replace(" ", "")]
    return [part for part in parts if part]


def _panel_items(doc: Document) -> tuple[list[tuple[int, str, bool]], list[int]]:
    """(page, text, is a heading) of the lines a panel prints on, and the indexes of those that are England and
    Wales: each block's text, the blocks by one that names England and Wales (a panel's name and figure are at
    most two blocks before it, its figure one after) cleaned and split into label, name and figure
    (``_one_line_panel``, ``_named_parts``)."""
    near = {k for i in block_folds(doc).holding(EW_GATE) for k in (i - 2, i - 1, i, i + 1)}
    items: list[tuple[int, str, bool]] = []
    ews: list[int] = []
    for k, block in enumerate(doc.blocks):
        if block.kind == "table":
            continue
        parts = [block.text]
        if k in near and len(block.text) <= MAX_PANEL_BLOCK:
            text = clean_line(block.text)
            parts = _one_line_panel(text)
            parts = _named_parts(text) if len(parts) == 1 else parts
            ews += [len(items) + n for n, part in enumerate(parts) if part.lower() == EW]
        items += [(block.page, part, block.kind == "heading") for part in parts]
    return items, ews


def _not_name(text: str) -> bool:
    """Not a force's name, England and Wales or a figure (a PDF may set each large, as a heading)."""
    return text.lower() != EW and not F.canonical(text) and not PANEL_VALUE.match(clean_line(text))


_RUNS_ON = re.compile(r"(?:\d|\b(?:to|of|per|and|in|the|for|against))$")


def _goes_on(line: str) -> bool:
    """A line that goes on from the one before it: it starts in lower case or with a figure ("30 June 2017")."""
    return line[:1].islower() or line[:1].isdigit()


def _heading_in_label(heading: str, label: list[str]) -> bool:
    """Whether a heading is a line of a panel's label: the label's only block (a PDF sets a panel's label
    large), or a line the label goes on from ("Incidents per 1,000 population 12 months to 30" / "June 2017",
    "... 12 months to" / "30 June 2017"); not a section's heading over a label of its own ("Calls for
    assistance")."""
    return not label or _goes_on(label[0]) or bool(_RUNS_ON.search(heading))


def _label(items: list[tuple[int, str, bool]], i: int, used: int) -> tuple[list[str], int]:
    """The lines of a panel's label before its force's name at ``i`` (five at most), back to a heading that
    starts it, a figure, a sentence's end, a force's name, England and Wales, a web address or the last panel
    (``used``); and the index of the label's first line."""
    label: list[str] = []
    j = i - 1
    while j > used and len(label) < 5:
        prev, is_heading = clean_line(items[j][1]), items[j][2]
        # A label's period wrapped before its year ("... 12 months to 30 June" / "2017") is label, not figure.
        wrapped_year = (
            re.fullmatch(r"(?:19|20)\d\d", prev) and j > 0 and re.search(rf"{MONTH}$", clean_line(items[j - 1][1]))
        )
        if (
            (PANEL_VALUE.match(prev) and not wrapped_year)
            or prev.endswith(".")
            or F.canonical(prev)
            or prev.lower() == EW
            or _not_label(prev)
        ):
            break
        if is_heading:
            if not _heading_in_label(prev, label):
                break
            label.insert(0, prev)
            j -= 1
            if not _goes_on(prev):  # a heading starts its label, unless it goes on from the line before it
                break
            continue
        label.insert(0, prev)
        j -= 1
    return label, j + 1


def _heading_over(items: list[tuple[int, str, bool]], start: int, in_labels: set[int]) -> str:
    """The heading over a panel whose label starts at ``start``: the last heading before it that is no name or
    figure set large (``_not_name``) nor a line of a panel's label."""
    for k in range(start - 1, -1, -1):
        if items[k][2] and k not in in_labels and _not_name(items[k][1]):
            return clean_line(items[k][1])
    return ""


def _panel_key(label: str, heading: str, is_pct: bool) -> tuple[str, str]:
    """A panel's indicator and unit: the panel rule its label (or, when the label names no measure, the
    heading over it) matches, else the label's words."""
    for k, pattern, u in PANEL_RULES:
        if re.search(pattern, label, re.I) or (
            re.search(pattern, heading, re.I) and not re.search(r"per 1,000|change|percentage", label, re.I)
        ):
            return k, u
    per = re.search(r"per (?:1,000|100,000|one million|1 million) \w+", label)
    return slug(PERIOD.sub("", label)), "percent" if is_pct else per.group(0) if per else ""


def extract_panels(doc: Document, force: str | None) -> list[dict]:
    """Panels print: a label (one block or more), the force's name, its figure, 'England and Wales', theirs;
    in one block or over several, as each reader sets them (``_panel_items``)."""
    if not block_folds(doc).holding(EW_GATE):
        return []
    items, ews = _panel_items(doc)
    rows: list[dict] = []
    periods: list[str] = []
    in_labels: set[int] = set()
    used = -1  # index of the last line a panel consumed; a label never reaches back past it
    for i in (e - 2 for e in ews if e >= 2 and e + 1 < len(items)):
        f_name, f_val, ew_val = items[i][1], items[i + 1][1], items[i + 3][1]
        if not (PANEL_VALUE.match(f_val) and PANEL_VALUE.match(ew_val) and F.canonical(f_name)):
            continue
        if force and F.canonical(f_name) != force:
            continue
        label_lines, start = _label(items, i, used)
        used = i + 3
        if not label_lines:
            continue
        heading = _heading_over(items, start, in_labels)
        in_labels.update(range(start, i))
        label = " ".join(label_lines)
        key, unit = _panel_key(label, heading, bool(PANEL_VALUE.match(f_val).group("pct")))
        period = period_of(label)
        if period:
            periods.append(period)
        evidence = f"{label} | {f_name} {f_val} | England and Wales {ew_val}"
        rows.append(figure(key, label, period, unit, num(f_val), num(ew_val), items[i + 1][0], evidence))
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
    blocks = doc.blocks
    for k in sorted(block_folds(doc).holding(EW_GATE)):  # (the blocks that print "England and Wales")
        block = blocks[k]
        if block.kind == "table":
            continue
        page, para = block.page, clean_line(block.text)
        if EW not in para.lower():
            continue
        j = k - 1  # the block before that is not a table's: the panel is read on over it
        while j >= 0 and blocks[j].kind == "table":
            j -= 1
        prev = clean_line(blocks[j].text) if j >= 0 else ""
        text = f"{prev} {para}" if prev else para
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
