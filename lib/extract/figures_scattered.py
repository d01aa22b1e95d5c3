"""Figures in the crime-rate and outcomes tables of the 2015-16 reports where no reader gave them as a table
block: their cells scattered over blocks, a cell or a row of cells a block, in any order a PDF-to-text tool
leaves (labels printed after their figures, rows run into a paragraph, a caption run into the head)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import forces as F
from ..model import Block, Document
from ..scan import Gate
from ..text import block_folds, clean_line
from ..vocab import MONTH
from .figures_common import SIGNED, figure, num, period_of, slug

TABLE_START = {
    "crime_rate": re.compile(r"^rates? per 1,000 population\b", re.I),
    "outcomes": re.compile(r"^outcome type(?:/group)?\b", re.I),
}
HEADER_CELL = re.compile(
    r"^(?:rates? per 1,000 population|outcome type(?:/group)?|number of outcomes|rate|england and wales|(?:and )?wales|england|population|police)\b\W*$|^(?:rates? per 1,000 population|outcome type(?:/group)?|number of outcomes|rate)\b",
    re.I,
)
LINE_CELLS = re.compile(rf"^(?P<label>.*?[A-Za-z)*][^\d]*?)?\s*(?P<nums>(?:{SIGNED}%?\s*)+)$")


def _row_cells(line: str) -> re.Match | None:
    """A line as a label and the figures it ends in (``LINE_CELLS``); a line that ends in no figure (most,
    which are prose) is none without the pattern's search."""
    return LINE_CELLS.match(line) if line[-1:].isdigit() or line.endswith("%") else None


STOP = re.compile(r"^(?:source:|figure \d|https?://|www\.|\*)", re.I)


def _is_header(line: str) -> bool:
    if HEADER_CELL.match(line):
        return True
    names = F.mentions(line)
    # A column head may wrap in a narrow column: "Dyfed-Powys Police England and" / "Wales".
    comparator = "england and wales" in line.lower() or re.search(r"\bengland(?: and)?$", line, re.I)
    if "england and wales" in line.lower() and not re.search(r"\d", line) and len(line.split()) <= 6:
        return True  # the column heads, the force's name wrapped onto the line before ("... Gwent" / "Police ...")
    return bool(names) and (F.canonical(line) is not None or bool(comparator))


def _caption_period(lines: list[tuple[int, str]], start: int, topic: str) -> str:
    for k in range(start, max(-1, start - 120), -1):
        line = lines[k][1]
        if re.match(r"figure \d+", line, re.I) and re.search(topic, line, re.I):
            caption = line + " " + (lines[k + 1][1] if k + 1 < len(lines) else "")
            return period_of(caption)
    return ""


_LABEL_RUNS_ON = {"and", "or", "of", "for", "the", "to", "in", "per", "with", "by", "on", "at", "a", "an"}


def _split_run_on_label(cells: list[tuple[str, object, int]], n_numbers: int) -> list[tuple[str, object, int]]:
    """The cells with a label that holds two of the table's labels run together (a reader joined two short
    lines: "Taken into consideration Out-of-court (formal)") split in two, when the counts need it: the
    figures do not divide among the labels, and do once that label is split where a word in capitals follows
    one in lower case that ends a label."""
    labels = [k for k, c in enumerate(cells) if c[0] == "label"]
    if not labels or not n_numbers or n_numbers % len(labels) == 0 or n_numbers % (len(labels) + 1):
        return cells
    for k in labels:
        words = str(cells[k][1]).split()
        at = [n for n in range(1, len(words)) if words[n][:1].isupper() and words[n - 1][:1].islower()]
        at = [n for n in at if words[n - 1] not in _LABEL_RUNS_ON]
        if len(at) == 1:
            page = cells[k][2]
            parts = [("label", " ".join(words[: at[0]]), page), ("label", " ".join(words[at[0] :]), page)]
            return cells[:k] + parts + cells[k + 1 :]
    return cells


def _table(
    lines: list[tuple[int, str]], start: int, kind: str, doc_period: Callable[[], str], households: list[str]
) -> tuple[list[dict], list[dict]]:
    """Parse one table from its header line; returns (indicator rows, check rows). ``doc_period``: the period
    of the document, which a table without a caption is for; ``households``: the rows the document says are
    rates per 1,000 households."""
    cells: list[tuple[str, object, int]] = []  # ("label", text, page) | ("num", value text, page)
    header_cols: list[str] = []
    i = start
    while i < len(lines):
        page, line = lines[i]
        if _is_header(line) and not STOP.match(line):
            header_cols += re.findall(r"number of outcomes|rate\b", line, re.I)
            i += 1
            continue
        if i > start and (STOP.match(line) or (len(line.split()) >= 7 and not _row_cells(line))):
            break
        hit = _row_cells(line)
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
    cells = _split_run_on_label(cells, len(numbers))
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
    topic = "outcomes" if kind == "outcomes" else "crime rates|per 1,000"
    period = _caption_period(lines, start, topic) or doc_period()
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
            rows.append(figure(f"crime_rate_{slug(clean)}", clean, period, unit, values[0], ew, page, evidence))
        else:
            half = width // 2 if width > 1 else width
            cols = [c.lower() for c in header_cols[:half]] or ["number of outcomes", "rate"][:half]
            for j, col in enumerate(cols):
                is_rate = col.startswith("rate")
                key = f"outcomes_{'rate' if is_rate else 'number'}_{slug(clean)}"
                unit = "outcomes per 100 offences" if is_rate else "outcomes"
                ew = values[half + j] if width > half + j else None
                rows.append(
                    figure(
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


TABLE_GATE = Gate(*TABLE_START.values())
HOUSEHOLDS = re.compile(r"rate for ([^.]{3,60}?) is the rate per 1,000 households", re.I)
HOUSEHOLDS_GATE = Gate(HOUSEHOLDS)


def _households(doc: Document) -> list[str]:
    """The rows a document says are rates per 1,000 households ("the rate for burglary in a dwelling is the
    rate per 1,000 households"), from the few blocks that print the words."""
    found = []
    for k in sorted(block_folds(doc).holding(HOUSEHOLDS_GATE)):
        found += [m.strip().lower() for m in HOUSEHOLDS.findall(" ".join(doc.blocks[k].text.split()))]
    return found


CAPTION_BLOCKS = 12  # how far before a scattered table's head its caption is looked for
PROSE_WORDS = 12  # a line of this many words that is no row of cells is prose: the table has ended before it


def _block_lines(block: Block) -> list[tuple[int, str]]:
    texts = [" ".join(row) for row in block.rows] if block.kind == "table" else [block.text]
    return [(block.page, t) for text in texts for t in _row_runs(clean_line(text).lstrip("#").strip())]


def _ends_table(line: str) -> bool:
    return bool(STOP.match(line)) or (len(line.split()) >= PROSE_WORDS and not _row_cells(line))


def _cell_lines(blocks: list[Block], k: int) -> tuple[list[tuple[int, str]], int]:
    """(page, text) of the lines a scattered table's caption and cells print on (``_row_runs``; a table block
    a line a row): the blocks from a few before its head's block ``k`` to the first after it that ends the
    table (a source, a footnote, prose); and where block ``k`` starts in them."""
    lines = [line for block in blocks[max(0, k - CAPTION_BLOCKS) : k] for line in _block_lines(block)]
    start = len(lines)
    lines += _block_lines(blocks[k])
    for block in blocks[k + 1 :]:
        more = _block_lines(block)
        lines += more
        if any(_ends_table(t) for _, t in more):
            break
    return lines, start


_NUMBER_TOKEN = re.compile(rf"{SIGNED}%?")
# Where ``_row_runs`` may break a text: the cheap test that most blocks, which are prose, fail.
_RUN_BREAK = re.compile(r"\d%? [A-Z]| (?i:source:|figure \d|https?://|www\.|\*)|(?i:england and wales) [A-Z]")
_MONTH = re.compile(MONTH)  # "30 June 2015": a date, not a row's figure and the next row's label


def _row_runs(text: str) -> list[str]:
    """A block as the lines of a table it may run together, as a PDF's or a web page's reader joins them: a
    line ends after its figures where a word in capitals starts the next ("Recorded crime 63.7 63.0 Victim-based
    crime 56.4 56.0"; a figure before a word in lower case is a label's: "per 1,000 population"), after the
    column heads' "England and Wales" where a label follows, and before a source, a figure's caption, a web
    address or a footnote ("incidents* Source: Home Office data", "3.3 http://www.gov.uk/...")."""
    if not text:
        return []
    if not _RUN_BREAK.search(text):
        return [text]
    words = text.split(" ")
    runs, start = [], 0
    for k in range(1, len(words)):
        word, before = words[k], words[k - 1]
        if (
            STOP.match(word)
            or (word[:1].isupper() and _NUMBER_TOKEN.fullmatch(before) and not _MONTH.match(word))
            or (
                word[:1].isupper()
                and before == "Wales"
                and " ".join(words[max(0, k - 3) : k]).lower() == "england and wales"
            )
        ):
            runs.append(" ".join(words[start:k]))
            start = k
    return [*runs, " ".join(words[start:])]


def _head_runs(doc: Document) -> list[tuple[int, int, str]]:
    """(block, line of it, kind) of each table head a scattered table's lines start with (``_row_runs``: a
    reader may run a figure's caption into the head)."""
    found = []
    for k in sorted(block_folds(doc).holding(TABLE_GATE)):
        if doc.blocks[k].kind == "table":
            continue
        for n, run in enumerate(_row_runs(clean_line(doc.blocks[k].text).lstrip("#").strip())):
            found += [(k, n, kind) for kind, start in TABLE_START.items() if start.match(run)]
    return found


def scattered_tables(doc: Document) -> tuple[list[dict], list[dict]]:
    """The crime-rate and outcomes tables whose cells a text export scattered over blocks, a cell or a row of
    cells a block (read from the line that prints a table's head; none where no block prints one)."""
    heads = _head_runs(doc)
    if not heads:
        return [], []

    def doc_period() -> str:
        return period_of("\n".join(clean_line(b.text) for b in doc.blocks if b.kind != "table"))

    households = _households(doc)
    rows, checks = [], []
    for k, n, kind in heads:
        lines, start = _cell_lines(doc.blocks, k)
        r, c = _table(lines, start + n, kind, doc_period, households)
        rows += r
        checks += c
    return rows, checks
