"""Saved web pages (and HTML e-mail bodies, and ".txt" files that are really HTML) read into blocks.

Parsed with BeautifulSoup over lxml's lenient HTML parser: ``h1``-``h6`` are headings of that level, ``p``
and other block elements paragraphs, ``ul``/``ol``/``li`` list items with their depth and number, ``table``
rows of cells (a cell spanning columns or rows repeated in each; the header row kept first; a table of one
column is page layout, read as the text it holds). ``aside``, ``blockquote`` and elements whose class names a
callout, box or panel give blocks with ``box="box"``.

Dropped: scripts and styles, navigation (``nav``, role navigation), the site's banner (``header`` without a
title, role banner), footers, cookie and consent notices (class or id), skip links, breadcrumbs, forms and
hidden elements. When the page marks its content (``<main>``, role main, one ``<article>``) only that is
read, with the page's ``h1`` put first when it stands outside.

The parser unescapes the text once; the blocks hold text, never markup.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from ..model import Block

HEADINGS = {f"h{n}": n for n in range(1, 7)}
DROP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "input",
    "textarea",
    "object",
    "embed",
    "canvas",
    "head",
    "title",
    "meta",
    "link",
    "footer",
    "img",
    "picture",
    "video",
    "audio",
    "map",
}
BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "header",
    "hr",
    "li",
    "main",
    "p",
    "pre",
    "section",
    "summary",
    "caption",
    "center",
    "html",
}
DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "dialog", "alertdialog"}
# Class or id words of page furniture: cookie and consent notices, breadcrumbs and skip links wherever they
# stand; the site's menus, banner, footer and share buttons only outside the content (<main>, <article>),
# where a callout's "callout-header" is content.
_FURNITURE = re.compile(r"cookie|consent|breadcrumb|skip-?link|skip-?to", re.I)
_SITE_FURNITURE = re.compile(
    r"(?:^|[-_])(?:nav|navbar|navigation|menu|masthead|header|footer|share|social)(?:$|[-_])", re.I
)
_FOOTNOTE_MARK = re.compile(r"\[?\d{1,3}\]?|[*†‡]")
_BOX = re.compile(r"callout|box|panel|(?:^|[-_])inset(?:$|[-_])", re.I)
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u00ad", "")).strip()


def _words(tag: Tag) -> str:
    classes = tag.get("class") or []
    if isinstance(classes, str):
        classes = classes.split()
    return " ".join(list(classes) + [str(tag.get("id") or "")])


def _has_title(tag: Tag) -> bool:
    return tag.find(["h1", "h2"]) is not None


def dropped(tag: Tag) -> bool:
    """Whether an element is page furniture (or invisible) and is read not at all."""
    name = tag.name
    if name in DROP_TAGS:
        return True
    if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    style = str(tag.get("style", "")).replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if str(tag.get("role", "")).lower() in DROP_ROLES:
        return True
    if name == "header" and not _has_title(tag):
        return True
    if name == "a" and str(tag.get("href", "")).startswith("#"):
        if tag.get_text(" ", strip=True).lower().startswith(("skip", "back to")):
            return True  # skip links, "Back to top", a footnote's "Back to text"
    if name == "sup" and (tag.find("a") is not None or "footnote" in _words(tag).lower()):
        if _FOOTNOTE_MARK.fullmatch(tag.get_text(strip=True)):
            return True  # a footnote marker: not part of the sentence
    words = _words(tag).split()
    if not words or _has_title(tag):
        return False
    if any(_FURNITURE.search(w) for w in words):
        return True
    return any(_SITE_FURNITURE.search(w) for w in words) and tag.find_parent(["main", "article"]) is None


def is_box(tag: Tag) -> bool:
    if tag.name in ("aside", "blockquote"):
        return True
    return any(_BOX.search(w) for w in _words(tag).split())


def _skip(node) -> bool:
    return isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction))


class _Builder:
    """Walks the tree once, gathering inline text and putting out blocks where block elements start and end."""

    def __init__(self, page: int = 1):
        self.page = page
        self.blocks: list[Block] = []
        self.inline: list[str] = []
        self.boxes = 0

    @property
    def box(self) -> str:
        return "box" if self.boxes else ""

    def add(self, kind: str, text: str, **kw) -> None:
        if text or kw.get("rows"):
            self.blocks.append(Block(kind, text, self.page, box=self.box, **kw))

    def flush(self) -> None:
        text = _norm("".join(self.inline))
        self.inline = []
        self.add("paragraph", text)

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not _skip(child):
                    self.inline.append(str(child))
                continue
            if not isinstance(child, Tag) or dropped(child):
                continue
            self.element(child)

    def element(self, tag: Tag) -> None:
        name = tag.name
        if name in HEADINGS:
            self.flush()
            self.add("heading", inline_text(tag), level=HEADINGS[name])
        elif name in ("ul", "ol"):
            self.flush()
            self.list(tag, 0)
        elif name == "table":
            self.flush()
            self.table(tag)
        elif name in ("br", "hr"):
            self.flush()
        elif name == "pre":
            self.flush()
            for line in tag.get_text().split("\n"):
                self.add("paragraph", _norm(line))
        elif name in BLOCK_TAGS or is_box(tag):
            self.flush()
            boxed = is_box(tag)
            self.boxes += boxed
            self.walk(tag)
            self.flush()
            self.boxes -= boxed
        else:
            self.walk(tag)

    def list(self, tag: Tag, depth: int) -> None:
        ordered = tag.name == "ol"
        try:
            start = int(tag.get("start", 1))
        except ValueError:
            start = 1
        kind = str(tag.get("type", "1"))
        index = 0
        for li in tag.find_all("li", recursive=False) or []:
            if dropped(li):
                continue
            number = ""
            if ordered:
                value = li.get("value")
                n = int(value) if value and str(value).isdigit() else start + index
                number = _ordinal(n, kind)
            index += 1
            self.add("list_item", inline_text(li, skip=("ul", "ol", "table")), level=depth, number=number)
            for nested in li.find_all(["ul", "ol", "table"]):
                if nested.find_parent("li") is li and not any(
                    p.name in ("ul", "ol", "table") for p in _between(nested, li)
                ):
                    if dropped(nested):
                        continue
                    if nested.name == "table":
                        self.table(nested)
                    else:
                        self.list(nested, depth + 1)
        # Items not inside an <li> (a stray paragraph in the list) are read as text.
        for child in tag.children:
            if isinstance(child, Tag) and child.name not in ("li", "ul", "ol") and not dropped(child):
                self.element(child)
                self.flush()
            elif isinstance(child, Tag) and child.name in ("ul", "ol"):
                self.list(child, depth + 1)

    def table(self, tag: Tag) -> None:
        rows = table_rows(tag)
        if not rows:
            return
        if max(len(r) for r in rows) < 2:  # a layout table: its cells are text
            for tr in _own_rows(tag):
                for cell in tr.find_all(["td", "th"], recursive=False):
                    self.walk(cell)
                    self.flush()
            return
        caption = tag.find("caption")
        if caption is not None and caption.find_parent("table") is tag:
            self.add("paragraph", inline_text(caption))
        self.add("table", "\n".join(" | ".join(c.replace("\n", " ") for c in r) for r in rows), rows=rows)


def _between(node: Tag, ancestor: Tag):
    """The elements strictly between ``node`` and its ``ancestor``."""
    for parent in node.parents:
        if parent is ancestor:
            return
        yield parent


def _ordinal(n: int, kind: str) -> str:
    if kind in ("a", "A") and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter.upper() if kind == "A" else letter
    if kind in ("i", "I") and 1 <= n <= 39:
        numerals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, rest = "", n
        for value, numeral in numerals:
            while rest >= value:
                out, rest = out + numeral, rest - value
        return out.upper() if kind == "I" else out
    return str(n)


def inline_text(tag: Tag, skip: tuple[str, ...] = ()) -> str:
    """The text of an element on one line, without furniture and without the subtrees named in ``skip``."""
    parts: list[str] = []

    def gather(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not _skip(child):
                    parts.append(str(child))
            elif isinstance(child, Tag) and child.name not in skip and not dropped(child):
                block = child.name in BLOCK_TAGS or child.name in HEADINGS or child.name == "br"
                if block:
                    parts.append(" ")
                gather(child)
                if block:
                    parts.append(" ")

    gather(tag)
    return _norm("".join(parts))


def cell_text(cell: Tag) -> str:
    """A table cell's text: one line per paragraph, list items as "• text" lines (indented two spaces a
    level when nested)."""
    builder = _Builder()
    builder.walk(cell)
    builder.flush()
    lines = []
    for block in builder.blocks:
        if block.kind == "list_item":
            lines.append("  " * block.level + "• " + block.text)
        elif block.kind == "table":
            lines.extend(" ".join(row) for row in block.rows)
        else:
            lines.append(block.text)
    return "\n".join(line for line in lines if line.strip())


def _own_rows(table: Tag) -> list[Tag]:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def table_rows(table: Tag) -> list[list[str]]:
    """Rows of cell texts; a cell with colspan/rowspan repeated across the columns and rows it spans."""
    grid: list[list[str | None]] = []
    for r, tr in enumerate(_own_rows(table)):
        while len(grid) <= r:
            grid.append([])
        row = grid[r]
        col = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            if dropped(cell):
                continue
            while col < len(row) and row[col] is not None:
                col += 1
            text = cell_text(cell)
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            for dr in range(rowspan):
                while len(grid) <= r + dr:
                    grid.append([])
                target = grid[r + dr]
                for dc in range(colspan):
                    while len(target) <= col + dc:
                        target.append(None)
                    target[col + dc] = text
            col += colspan
    rows = [[c if c is not None else "" for c in row] for row in grid]
    return [row for row in rows if any(c.strip() for c in row)]


def _span(cell: Tag, name: str) -> int:
    try:
        return max(1, min(100, int(str(cell.get(name, 1)).strip() or 1)))
    except ValueError:
        return 1


def content_root(soup: BeautifulSoup) -> Tag:
    """<main>, role=main, or the one <article>; else the body (or the whole document)."""
    root = soup.find("main") or soup.find(attrs={"role": "main"})
    if root is None:
        articles = soup.find_all("article")
        root = articles[0] if len(articles) == 1 else None
    return root or soup.body or soup


def html_blocks(markup: str) -> tuple[list[Block], dict]:
    """Blocks of an HTML page and what its head says (title, language)."""
    soup = BeautifulSoup(markup, "lxml")
    meta: dict = {}
    if soup.title and soup.title.string:
        meta["title"] = _norm(soup.title.string)
    if soup.html is not None and soup.html.get("lang"):
        meta["language"] = str(soup.html.get("lang"))
    root = content_root(soup)
    builder = _Builder()
    if root.name in ("main", "article") or root.get("role") == "main":
        h1 = soup.find("h1")
        if h1 is not None and root.find("h1") is None and not any(dropped(p) for p in h1.parents if isinstance(p, Tag)):
            builder.add("heading", inline_text(h1), level=1)
    if root is soup:
        builder.walk(soup)
    else:
        builder.element(root) if root.name != "body" else builder.walk(root)
    builder.flush()
    return builder.blocks, meta
