"""Reading order of one PDF page: columns, bands, blocks of text and ruled tables, read top down.

Per page, pypdfium2 gives the text rectangles; from them ``_gutter`` finds a gap between two text columns (or
side-by-side panels) and each column is read top to bottom with ``get_text_bounded``, not across. A running
head or foot (one or two lines apart from the body) is read on its own, first or last. A ruled table stands
in the reading order as one block whose rows, tab-separated, replace the text inside its box.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter

_TOP = itemgetter(3)


def _gutter(rects: list) -> float | None:
    """x of a gutter between two columns of prose, or None.

    The gutter is the x in the middle half of the text's width crossed by the fewest rectangles; it counts
    when few rectangles cross it and both sides hold prose (lines that fill most of their column). Table
    columns (short cells, numbers) do not count: a table is read across, row by row.
    """
    if len(rects) < 8:
        return None
    left, right = min([r[0] for r in rects]), max([r[2] for r in rects])
    width = right - left
    if width < 150:
        return None
    # Rectangles crossing the whole middle half cross every candidate: too many of them (a page of prose in
    # one column) and there is no gutter to look for.
    lo, hi = left + 0.25 * width - 1, left + 0.75 * width + 1
    if len([r for r in rects if r[0] < lo and r[2] > hi]) > 0.2 * len(rects):
        return None
    steps = 48
    # Rectangles crossing x (l < x - 1 and r > x + 1) counted with two bisections over sorted edges instead
    # of a pass over every rectangle: #(l < x-1) - #(r <= x+1) + #(x-1 <= l, r <= x+1); the last set only
    # holds rectangles at most 2 pt wide, kept apart (usually none).
    starts = sorted([r[0] for r in rects])
    ends = sorted([r[2] for r in rects])
    thin = [r for r in rects if r[2] - r[0] <= 2]
    middle = left + width / 2
    xs = [left + width * (0.25 + 0.5 * k / steps) for k in range(steps + 1)]
    counts = [bisect_left(starts, x - 1) - bisect_right(ends, x + 1) for x in xs]
    if thin:
        counts = [c + sum(1 for r in thin if r[0] >= x - 1 and r[2] <= x + 1) for c, x in zip(counts, xs)]
    # The fewest crossings, then the nearest the middle, then the leftmost.
    crossing, _, x = min(zip(counts, [abs(x - middle) for x in xs], xs))
    lefts = [r for r in rects if r[2] <= x + 1]
    rights = [r for r in rects if r[0] >= x - 1]
    if crossing > 0.2 * len(rects) or len(lefts) < 4 or len(rights) < 4:
        return None
    # Move the cut into the middle of the empty strip.
    gap_l, gap_r = max(r[2] for r in lefts), min(r[0] for r in rights)
    if gap_r > gap_l:
        x = (gap_l + gap_r) / 2
    prose = True
    for side, lo, hi in ((lefts, left, gap_l), (rights, gap_r, right)):
        span = hi - lo
        if span < 0.28 * width:
            return None
        widths = sorted(r[2] - r[0] for r in side)
        if widths[int(len(widths) * 0.75)] < 0.6 * span:
            prose = False
    if prose:
        return x
    # Short lines on a side: side-by-side panels when the two sides keep their own baselines, a table
    # (read across, row by row) when they share them.
    baselines = {round(r[1]) for r in lefts}
    shared = sum(1 for r in rights if any(round(r[1]) + d in baselines for d in (-1, 0, 1)))
    return x if crossing == 0 and shared < 0.3 * len(rights) else None


def _bands(rects: list, x: float) -> list[tuple[float, float, bool]]:
    """Horizontal bands of the page from top to bottom: (top, bottom, in_columns). Rectangles that cross
    the gutter (a title over both columns, a full-width table) make full-width bands."""
    crossing = sorted(((r[3], r[1]) for r in rects if r[0] < x - 1 and r[2] > x + 1), reverse=True)
    merged: list[list[float]] = []
    for top, bottom in crossing:
        if merged and top >= merged[-1][1] - 1:
            merged[-1][1] = min(merged[-1][1], bottom)
        else:
            merged.append([top, bottom])
    page_top = max(r[3] for r in rects) + 1
    page_bottom = min(r[1] for r in rects) - 1
    bands, cursor = [], page_top
    for top, bottom in merged:
        if cursor > top + 0.5:
            bands.append((cursor, top, True))
        bands.append((top, bottom, False))
        cursor = bottom
    if cursor > page_bottom:
        bands.append((cursor, page_bottom, True))
    return bands


def _median(values: list) -> float:
    """``statistics.median`` of a non-empty list, without its overhead (called a few times a page)."""
    values = sorted(values)
    half = len(values) // 2
    return values[half] if len(values) % 2 else (values[half - 1] + values[half]) / 2


def _blocks(rects: list) -> list[tuple[float, float]]:
    """(top, bottom) of the blocks of text separated by a wide vertical gap (a margin between the body and
    a page number, between a panel and the text), from the top down."""
    if not rects:
        return []
    # From the top down. Rectangles with the same top may come in any order: the first of them to come
    # leaves the block's bottom at or below that top, so the others only lower it to the lowest bottom.
    spans = sorted(rects, key=_TOP, reverse=True)
    gap = max(14.0, 1.8 * _median([r[3] - r[1] for r in rects]))
    out = []
    top, low = spans[0][3], spans[0][1]  # the top and bottom of the block being gathered
    for r in spans:
        if r[3] < low - gap:
            out.append((top, low))
            top, low = r[3], r[1]
        elif r[1] < low:
            low = r[1]
    out.append((top, low))
    return out


def _in_block_order(rects: list, blocks: list[tuple[float, float]]) -> bool:
    """Whether pdfium's text order (the rectangles' order) visits the blocks from the top down: then one
    read of the whole area gives what reading it block by block gives."""
    if len(blocks) < 2:
        return True
    cuts = [(blocks[k][1] + blocks[k + 1][0]) / 2 for k in range(len(blocks) - 1)]  # between blocks, top down
    current = 0
    for q in rects:
        middle = (q[1] + q[3]) / 2
        k = 0
        while k < len(cuts) and middle < cuts[k]:
            k += 1
        if k < current:
            return False
        current = k
    return True


def _read_area(
    text, rects: list, l: float, b: float, r: float, t: float, depth: int = 0, own: bool = False
) -> list[str]:
    """Lines of an area of the page, top down: column by column where it has columns, block by block
    (blocks are separated by wide gaps) so that the content stream's order does not matter. ``own``: the
    rectangles are already the area's own (within it across, their middles within it down)."""
    if own:
        inside = rects
    else:
        left, right, b2, t2 = l - 1, r + 1, 2 * b, 2 * t
        inside = [q for q in rects if q[0] >= left and q[2] <= right and b2 <= q[1] + q[3] <= t2]
    if not inside:
        return []
    lines: list[str] = []
    blocks = None
    if depth == 0:
        # A running head or foot (one or two lines apart from the body) is read on its own, first or last,
        # whatever the columns: its place in the reading order is what marks it as page furniture.
        blocks = _blocks(inside)
        heights = [q[3] - q[1] for q in inside if len(q) == 4]
        line_height = _median(heights) if heights else 10
        head = len(blocks) > 1 and blocks[0][0] - blocks[0][1] <= 3 * line_height
        foot = len(blocks) > 1 + head and blocks[-1][0] - blocks[-1][1] <= 3 * line_height
        if head or foot:
            upper = (blocks[0][1] + blocks[1][0]) / 2 if head else t
            lower = (blocks[-1][0] + blocks[-2][1]) / 2 if foot else b
            # Each part's own rectangles, told apart by their middles alone (they are all within l..r).
            up2, lo2 = 2 * upper, 2 * lower
            heads = [q for q in inside if q[1] + q[3] >= up2] if head else []
            body = [q for q in inside if lo2 <= q[1] + q[3] <= up2]
            feet = [q for q in inside if q[1] + q[3] <= lo2] if foot else []
            return (
                (_read_area(text, heads, l, upper, r, t, 2, True) if head else [])
                + _read_area(text, body, l, lower, r, upper, -1, True)
                + (_read_area(text, feet, l, b, r, lower, 2, True) if foot else [])
            )
    x = _gutter(inside) if depth < 2 else None
    if x is None:
        blocks = _blocks(inside) if blocks is None else blocks  # at the top: the same rectangles as above
        all_tables = [q for q in inside if len(q) == 5]
        if not all_tables and _in_block_order(inside, blocks):  # pdfium's order is already top down
            return _bounded(text, l, b, r, t)
        for k, (top, bottom) in enumerate(blocks):
            upper = t if k == 0 else (blocks[k - 1][1] + top) / 2
            lower = b if k == len(blocks) - 1 else (bottom + blocks[k + 1][0]) / 2
            tables = sorted((q for q in all_tables if bottom - 1 <= q[1] and q[3] <= top + 1), key=lambda q: -q[3])
            for table in tables:  # the text above the table, its rows as tab-separated lines, text beside it
                beside = [
                    q
                    for q in inside
                    if len(q) == 4
                    and table[1] <= (q[1] + q[3]) / 2 <= table[3]
                    and (q[2] <= table[0] + 1 or q[0] >= table[2] - 1)
                ]
                top_edge = max([table[3]] + [q[3] for q in beside])
                bottom_edge = min([table[1]] + [q[1] for q in beside])
                if upper > top_edge:
                    lines += _bounded(text, l, top_edge, r, upper)
                lines += ["\t".join(row) for row in table[4]]
                if beside:
                    if table[0] - l > 20:
                        lines += _read_area(text, beside, l, bottom_edge, table[0], top_edge, 2)
                    if r - table[2] > 20:
                        lines += _read_area(text, beside, table[2], bottom_edge, r, top_edge, 2)
                upper = bottom_edge
            if upper > lower:
                lines += _bounded(text, l, lower, r, upper)
        return lines
    bands = _bands(inside, x)
    for k, (top, bottom, columns) in enumerate(bands):
        upper = t if k == 0 else top
        lower = b if k == len(bands) - 1 else bottom
        if columns:
            lines += _read_area(text, inside, l, lower, x, upper, max(depth, 0) + 1)
            lines += _read_area(text, inside, x, lower, r, upper, max(depth, 0) + 1)
        else:
            lines += _read_area(text, inside, l, lower, r, upper, 2)
    return lines


def _bounded(text, l: float, b: float, r: float, t: float) -> list[str]:
    """The lines of an area: the page's own lines when they answer (``BoundedText.lines_in``), else pdfium's
    bounded text."""
    known = text.lines_in(l, b, r, t)
    return known if known is not None else _split(text.get_text_bounded(l, b, r, t))


def _split(text: str) -> list[str]:
    return [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _inside(q, box) -> bool:
    """Whether a rectangle's middle lies within a box (both (l, b, r, t))."""
    cx, cy = (q[0] + q[2]) / 2, (q[1] + q[3]) / 2
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


PANEL_ALIGN = 3.0  # points: the tops and bottoms of the panels of one row agree to within this
PANEL_WIDTHS = 0.15  # and their widths to within this share


def _aligned(a: tuple, b: tuple) -> bool:
    """Whether two boxes (l, b, r, t) are drawn as panels of one row: the same top, bottom and width."""
    wa, wb = a[2] - a[0], b[2] - b[0]
    return (
        abs(a[3] - b[3]) <= PANEL_ALIGN
        and abs(a[1] - b[1]) <= PANEL_ALIGN
        and abs(wa - wb) <= PANEL_WIDTHS * max(wa, wb)
    )


def side_by_side(boxes: list[tuple]) -> list[tuple]:
    """The drawn panels that stand side by side in one row (a 2018/19 summary's three pillar panels, an
    overview's question panels), left to right; [] when the page has no such row.

    Given the page's drawn boxes (l, b, r, t), keep the outermost ones (not inside another), then the largest
    group of two or more drawn as one row (the same top and bottom, the same width, ``_aligned``) that do not
    overlap across. Panels are read one after another, each top down, never across. Boxes that stand in the two
    columns of a page of prose (a cause of concern beside an area for improvement) are not such a row: their
    tops, bottoms or widths differ, and the page's columns are read as columns."""
    outer = [
        b
        for b in boxes
        if not any(
            o is not b and o[0] - 1 <= b[0] and b[2] <= o[2] + 1 and o[1] - 1 <= b[1] and b[3] <= o[3] + 1 and o != b
            for o in boxes
        )
    ]
    best: list[tuple] = []
    for first in outer:
        row = [b for b in outer if _aligned(first, b)]
        row.sort(key=lambda b: b[0])
        if all(a[2] <= b[0] + 1 for a, b in zip(row, row[1:])) and len(row) > len(best):
            best = row
    return best if len(best) >= 2 else []


def _text_across(rects: list, panels: list[tuple]) -> bool:
    """Whether some text within the row of panels (between their tops and bottoms, from the first's left to the
    last's right) stands in no one panel: a line run across them, or text between them."""
    left, right = panels[0][0], panels[-1][2]
    top, bottom = max(p[3] for p in panels), min(p[1] for p in panels)
    for q in rects:
        cx, cy = (q[0] + q[2]) / 2, (q[1] + q[3]) / 2
        if left <= cx <= right and bottom <= cy <= top and not any(_inside(q, p) and q[2] <= p[2] + 2 for p in panels):
            return True
    return False


def _with_panels(text, rects: list, panels: list[tuple], width: float, height: float) -> list[str]:
    """The page read around a row of side-by-side panels: the band above them, each panel on its own (left
    to right), any other text beside them, then the band below."""
    top, bottom = max(p[3] for p in panels), min(p[1] for p in panels)
    above = [q for q in rects if (q[1] + q[3]) / 2 > top]
    below = [q for q in rects if (q[1] + q[3]) / 2 < bottom]
    lines = _read_area(text, above, 0, top, width, height, own=True) if above else []
    band = [q for q in rects if bottom <= (q[1] + q[3]) / 2 <= top]
    for panel in panels:
        own = [q for q in band if _inside(q, panel)]
        if own:  # pdfium's text of the panel's box alone (its lines may run on into the next panel's)
            lines += _split(text.get_text_bounded(panel[0], panel[1], panel[2], panel[3]))
    for q in band:
        if not any(_inside(q, p) for p in panels) and len(q) == 4:
            lines += _bounded(text, *q)
    if below:
        lines += _read_area(text, below, 0, 0, width, bottom, own=True)
    return lines


def page_lines(page, text, rects: list, tables: list[tuple] = (), boxes: list[tuple] = ()) -> list[str]:
    """The page's lines in reading order. ``tables``: (l, b, r, t, rows) of its ruled tables; each stands
    in the reading order as one block whose rows (tab-separated) replace the text inside its box. ``boxes``:
    the drawn boxes (l, b, r, t) that are not tables; a row of them side by side is read panel by panel."""
    width, height = page.get_size()
    if tables:
        rects = [q for q in rects if not any(_inside(q, tb) for tb in tables)] + list(tables)
    panels = side_by_side([b for b in boxes if not any(_inside(b, tb) for tb in tables)]) if boxes else []
    if panels and _text_across(rects, panels):
        panels = []  # text runs across the boxes (a grade graphic's heads): not panels to read one by one
    if panels:
        return _with_panels(text, rects, panels, width, height)
    return _read_area(text, rects, 0, 0, width, height)
