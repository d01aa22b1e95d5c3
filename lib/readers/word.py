"""Word (.docx) documents read into blocks with python-docx: body paragraphs and tables in document order.

- Headings: the ``Title`` style is level 1, ``Heading N`` level N, also any paragraph (or style) with an
  outline level; in a document with no heading styles, a short paragraph set wholly in bold and standing
  alone is a heading (level 2).
- List items: paragraphs with numbering (``w:numPr`` on the paragraph or its style, as ``List Bullet`` and
  ``List Number`` have) or a list style; depth from ``w:ilvl`` (or the style's trailing number, "List Bullet
  2"), number from the numbering definition's format and a running count ("" for bullets).
- Tables: rows of cell texts. A horizontally merged cell (``gridSpan``) is repeated across the columns it
  spans; a vertically merged cell (``vMerge``) repeats its text in every row it spans, so a group row merged
  across the whole table has the same text in every cell. A cell with several paragraphs keeps one line per
  paragraph, its list items as "• text" lines.
- Pages: where Word last broke the pages (``w:lastRenderedPageBreak``), else explicit page breaks.
- Section headers and footers are not read (page furniture).
"""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document as open_docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from ..model import Block, ReadError

W_P, W_TBL, W_SDT, W_SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
W_R, W_T, W_TAB, W_BR, W_CR = qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_RENDERED_BREAK, W_VAL, W_TYPE = qn("w:lastRenderedPageBreak"), qn("w:val"), qn("w:type")
W_NO_BREAK_HYPHEN, W_DEL, W_TR, W_TC = qn("w:noBreakHyphen"), qn("w:del"), qn("w:tr"), qn("w:tc")
_SKIP_INSIDE = {W_DEL, qn("w:instrText"), qn("w:delText"), qn("w:footnoteReference"), qn("w:endnoteReference")}
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre|kop)\s*(\d)$", re.I)
_LIST_STYLE = re.compile(r"^list\s*(bullet|number|paragraph|continue)?\s*(\d)?$", re.I)
_SENTENCE_END = re.compile(r"[.!:;,]['’”)]?$")
BULLET_FORMATS = {"bullet", "none", ""}


def _text(el) -> str:
    """The text of a paragraph element as printed: runs, hyperlinks, insertions; tabs and breaks as spaces
    and line breaks; deleted text and field codes left out."""
    parts: list[str] = []

    def walk(node):
        for child in node:
            tag = child.tag
            if tag in _SKIP_INSIDE or tag == W_P or tag == W_TBL:
                continue
            if tag == W_T:
                parts.append(child.text or "")
            elif tag == W_TAB:
                parts.append(" ")
            elif tag in (W_BR, W_CR):
                parts.append(" " if child.get(W_TYPE) == "page" else "\n")
            elif tag == W_NO_BREAK_HYPHEN:
                parts.append("-")
            else:
                walk(child)

    walk(el)
    lines = [" ".join(line.replace("\u00a0", " ").split()) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


class _Styles:
    """What a paragraph style says: heading level, list numbering, list depth, bold; through base styles."""

    def __init__(self, document):
        self.by_id = {}
        for style in document.styles:
            try:
                self.by_id[style.style_id] = style
            except (AttributeError, KeyError, ValueError):
                continue

    def chain(self, style_id: str | None):
        seen = set()
        style = self.by_id.get(style_id) if style_id else None
        while style is not None and style.style_id not in seen:
            seen.add(style.style_id)
            yield style
            style = getattr(style, "base_style", None)

    def heading_level(self, style_id: str | None) -> int:
        for style in self.chain(style_id):
            name = (style.name or "").strip()
            if name.lower() == "title":
                return 1
            m = _HEADING_STYLE.match(name) or _HEADING_STYLE.match(style.style_id or "")
            if m:
                return max(1, min(6, int(m.group(1))))
            level = _outline_level(style.element.pPr)
            if level:
                return level
        return 0

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        for style in self.chain(style_id):
            num_id, ilvl = _num_pr(style.element.pPr)
            if num_id is not None:
                return num_id, ilvl
        return None, None

    def list_depth(self, style_id: str | None) -> int | None:
        """The depth a list style names ("List Bullet 2": 1), None for a style that is not a list's."""
        for style in self.chain(style_id):
            m = _LIST_STYLE.match((style.name or "").strip())
            if m:
                return int(m.group(2)) - 1 if m.group(2) else 0
        return None

    def bold(self, style_id: str | None) -> bool:
        for style in self.chain(style_id):
            font = getattr(style, "font", None)
            if font is not None and font.bold is not None:
                return bool(font.bold)
        return False


def _outline_level(ppr) -> int:
    if ppr is None:
        return 0
    el = ppr.find(qn("w:outlineLvl"))
    if el is None:
        return 0
    try:
        value = int(el.get(W_VAL))
    except (TypeError, ValueError):
        return 0
    return value + 1 if 0 <= value <= 5 else 0


def _num_pr(ppr) -> tuple[str | None, int | None]:
    if ppr is None:
        return None, None
    num_pr = ppr.find(qn("w:numPr"))
    if num_pr is None:
        return None, None
    num, lvl = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
    num_id = num.get(W_VAL) if num is not None else None
    ilvl = int(lvl.get(W_VAL)) if lvl is not None and str(lvl.get(W_VAL)).isdigit() else None
    return num_id, ilvl


class _Numbering:
    """List numbers as Word prints them: each list's format per level and a running count."""

    def __init__(self, document):
        self.formats: dict[tuple[str, int], tuple[str, int]] = {}
        self.counts: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (AttributeError, KeyError, NotImplementedError):
            return
        abstract = {}
        for an in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in an.findall(qn("w:lvl")):
                fmt, start = lvl.find(qn("w:numFmt")), lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl"), 0))] = (
                    fmt.get(W_VAL) if fmt is not None else "decimal",
                    int(start.get(W_VAL)) if start is not None and str(start.get(W_VAL)).isdigit() else 1,
                )
            abstract[an.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = abstract.get(ref.get(W_VAL) if ref is not None else None, {})
            for ilvl, value in levels.items():
                self.formats[(num.get(qn("w:numId")), ilvl)] = value

    def next(self, num_id: str, ilvl: int) -> str:
        fmt, start = self.formats.get((num_id, ilvl), ("bullet", 1))
        counts = self.counts.setdefault(num_id, [])
        while len(counts) <= ilvl:
            counts.append(0)
        counts[ilvl] += 1
        del counts[ilvl + 1 :]  # a deeper level starts again under each item
        if fmt in BULLET_FORMATS:
            return ""
        n = start + counts[ilvl] - 1
        if fmt in ("lowerLetter", "upperLetter"):
            letter = chr(ord("a") + (n - 1) % 26)
            return letter.upper() if fmt == "upperLetter" else letter
        if fmt in ("lowerRoman", "upperRoman"):
            out, rest = "", n
            for value, numeral in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
                while rest >= value:
                    out, rest = out + numeral, rest - value
            return out.upper() if fmt == "upperRoman" else out
        return str(n)


class _Reader:
    def __init__(self, document):
        self.styles = _Styles(document)
        self.numbering = _Numbering(document)
        body = document.element.body
        self.rendered = body.find(".//" + W_RENDERED_BREAK) is not None
        self.page = 1
        self.blocks: list[Block] = []
        self.styled_headings = any(
            self.paragraph_heading(p) for p in body.iter(W_P) if p.getparent() is not None and p.getparent() is body
        )

    def style_id(self, p) -> str | None:
        ppr = p.pPr
        return ppr.style if ppr is not None else None

    def paragraph_heading(self, p) -> int:
        return _outline_level(p.pPr) or self.styles.heading_level(self.style_id(p))

    def paragraph(self, p) -> tuple[str, str, int, str] | None:
        """(kind, text, level, number) of a paragraph, None when it holds no text."""
        text = _text(p)
        if not text:
            return None
        style = self.style_id(p)
        level = self.paragraph_heading(p)
        if level:
            return "heading", text.replace("\n", " "), level, ""
        num_id, ilvl = _num_pr(p.pPr)
        if num_id is None:
            num_id, style_ilvl = self.styles.numbering(style)
            ilvl = ilvl if ilvl is not None else style_ilvl
        list_depth = self.styles.list_depth(style)
        if num_id is not None and num_id != "0":
            depth = ilvl if ilvl is not None else (list_depth or 0)
            return "list_item", text.replace("\n", " "), depth, self.numbering.next(num_id, depth)
        if list_depth is not None and not (style or "").lower().startswith("listparagraph"):
            return "list_item", text.replace("\n", " "), list_depth, ""
        if not self.styled_headings and self._bold(p, style) and _short_label(text):
            return "heading", text, 2, ""
        return "paragraph", text, 0, ""

    def _bold(self, p, style) -> bool:
        runs = [r for r in p.iter(W_R) if "".join(t.text or "" for t in r.iter(W_T)).strip()]
        if not runs:
            return False
        default = self.styles.bold(style)
        for r in runs:
            rpr = r.find(qn("w:rPr"))
            b = rpr.find(qn("w:b")) if rpr is not None else None
            bold = default if b is None else b.get(W_VAL) not in ("0", "false", "off")
            if not bold:
                return False
        return True

    def breaks(self, p) -> tuple[int, int]:
        """Page breaks (before its text, after its text) in a paragraph."""
        tags = (
            [W_RENDERED_BREAK] if self.rendered else [W_BR]  # explicit breaks only when Word never recorded its own
        )
        before = after = 0
        seen_text = False
        for el in p.iter():
            if el.tag == W_T and (el.text or "").strip():
                seen_text = True
            elif el.tag in tags and (el.tag == W_RENDERED_BREAK or el.get(W_TYPE) == "page"):
                if seen_text:
                    after += 1
                else:
                    before += 1
        ppr = p.pPr
        if not self.rendered and ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None:
            before += 1
        return before, after

    def body(self, parent) -> None:
        for child in parent.iterchildren():
            if child.tag == W_P:
                before, after = self.breaks(child)
                self.page += before
                found = self.paragraph(child)
                if found:
                    kind, text, level, number = found
                    self.blocks.append(Block(kind, text, self.page, level=level, number=number))
                self.page += after
            elif child.tag == W_TBL:
                rows = self.table(child)
                if rows:
                    text = "\n".join(" | ".join(c.replace("\n", " ") for c in row) for row in rows)
                    self.blocks.append(Block("table", text, self.page, rows=rows))
            elif child.tag == W_SDT:
                content = child.find(W_SDT_CONTENT)
                if content is not None:
                    self.body(content)

    def cell_text(self, tc) -> str:
        lines = []
        for el in tc.iter(W_P):
            found = self.paragraph(el)
            if not found:
                continue
            kind, text, level, _ = found
            lines.append("  " * level + "• " + text if kind == "list_item" else text)
        return "\n".join(lines)

    def table(self, tbl) -> list[list[str]]:
        """Rows of cell texts, merged cells repeated (see the module's docstring)."""
        rows: list[list[str]] = []
        above: dict[int, str] = {}  # the text of the cell that starts a vertical merge, by grid column
        for tr in tbl.iterchildren(W_TR):
            row: list[str] = []
            trpr = tr.find(qn("w:trPr"))
            before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
            if before is not None and str(before.get(W_VAL)).isdigit():
                row.extend([""] * int(before.get(W_VAL)))
            for tc in tr.iterchildren(W_TC):
                tcpr = tc.find(qn("w:tcPr"))
                span, vmerge = 1, None
                if tcpr is not None:
                    gs = tcpr.find(qn("w:gridSpan"))
                    if gs is not None and str(gs.get(W_VAL)).isdigit():
                        span = max(1, int(gs.get(W_VAL)))
                    vm = tcpr.find(qn("w:vMerge"))
                    if vm is not None:
                        vmerge = vm.get(W_VAL) or "continue"
                col = len(row)
                if vmerge == "continue":
                    text = above.get(col, "")
                else:
                    text = self.cell_text(tc)
                    if vmerge == "restart":
                        for k in range(span):
                            above[col + k] = text
                    else:
                        for k in range(span):
                            above.pop(col + k, None)
                row.extend([text] * span)
            if any(c.strip() for c in row):
                rows.append(row)
        width = max((len(r) for r in rows), default=0)
        return [r + [""] * (width - len(r)) for r in rows]


def _short_label(text: str) -> bool:
    return "\n" not in text and len(text.split()) <= 14 and not _SENTENCE_END.search(text)


def read_word(raw: bytes) -> tuple[list[Block], dict]:
    """Blocks and core properties (title, author, dates) of a .docx file."""
    try:
        document = open_docx(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile):
        raise ReadError("damaged Word document: its parts are missing or broken, it cannot be opened") from None
    except Exception as err:  # noqa: BLE001  lxml or python-docx on a broken part: one line, never a traceback
        raise ReadError(f"damaged Word document: cannot be opened ({type(err).__name__})") from None
    reader = _Reader(document)
    reader.body(document.element.body)
    meta: dict = {}
    props = document.core_properties
    for key in ("title", "author", "subject"):
        value = getattr(props, key, None)
        if value:
            meta[key] = str(value)
    for key in ("created", "modified"):
        value = getattr(props, key, None)
        if value:
            meta[key] = value.isoformat()
    return reader.blocks, meta
