"""Tables a layout export (``pdftotext -layout``) printed in columns of spaces, for the text reader.

A table whose every line is a full row is read by the gaps between its cells (``spaced_cells``). One whose
lines are not (a header cell wrapped over two lines, cells left empty, names wrapped and stacked in a
column: the 2021/22 grade graphic) is read by position under its header line (``positional_table``): each
word goes to the column it starts in.
"""

from __future__ import annotations

import re

_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")


def spaced_cells(line: str) -> list[str] | None:
    """The cells of a line a layout export printed as a table row, its columns three spaces apart or more
    ("Effectiveness     Requires improvement"); None for a line of prose (one space between words)."""
    cells = _GAP.split(line.strip())
    return cells if len(cells) >= 2 else None


# A run of words one space apart: a cell of a table printed in columns of spaces (cells two spaces apart or more).
_RUN = re.compile(r"\S+(?: \S+)*")
_WORD = re.compile(r"\S+")
MIN_COLUMNS = 3


_SENTENCE_END = re.compile(r"[.!?:;,]['’”)]?$")


def _columns(line: str) -> list[int] | None:
    """Where the cells of a table's header start, when a line is one: three cells or more, two spaces apart,
    none ending a sentence (a layout export's prose may set its sentences two spaces apart)."""
    cells = list(_RUN.finditer(line))
    if len(cells) < MIN_COLUMNS or any(_SENTENCE_END.search(m.group(0)) for m in cells):
        return None
    return [m.start() for m in cells]


def _set_apart(run: list[str], starts: list[int]) -> int:
    """How many columns after the first have a cell below the header set apart at their start (two spaces
    or more before it): the columns are a table's, not the chance gaps of a justified line and the next."""
    found = {k for line in run for m in _RUN.finditer(line) for k, s in enumerate(starts) if abs(m.start() - s) <= 1}
    return len(found - {0})


def _in_columns(line: str, starts: list[int]) -> bool:
    """Whether a line's words stand in the header's columns: each of its cells starts where a column does
    (give or take a space), and no word runs over the start of the next column."""
    if any(all(abs(m.start() - s) > 1 for s in starts) for m in _RUN.finditer(line)):
        return False
    return not any(w.start() < s - 1 and w.end() > s for w in _WORD.finditer(line) for s in starts)


def _column_cells(line: str, starts: list[int]) -> dict[int, str]:
    """A line's words by the column each starts in (a word one space from its neighbour in the next column
    goes to its own: "Disrupting serious Managing offenders")."""
    cells: dict[int, list[str]] = {}
    for w in _WORD.finditer(line):
        col = max((k for k, s in enumerate(starts) if s <= w.start() + 1), default=0)
        cells.setdefault(col, []).append(w.group(0))
    return {col: " ".join(words) for col, words in cells.items()}


def _positional_rows(run: list[str], starts: list[int]) -> list[list[str]]:
    """The rows of a table printed in columns of spaces, its cells by position: a cell that goes on in lower
    case continues the cell above it in its column (a name or a header wrapped over lines: "Requires" /
    "improvement"); a cell that starts otherwise starts a row (names stacked in a column are rows)."""
    rows: list[list[str]] = []
    last: list[int | None] = [None] * len(starts)  # per column, the row of its last cell
    for line in run:
        new = None
        for col, text in _column_cells(line, starts).items():
            if text[:1].islower() and (above := last[col]) is not None:
                rows[above][col] += " " + text
                continue
            if new is None:
                rows.append([""] * len(starts))
                new = len(rows) - 1
            rows[new][col] = text
            last[col] = new
    return rows


def positional_table(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """A table a layout export printed in columns of spaces whose lines do not each give its cells by the
    gaps between them (``spaced_cells``): a header line of cells (three or more, two spaces apart), then the
    lines up to a blank one whose words stand in its columns (cells left empty, a cell wrapped over lines),
    two columns or more after the first with a cell set apart at their start.
    (rows, index after the table), or None (also when each line is a full row: ``spaced_cells`` reads it)."""
    starts = _columns(lines[i])
    if starts is None:
        return None
    j = i + 1
    while j < len(lines) and lines[j].strip() and "\t" not in lines[j] and _in_columns(lines[j], starts):
        j += 1
    run = lines[i:j]
    if j == i + 1 or _set_apart(run[1:], starts) < MIN_COLUMNS - 1:
        return None
    if all(spaced_cells(line) == list(_column_cells(line, starts).values()) for line in run):
        return None  # every line a full row: read by its gaps
    return _positional_rows(run, starts), j
