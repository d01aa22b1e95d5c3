"""Ruled tables from pypdfium2's own geometry: the path objects of the page are its ruling lines, and the
cells they close are read with ``get_text_bounded``.

pdfplumber's table finder (default settings: ``vertical_strategy="lines"``, ``horizontal_strategy="lines"``)
builds an object for every character of the page (about 0.1 to 0.3 s a page) before it looks at a line. Here
the lines come from the page pdfium has already parsed for its text, as pdfplumber's edges (the straight
segments of every stroked or filled path: lines, and the sides of rectangles), and go through pdfplumber's own
functions (``merge_edges``, ``edges_to_intersections``, ``intersections_to_cells``, ``cells_to_tables``,
``Table.rows``) with its default settings; pdfium then reads each cell. ``tests/test_pdf.py`` checks that the
tables are pdfplumber's, box and rows.

Edges are in pdfplumber's coordinates (x from the left, ``top`` from the top of the page); the tables come
back in PDF coordinates (y up) as ``(left, bottom, right, top, rows)``, as the reader uses them.
"""

from __future__ import annotations

import ctypes

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
    import pypdfium2.raw as pdfium_c

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
    return plumber_table.cells_to_tables(plumber_table.intersections_to_cells(crossings))


def grid(cells: list[tuple]) -> list[list[tuple | None]]:
    """The table's rows, each cell under its column's left edge; None where a merged cell covers a column
    (pdfplumber's ``Table.rows``)."""
    from pdfplumber.table import Table

    return [row.cells for row in Table(None, cells).rows]


def find_tables(page, text, clean=lambda s: s) -> list[tuple]:
    """Ruled tables of a page as (left, bottom, right, top, rows) in PDF coordinates, rows of cell texts
    (whitespace collapsed; "" for an empty or merged cell); rows with no text and tables of one column go."""
    horizontal, vertical = edges(page)
    if len(horizontal) < 2 or len(vertical) < 2:  # no grid: most pages stop here, pdfplumber not loaded
        return []
    height = page.get_height()
    out = []
    for table in table_cells(horizontal, vertical):
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
