"""The few pdfium calls the PDF reader makes for every page, made on the raw bindings.

pypdfium2's helpers are convenient but, per call, allocate their ctypes arguments and (for bounded text) ask
pdfium twice, once for the length and once for the text. On a page they are called dozens of times: here
the arguments and one text buffer are allocated once per page.
"""
from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c


def text_rects(textpage) -> list[tuple[float, float, float, float]]:
    """Text rectangles (left, bottom, right, top): pdfium merges the characters of one run of text."""
    l, t, r, b = (ctypes.c_double() for _ in range(4))
    refs = [ctypes.byref(v) for v in (l, t, r, b)]
    get, raw = pdfium_c.FPDFText_GetRect, textpage.raw
    out = []
    for i in range(pdfium_c.FPDFText_CountRects(raw, 0, -1)):
        if get(raw, i, *refs) and r.value > l.value and t.value > b.value:
            out.append((l.value, b.value, r.value, t.value))
    return out


class BoundedText:
    """``get_text_bounded`` with one buffer for every call: pdfium is asked once per area, not twice. One
    object serves a whole document; ``page(textpage)`` points it at the next page. (Bounded text holds the
    page's characters and the line breaks pdfium adds between them; the buffer grows when one would not
    fit.)"""

    def __init__(self):
        self.raw = None
        self.size = 0
        self.buffer = None

    def page(self, textpage) -> "BoundedText":
        self.raw = textpage.raw
        self._grow(2 * max(0, pdfium_c.FPDFText_CountChars(self.raw)) + 256)
        return self

    def _grow(self, size: int) -> None:
        if size > self.size:
            self.size = max(size, 2 * self.size)
            self.buffer = (ctypes.c_ushort * self.size)()

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
