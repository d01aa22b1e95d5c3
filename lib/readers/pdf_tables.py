"""Ruled tables from pypdfium2's own geometry: the path objects of the page are its ruling lines, and the
cells they close are read from the page's lines where those answer, else with ``get_text_bounded``
(``BoundedText.text_in``).

pdfplumber's table finder (default settings: ``vertical_strategy="lines"``, ``horizontal_strategy="lines"``)
builds an object for every character of the page (about 0.1 to 0.3 s a page) before it looks at a line. Here
the lines come from the page pdfium has already parsed for its text, as pdfplumber's edges (the straight
segments of every stroked or filled path: lines, and the sides of rectangles), and go through pdfplumber's own
functions (``merge_edges``, ``edges_to_intersections``, ``intersections_to_cells``, ``cells_to_tables``,
``Table.rows``) with its default settings (``intersections_to_cells`` as ``cells``: the same cells, faster);
then each cell is read. ``tests/test_pdf.py`` checks that the tables are pdfplumber's, box and rows.

Edges are in pdfplumber's coordinates (x from the left, ``top`` from the top of the page); the tables come
back in PDF coordinates (y up) as ``(left, bottom, right, top, rows)``, as the reader uses them.
"""

from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c

from .pdfium_raw import graphics

STRAIGHT = 0.5  # a segment is horizontal (vertical) when its ends differ by at most this in y (x)
MAX_DEPTH = 2  # Form XObjects are looked into this deep, as the reader's text is
MIN_LENGTH = 1.0  # pdfplumber's edge_min_length_prefilter: shorter segments are dropped before anything else


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
    top_level = list(graphics(page.raw))
    if not top_level:  # most pages: no path or form object at all
        return [], []
    height = page.get_height()
    horizontal: list[tuple] = []
    vertical: list[tuple] = []
    matrix = pdfium_c.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    fill, stroke = ctypes.c_int(), ctypes.c_int()

    def add(p, q):
        (x0, y0), (x1, y1) = p, q
        if abs(y1 - y0) <= STRAIGHT and abs(x1 - x0) >= MIN_LENGTH:
            top = height - (y0 + y1) / 2
            horizontal.append((top, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= STRAIGHT and abs(y1 - y0) >= MIN_LENGTH:
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

    _walk(top_level, None, 0, matrix, path)
    return horizontal, vertical


def _walk(objects, outer, depth: int, matrix, path) -> None:
    """Each path object with its matrix (``path(obj, m)``), into Form XObjects up to MAX_DEPTH. (A function of
    the module, not of ``edges``: a nested function that calls itself is a reference cycle, left for the
    garbage collector with everything ``edges`` made.)"""
    for kind, obj in objects:
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
            continue
        m = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        m = _compose(m, outer) if outer else m
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            path(obj, m)
        elif depth + 1 < MAX_DEPTH:
            _walk(graphics(obj, True), m, depth + 1, matrix, path)


def _plumber_edges(horizontal: list[tuple], vertical: list[tuple]) -> list[dict]:
    """Our edges as pdfplumber's edge objects."""
    out = [
        {
            "x0": x0,
            "x1": x1,
            "top": top,
            "bottom": top,
            "doctop": top,
            "width": x1 - x0,
            "height": 0.0,
            "orientation": "h",
            "object_type": "line",
        }
        for top, x0, x1 in horizontal
    ]
    out += [
        {
            "x0": x,
            "x1": x,
            "top": top,
            "bottom": bottom,
            "doctop": top,
            "width": 0.0,
            "height": bottom - top,
            "orientation": "v",
            "object_type": "line",
        }
        for x, top, bottom in vertical
    ]
    return out


def table_cells(horizontal: list[tuple], vertical: list[tuple]) -> list[list[tuple]]:
    """The tables the edges close, each as its cells (x0, top, x1, bottom), top down: pdfplumber's
    ``TableFinder`` from the edges on, with its default settings."""
    from pdfplumber import table as plumber_table
    from pdfplumber.utils import filter_edges

    settings = plumber_table.TableSettings.resolve(None)
    edges = filter_edges(_plumber_edges(horizontal, vertical), min_length=settings.edge_min_length_prefilter)
    edges = plumber_table.merge_edges(
        edges,
        settings.snap_x_tolerance,
        settings.snap_y_tolerance,
        settings.join_x_tolerance,
        settings.join_y_tolerance,
    )
    edges = filter_edges(edges, min_length=settings.edge_min_length)
    crossings = plumber_table.edges_to_intersections(
        edges, settings.intersection_x_tolerance, settings.intersection_y_tolerance
    )
    return plumber_table.cells_to_tables(cells(crossings))


def cells(intersections: dict) -> list[tuple]:
    """pdfplumber's ``intersections_to_cells``, the same cells in the same order: for each point (sorted), the
    smallest cell whose four corners are points joined by common edges. pdfplumber turns a point's edges into
    a set of boxes again at every comparison, and looks through all the later points for those below it and
    right of it; here each point's sets are made once and the points are indexed by x and by y."""
    from pdfplumber.utils import obj_to_bbox

    vertical = {p: set(map(obj_to_bbox, e["v"])) for p, e in intersections.items()}
    horizontal = {p: set(map(obj_to_bbox, e["h"])) for p, e in intersections.items()}

    def connects(p1: tuple, p2: tuple) -> bool:
        return (p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2])) or (
            p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2])
        )

    points = sorted(intersections)
    by_x: dict = {}
    by_y: dict = {}
    for p in points:  # in sorted order: each list keeps the order of ``points``
        by_x.setdefault(p[0], []).append(p)
        by_y.setdefault(p[1], []).append(p)
    found = []
    for x, y in points[:-1]:
        pt = (x, y)
        below = [q for q in by_x[x] if q[1] > y]  # the later points with the same x
        right = [q for q in by_y[y] if q[0] > x]  # the later points with the same y
        cell = None
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            for right_pt in right:
                if not connects(pt, right_pt):
                    continue
                corner = (right_pt[0], below_pt[1])
                if corner in intersections and connects(corner, right_pt) and connects(corner, below_pt):
                    cell = (x, y, corner[0], corner[1])
                    break
            if cell:
                break
        if cell:
            found.append(cell)
    return found


def grid(cells: list[tuple]) -> list[list[tuple | None]]:
    """The table's rows, each cell under its column's left edge; None where a merged cell covers a column
    (pdfplumber's ``Table.rows``)."""
    from pdfplumber.table import Table

    return [row.cells for row in Table(None, cells).rows]


def find_tables(page, text, clean=lambda s: s) -> list[tuple]:
    """Ruled tables of a page as (left, bottom, right, top, rows) in PDF coordinates, rows of cell texts
    (whitespace collapsed; "" for an empty or merged cell); rows with no text and tables of one column go."""
    return find_tables_and_boxes(page, text, clean)[0]


def find_tables_and_boxes(page, text, clean=lambda s: s) -> tuple[list[tuple], list[tuple]]:
    """``find_tables``, and the drawn boxes that are not tables: closed rectangles of one column holding text
    (a callout, a cause of concern in a frame or on a shaded panel), as (left, bottom, right, top)."""
    horizontal, vertical = edges(page)
    if len(horizontal) < 2 or len(vertical) < 2:  # no grid: most pages stop here, pdfplumber not loaded
        return [], []
    height = page.get_height()
    width = page.get_width()
    out, boxes = [], []
    for table in table_cells(horizontal, vertical):
        x0 = min(c[0] for c in table)
        x1 = max(c[2] for c in table)
        top = min(c[1] for c in table)
        bottom = max(c[3] for c in table)
        region = (x0, height - bottom, x1, height - top)
        rows = []
        for row in grid(table):
            texts = []
            for cell in row:
                if cell is None:
                    texts.append("")
                    continue
                cx0, ctop, cx1, cbottom = cell
                cell_text = text.text_in(cx0, height - cbottom, cx1, height - ctop)
                texts.append(" ".join(clean(cell_text).split()))
            if any(texts):
                rows.append(texts)
        if not rows:
            continue
        if max(len(r) for r in rows) < 2:
            boxes.append(region)  # one column: a stack of framed boxes, not a table
            continue
        out.append((*region, rows))
    for x0, top, x1, bottom in rectangles(horizontal, vertical):
        region = (x0, height - bottom, x1, height - top)
        if any(t[0] - 2 <= x0 and x1 <= t[2] + 2 and t[1] - 2 <= region[1] and region[3] <= t[3] + 2 for t in out):
            continue  # a table's frame or one of its cells
        boxes.append(region)
    boxes = [b for b in boxes if (b[2] - b[0]) < 0.95 * width or (b[3] - b[1]) < 0.9 * height]  # not the page frame
    return out, boxes


MAX_BOX_EDGES = 80  # pages with more ruling than this are tables and charts: no boxes looked for
MIN_BOX = (60.0, 14.0)  # width and height of the smallest box that can hold a line of text


def rectangles(horizontal: list[tuple], vertical: list[tuple], tolerance: float = 2.0) -> list[tuple]:
    """Single closed rectangles (x0, top, x1, bottom) the edges draw: two horizontal edges over the same span
    joined by vertical edges at both ends (pdfplumber keeps only tables of two cells or more, so a lone
    frame or shaded panel is found here)."""
    if len(horizontal) > MAX_BOX_EDGES or len(vertical) > MAX_BOX_EDGES:
        return []
    found = []
    rows = sorted(horizontal)
    for i, (top, x0, x1) in enumerate(rows):
        if x1 - x0 < MIN_BOX[0]:
            continue
        for bottom, bx0, bx1 in rows[i + 1 :]:
            if bottom - top < MIN_BOX[1] or abs(bx0 - x0) > tolerance or abs(bx1 - x1) > tolerance:
                continue
            sides = [
                x
                for x, vtop, vbottom in vertical
                if vtop <= top + tolerance
                and vbottom >= bottom - tolerance
                and (abs(x - x0) <= tolerance or abs(x - x1) <= tolerance)
            ]
            if any(abs(x - x0) <= tolerance for x in sides) and any(abs(x - x1) <= tolerance for x in sides):
                found.append((x0, top, x1, bottom))
                break
    return found
