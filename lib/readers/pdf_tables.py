"""Ruled tables from pypdfium2's own geometry: the path objects of the page are its ruling lines, and the
cells they close are read with ``get_text_bounded``.

This is pdfplumber's table finder with its default settings (``vertical_strategy="lines"``,
``horizontal_strategy="lines"``, snap, join and intersection tolerances of 3 points, edges of 3 points at
least) on the same inputs, written again over pdfium so that a page is not parsed a second time: pdfplumber
builds an object for every character (about 0.1 to 0.3 s a page) before it looks at a line, pdfium has
already laid the page out for its text. ``tests/test_pdf.py`` checks that both give the same tables.

Coordinates inside this module are pdfplumber's (x from the left, ``top`` from the top of the page); the
tables come back in PDF coordinates (y up) as ``(left, bottom, right, top, rows)``, as the reader uses them.
"""
from __future__ import annotations

import ctypes
from collections import defaultdict

from .pdfium_raw import graphics

SNAP = 3.0  # pdfplumber's snap_tolerance, join_tolerance and intersection_tolerance
MIN_EDGE = 3.0  # edge_min_length
MIN_EDGE_PREFILTER = 1.0  # edge_min_length_prefilter
STRAIGHT = 0.5  # a segment is horizontal (vertical) when its ends differ by at most this in y (x)
MAX_DEPTH = 2  # Form XObjects are looked into this deep, as the reader's text is


# ---------------------------------------------------------------------------------------------------------
# Edges: the straight segments of the page's path objects
# ---------------------------------------------------------------------------------------------------------

def _compose(inner, outer):
    """The matrix ``inner`` then ``outer`` (PDF matrices as (a, b, c, d, e, f))."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def edges(page) -> tuple[list[tuple], list[tuple]]:
    """Horizontal edges (top, x0, x1) and vertical edges (x, top, bottom) of a pypdfium2 page, in
    pdfplumber's coordinates, from every stroked or filled path (lines, and the four sides of rectangles)."""
    import pypdfium2.raw as pdfium_c

    height = page.get_height()
    horizontal: list[tuple] = []
    vertical: list[tuple] = []
    matrix = pdfium_c.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    fill, stroke = ctypes.c_int(), ctypes.c_int()

    def add(p, q):
        (x0, y0), (x1, y1) = p, q
        if abs(y1 - y0) <= STRAIGHT and abs(x1 - x0) >= MIN_EDGE_PREFILTER:
            top = height - (y0 + y1) / 2
            horizontal.append((top, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= STRAIGHT and abs(y1 - y0) >= MIN_EDGE_PREFILTER:
            vertical.append(((x0 + x1) / 2, height - max(y0, y1), height - min(y0, y1)))

    def path(obj, m):
        if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
            return
        if not fill.value and not stroke.value:
            return
        a, b, c, d, e, f = m
        start = current = None
        for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
            if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
                continue
            point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
                add(current, point)
            current = point  # a Bézier segment moves the pen without making an edge
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None and current is not None:
                add(current, start)
                current = start

    def walk(parent, in_form, outer, depth):
        for kind, obj in graphics(parent, in_form):
            if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
                continue
            m = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
            m = _compose(m, outer) if outer else m
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                path(obj, m)
            elif depth + 1 < MAX_DEPTH:
                walk(obj, True, m, depth + 1)

    walk(page.raw, False, None, 0)
    return horizontal, vertical


def _snap(values: list[float]) -> dict[float, float]:
    """pdfplumber's clustering: sorted values chained while each is within SNAP of the last; each value is
    moved to its cluster's mean."""
    out: dict[float, float] = {}
    group: list[float] = []
    for v in sorted(values):
        if group and v > group[-1] + SNAP:
            mean = sum(group) / len(group)
            out.update((g, mean) for g in group)
            group = []
        group.append(v)
    if group:
        mean = sum(group) / len(group)
        out.update((g, mean) for g in group)
    return out


def _join(segments: list[tuple]) -> list[tuple]:
    """Collinear edges (pos, start, end) that touch or nearly touch (within SNAP) become one; then edges
    shorter than MIN_EDGE go."""
    by_pos = defaultdict(list)
    for pos, s, e in segments:
        by_pos[pos].append((s, e))
    out = []
    for pos, spans in by_pos.items():
        spans.sort()
        s0, e0 = spans[0]
        for s, e in spans[1:]:
            if s <= e0 + SNAP:
                e0 = max(e0, e)
            else:
                out.append((pos, s0, e0))
                s0, e0 = s, e
        out.append((pos, s0, e0))
    return [edge for edge in out if edge[2] - edge[1] >= MIN_EDGE]


def merge_edges(horizontal: list[tuple], vertical: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Snapped and joined, as pdfplumber's ``merge_edges``."""
    ys = _snap([h[0] for h in horizontal])
    xs = _snap([v[0] for v in vertical])
    return _join([(ys[t], x0, x1) for t, x0, x1 in horizontal]), _join([(xs[x], t, b) for x, t, b in vertical])


# ---------------------------------------------------------------------------------------------------------
# Intersections, cells, tables
# ---------------------------------------------------------------------------------------------------------

def cells(horizontal: list[tuple], vertical: list[tuple]) -> list[tuple]:
    """The smallest cells (x0, top, x1, bottom) closed by edges, as pdfplumber's ``intersections_to_cells``."""
    crossings: dict[tuple, tuple[set, set]] = {}
    for vi, (x, vt, vb) in enumerate(sorted(vertical)):
        for hi, (y, hx0, hx1) in enumerate(sorted(horizontal)):
            if vt <= y + SNAP and vb >= y - SNAP and hx0 - SNAP <= x <= hx1 + SNAP:
                v_set, h_set = crossings.setdefault((x, y), (set(), set()))
                v_set.add(vi)
                h_set.add(hi)
    points = sorted(crossings)
    column = defaultdict(list)  # points sharing an x, top down
    row = defaultdict(list)  # points sharing a top, left to right
    for p in points:
        column[p[0]].append(p)
        row[p[1]].append(p)

    def connects(p, q) -> bool:
        if p[0] == q[0] and crossings[p][0] & crossings[q][0]:
            return True
        return p[1] == q[1] and bool(crossings[p][1] & crossings[q][1])

    found = []
    for p in points:
        below = [q for q in column[p[0]] if q[1] > p[1]]
        right = [q for q in row[p[1]] if q[0] > p[0]]
        cell = None
        for b in below:
            if not connects(p, b):
                continue
            for r in right:
                if not connects(p, r):
                    continue
                corner = (r[0], b[1])
                if corner in crossings and connects(corner, r) and connects(corner, b):
                    cell = (p[0], p[1], corner[0], corner[1])
                    break
            if cell:
                break
        if cell:
            found.append(cell)
    return found


def group_cells(found: list[tuple]) -> list[list[tuple]]:
    """Cells sharing corners make a table (pdfplumber's ``cells_to_tables``); tables of one cell go; top
    down, then left to right."""
    remaining = list(found)
    tables = []
    while remaining:
        table = [remaining.pop(0)]
        corners = set(_corners(table[0]))
        grew = True
        while grew:
            grew = False
            for cell in list(remaining):
                cc = _corners(cell)
                if any(c in corners for c in cc):
                    corners.update(cc)
                    table.append(cell)
                    remaining.remove(cell)
                    grew = True
        tables.append(table)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def _corners(cell: tuple) -> tuple:
    x0, top, x1, bottom = cell
    return (x0, top), (x0, bottom), (x1, top), (x1, bottom)


def grid(table: list[tuple]) -> list[list[tuple | None]]:
    """The table's rows, each cell under its column's left edge; None where a merged cell covers a column
    (as pdfplumber's ``Table.rows``)."""
    xs = sorted({c[0] for c in table})
    rows = defaultdict(dict)
    for cell in table:
        rows[cell[1]][cell[0]] = cell
    return [[rows[top].get(x) for x in xs] for top in sorted(rows)]


def find_tables(page, text, clean=lambda s: s) -> list[tuple]:
    """Ruled tables of a page as (left, bottom, right, top, rows) in PDF coordinates, rows of cell texts
    (whitespace collapsed; "" for an empty or merged cell); rows with no text and tables of one column go."""
    horizontal, vertical = edges(page)
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    horizontal, vertical = merge_edges(horizontal, vertical)
    height = page.get_height()
    out = []
    for table in group_cells(cells(horizontal, vertical)):
        rows = []
        for row in grid(table):
            texts = []
            for cell in row:
                if cell is None:
                    texts.append("")
                    continue
                x0, top, x1, bottom = cell
                cell_text = text.get_text_bounded(x0, height - bottom, x1, height - top)
                texts.append(" ".join(clean(cell_text).split()))
            if any(texts):
                rows.append(texts)
        if not rows or max(len(r) for r in rows) < 2:
            continue
        x0 = min(c[0] for c in table)
        x1 = max(c[2] for c in table)
        top = min(c[1] for c in table)
        bottom = max(c[3] for c in table)
        out.append((x0, height - bottom, x1, height - top, rows))
    return out
