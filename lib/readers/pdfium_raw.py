"""The few pdfium calls the PDF reader makes for every page, made on the raw bindings.

pypdfium2's helpers are convenient but, per call, allocate their ctypes arguments and (for bounded text) ask
pdfium twice, once for the length and once for the text. On a page they are called dozens of times: here
the arguments and one text buffer are allocated once per page. Pages and their text pages are opened and
closed with pdfium's own calls too (``RawPage``: no helper objects, no finalizers).

The two calls made once per text rectangle or page object (``FPDFText_GetRect``, ``FPDFPage_GetObject`` and
``FPDFPageObj_GetType``) are also taken from the same pdfium library without ctypes argument types, which
spares ctypes checking and converting each argument (about 2.5 times faster a call); the callers here pass
values of the exact C types. Where pypdfium2's library handle is not where this version keeps it, the typed
bindings are used instead, with the same results (``LEAN = None``; the tests run both).
"""

from __future__ import annotations

import ctypes
from itertools import repeat

import pypdfium2.raw as pdfium_c

GRAPHICS = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM)


class _Object(ctypes.c_void_p):
    """An object handle as pdfium returns it: ctypes keeps a subclass of c_void_p as it is (a plain c_void_p
    comes back as an int), so it goes back to pdfium without being wrapped again; NULL has the value None."""


def _lean_functions() -> dict | None:
    try:
        from pypdfium2_raw.bindings import _libs

        library = _libs["pdfium"]
        out = {}
        for name, restype in (
            ("FPDFText_GetRect", ctypes.c_int),
            ("FPDFPage_GetObject", _Object),
            ("FPDFFormObj_GetObject", _Object),
            ("FPDFPageObj_GetType", ctypes.c_int),
            ("FPDFText_GetFontSize", ctypes.c_double),
            ("FPDFText_GetFontWeight", ctypes.c_int),
            ("FPDFText_GetFontInfo", ctypes.c_ulong),
            ("FPDFText_GetCharBox", ctypes.c_int),
        ):
            function = library[name]  # a new function object: pypdfium2's own keeps its argument types
            function.restype = restype
            out[name] = function
        return out
    except Exception:  # noqa: BLE001  another pypdfium2 layout: the typed bindings
        return None


LEAN = _lean_functions()


def _void(handle) -> ctypes.c_void_p:
    """A typed handle (a ctypes pointer) as a plain c_void_p: its address read where the pointer keeps it
    (``ctypes.cast`` would do, but leaves a reference cycle for the garbage collector each time)."""
    return ctypes.c_void_p(ctypes.c_void_p.from_address(ctypes.addressof(handle)).value)


def text_rects(textpage) -> list[tuple[float, float, float, float]]:
    """Text rectangles (left, bottom, right, top): pdfium merges the characters of one run of text."""
    l, t, r, b = (ctypes.c_double() for _ in range(4))
    ref_l, ref_t, ref_r, ref_b = (ctypes.byref(v) for v in (l, t, r, b))
    n = pdfium_c.FPDFText_CountRects(textpage.raw, 0, -1)
    if LEAN:
        get, handle = LEAN["FPDFText_GetRect"], _void(textpage.raw)
    else:
        get, handle = pdfium_c.FPDFText_GetRect, textpage.raw
    out = []
    for i in range(n):
        if get(handle, i, ref_l, ref_t, ref_r, ref_b):
            left, bottom, right, top = l.value, b.value, r.value, t.value
            if right > left and top > bottom:
                out.append((left, bottom, right, top))
    return out


def graphics(parent, in_form: bool = False):
    """(type, handle) of the path and Form XObject objects directly on a page (``page.raw``) or in a form
    object; text and image objects are passed over as cheaply as pdfium allows."""
    count = pdfium_c.FPDFFormObj_CountObjects if in_form else pdfium_c.FPDFPage_CountObjects
    n = count(parent)
    if LEAN:  # every object's handle, then every type, each in one sweep (``map`` calls pdfium from C)
        get = LEAN["FPDFFormObj_GetObject" if in_form else "FPDFPage_GetObject"]
        objects = list(map(get, repeat(_void(parent), n), range(n)))
        kinds = list(map(LEAN["FPDFPageObj_GetType"], objects))  # (a NULL handle has no type: 0)
        if pdfium_c.FPDF_PAGEOBJ_PATH in kinds or pdfium_c.FPDF_PAGEOBJ_FORM in kinds:
            for kind, obj in zip(kinds, objects):
                if kind in GRAPHICS:  # (a copy of the handle: ``ctypes.cast`` would leave a reference cycle)
                    yield kind, pdfium_c.FPDF_PAGEOBJECT.from_buffer_copy(obj)
    else:
        get = pdfium_c.FPDFFormObj_GetObject if in_form else pdfium_c.FPDFPage_GetObject
        for i in range(n):
            obj = get(parent, i)
            if obj:
                kind = pdfium_c.FPDFPageObj_GetType(obj)
                if kind in GRAPHICS:
                    yield kind, obj


class _Handle:
    __slots__ = ("raw",)

    def __init__(self, raw):
        self.raw = raw


class RawPage:
    """A page and its text page opened with pdfium's own calls: what ``pdf[i]`` and ``page.get_textpage()``
    open (a document without forms), without pypdfium2's helper objects and their finalizers (a few tens of
    µs a page). ``close()`` closes both, text page first; a page pdfium cannot load raises ``PdfiumError``
    as ``pdf[i]`` does. ``raw``, ``textpage.raw`` and the size are what the reader uses."""

    def __init__(self, document, index: int):
        from pypdfium2 import PdfiumError

        self.raw = pdfium_c.FPDF_LoadPage(document.raw, index)
        if not self.raw:
            raise PdfiumError("Failed to load page.")
        text = pdfium_c.FPDFText_LoadPage(self.raw)
        if not text:
            pdfium_c.FPDF_ClosePage(self.raw)
            raise PdfiumError("Failed to load text page.")
        self.textpage = _Handle(text)
        self.size = (pdfium_c.FPDF_GetPageWidthF(self.raw), pdfium_c.FPDF_GetPageHeightF(self.raw))

    def get_width(self) -> float:
        return self.size[0]

    def get_height(self) -> float:
        return self.size[1]

    def get_size(self) -> tuple[float, float]:
        return self.size

    def close(self) -> None:
        if self.textpage is not None:
            pdfium_c.FPDFText_ClosePage(self.textpage.raw)
            pdfium_c.FPDF_ClosePage(self.raw)
            self.textpage = None


_BOLD_NAME = ("bold", "black", "heavy", "semibold", "demi", "extrabold")
FORCE_BOLD = 1 << 18  # the font descriptor's ForceBold flag


class FontReader:
    """Font size and boldness of single characters of one page (asked for a few characters a line, never for
    every character). Bold: a weight of 600 or more, the ForceBold flag, or a bold font name."""

    def __init__(self):
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.bold_names: dict[bytes, bool] = {}
        self.box = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
        self.box_refs = [ctypes.byref(v) for v in self.box]
        self.box_of = LEAN["FPDFText_GetCharBox"] if LEAN else pdfium_c.FPDFText_GetCharBox
        if LEAN:
            self.size_of, self.weight_of, self.info_of = (
                LEAN["FPDFText_GetFontSize"],
                LEAN["FPDFText_GetFontWeight"],
                LEAN["FPDFText_GetFontInfo"],
            )
        else:
            self.size_of, self.weight_of, self.info_of = (
                pdfium_c.FPDFText_GetFontSize,
                pdfium_c.FPDFText_GetFontWeight,
                pdfium_c.FPDFText_GetFontInfo,
            )
        self.handle = self.raw = None

    def page(self, textpage) -> FontReader:
        self.raw = textpage.raw
        self.handle = _void(textpage.raw) if LEAN else textpage.raw
        return self

    def size(self, index: int) -> float:
        return float(self.size_of(self.handle, index))

    def char_box(self, index: int) -> tuple[float, float, float, float] | None:
        """(left, bottom, right, top) of one character."""
        l, r, b, t = self.box
        if self.box_of(self.handle, index, *self.box_refs):
            return (l.value, b.value, r.value, t.value)
        return None

    def bold(self, index: int) -> bool:
        weight = self.weight_of(self.handle, index)
        if weight > 0:  # the font says its weight (embedded fonts mostly do); else its flags and name
            return weight >= 600
        n = self.info_of(self.handle, index, self.name, 128, ctypes.byref(self.flags))
        if self.flags.value & FORCE_BOLD:
            return True
        name = self.name.value.lower() if n > 0 else b""  # up to the first NUL (pdfium ends the name with one)
        known = self.bold_names.get(name)
        if known is None:
            known = self.bold_names[name] = any(word.encode() in name for word in _BOLD_NAME)
        return known


class BoundedText:
    """``get_text_bounded`` with one buffer for every call: pdfium is asked once per area, not twice. One
    object serves a whole document; ``page(textpage)`` points it at the next page. (Bounded text holds the
    page's characters and the line breaks pdfium adds between them; the buffer grows when one would not
    fit.)"""

    def __init__(self):
        self.raw = None
        self.size = 0
        self.buffer = None
        self.lines = None  # the page's lines with their boxes, when known (``use_lines``)

    def use_lines(self, lines) -> None:
        """The page's lines, so that ``lines_in`` can answer without pdfium: ``(placed, texts)``, ``texts`` every
        line in character order (pdfium's lines of the page's text), ``placed`` those with text, in the same
        order, each as (index in ``texts``, bottom + top, bottom, top, left, right)."""
        if lines is None:
            self.lines = None
            return
        placed, texts = lines
        ready = [line.rstrip() for line in texts]
        if "\ufffe" in "".join(ready):  # (one scan in C, not one a line)
            ready = [line.replace("\ufffe", "\x02") for line in ready]
        self.lines = (placed, ready)

    def lines_in(self, left: float, bottom: float, right: float, top: float) -> list[str] | None:
        """The lines ``get_text_bounded`` would give for an area, from the page's lines: those whose middle
        is inside, when they are a run of the page's lines, each wholly inside across (lines wholly beside
        the area do not count) and none cut by the area's top or bottom edge; else None (ask pdfium)."""
        if self.lines is None:
            return None
        placed, texts = self.lines
        first = last = -1  # page line indexes of the first and last line inside
        previous = -2  # position in ``placed`` of the last line inside: the next must follow it there
        low, high = 2 * bottom, 2 * top  # the middle of a line, twice: bottom + top
        for n, (k, twice, b, t, l, r) in enumerate(placed):
            if r <= left or l >= right:
                continue  # beside the area (the other column)
            if low <= twice <= high:
                if l < left - 1 or r > right + 1 or (previous >= 0 and n != previous + 1):
                    return None  # not wholly inside across, or another line with text between
                if first < 0:
                    first = k
                last, previous = k, n
            elif b < top and t > bottom:  # cut by the area's edge: pdfium decides character by character
                return None
        if first < 0:
            return None
        return texts[first : last + 1]

    def text_in(self, left: float, bottom: float, right: float, top: float) -> str:
        """The text of an area, its lines joined by line breaks: from the page's lines when they answer
        (``lines_in``), else from pdfium (``get_text_bounded``, which scans every character of the page)."""
        known = self.lines_in(left, bottom, right, top)
        return "\n".join(known) if known is not None else self.get_text_bounded(left, bottom, right, top)

    def page(self, textpage) -> BoundedText:
        self.lines = None
        self.raw = textpage.raw
        self._grow(2 * max(0, pdfium_c.FPDFText_CountChars(self.raw)) + 256)
        return self

    def _grow(self, size: int) -> None:
        if size > self.size:
            self.size = max(size, 2 * self.size)
            self.buffer = (ctypes.c_ushort * self.size)()

    def page_text(self) -> str:
        """All the page's text in pdfium's character order: position i of the string is character index i
        (pdfium's own line breaks, "\\r\\n", are characters too)."""
        n = pdfium_c.FPDFText_CountChars(self.raw)
        if n <= 0:
            return ""
        self._grow(n + 1)
        got = pdfium_c.FPDFText_GetText(self.raw, 0, n, self.buffer)
        got = got - 1 if got > 0 and self.buffer[got - 1] == 0 else got
        return ctypes.string_at(self.buffer, 2 * max(0, got)).decode("utf-16-le", errors="replace")

    def get_text_bounded(self, left: float, bottom: float, right: float, top: float) -> str:
        n = pdfium_c.FPDFText_GetBoundedText(self.raw, left, top, right, bottom, self.buffer, self.size)
        if n >= self.size:  # perhaps cut short: ask for the length, then read it all
            self._grow(pdfium_c.FPDFText_GetBoundedText(self.raw, left, top, right, bottom, None, 0) + 256)
            n = pdfium_c.FPDFText_GetBoundedText(self.raw, left, top, right, bottom, self.buffer, self.size)
        if n > 0 and self.buffer[n - 1] == 0:  # the count includes the terminating NUL when it fits
            n -= 1
        if n <= 0:
            return ""
        return ctypes.string_at(self.buffer, 2 * n).decode("utf-16-le", errors="ignore")
