"""Fixture builders: the seeds in other shapes (PDF in one or two columns, re-wrapped, another force's name)
and bad inputs (empty, random bytes, truncated, encrypted, image-only, damaged .docx, .xlsx, PNG, binary .txt,
one 5 MB line).

Every builder writes only the file it is given (never the seeds) and returns that path, so the lead's golden
tests and the benchmark can import them (``from fixtures import render_pdf`` inside tests/, or
``from tests.fixtures import render_pdf`` from the repository root).

    render_pdf(seed_path, out_path, columns=1|2, styled=False)  # reportlab; styled: headings larger, bold
    render_table_styles(folder)                    # one ruled table drawn in each of seven ways
    rewrap(seed_path, out_path, width)             # the prose re-filled to another line width
    swap_force(seed_path, out_path, old, new)      # every name and alias of one force replaced by another's
    bad_inputs(folder)                             # every bad input, with the reason each must give
"""

from __future__ import annotations

import io
import random
import re
import struct
import textwrap
import zipfile
import zlib
from pathlib import Path

BULLET_START = re.compile(
    r"^\s*(?:•|·|\(cid:127\)|[\uf0b7\uf0a7\uf076\uf0d8\uf0a8\uf0fc\u25cf\u25aa\u25e6\u2023\u2043\u2219])\s*"
)
HEADER_TEXT = "PEEL fixture report"  # the running head render_pdf prints on every page (page furniture)


# ---------------------------------------------------------------------------------------------------------
# The seed text as blocks: paragraphs, bullets, single lines (headings, labels) and tables
# ---------------------------------------------------------------------------------------------------------


def _seed_pages(seed_path: str | Path) -> list:
    """Pages of the seed exactly as the text reader sees them (so page breaks are the text's own)."""
    from lib.readers import read_document

    return read_document(seed_path).pages


def _wrap_width(lines: list[str]) -> int:
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) >= 20)
    return lengths[int(len(lengths) * 0.9)] if lengths else 80


def blocks(lines: list[str], width: int, alone: set[str] = frozenset()) -> list[tuple[str, object]]:
    """Blocks of one page: ("para", text) | ("bullet", text) | ("table", rows) | ("blank", "").

    A line continues into the next when it is long (it was wrapped at the margin); a short line (a heading,
    a label, the end of a paragraph) ends its block. Lines with tabs are table rows. A line whose text is
    in ``alone`` (the headings of a styled rendering) is a block of its own.
    """
    out: list[tuple[str, object]] = []
    unwrapped = width > 130  # one paragraph per line (Markdown, e-mail): never join lines
    current: list[str] | None = None
    kind = "para"
    rows: list[list[str]] = []

    def flush():
        nonlocal current, rows
        if current:
            text = ""
            for part in current:
                part = part.strip()
                if not text:
                    text = part
                elif text.endswith("-") and not text.endswith(" -"):
                    text += part  # "Dyfed-" + "Powys", "anti-" + "social": the hyphen is a real one
                else:
                    text += " " + part
            out.append((kind, text))
        current = None
        if rows:
            out.append(("table", rows))
            rows = []

    for line in lines:
        if "\t" in line:
            if current:
                flush()
            rows.append([re.sub(r"\s+", " ", cell).strip() for cell in line.split("\t")])
            continue
        if not line.strip():
            if not rows:
                flush()
                out.append(("blank", ""))
            continue
        if rows:
            flush()
        if alone and line.strip() in alone:
            flush()
            out.append(("para", line.strip()))
            continue
        bullet = BULLET_START.match(line)
        if bullet and bullet.end() < len(line):
            flush()
            kind, current = "bullet", [line[bullet.end() :]]
        elif current is None:
            kind, current = "para", [line]
        else:
            current.append(line)
        if unwrapped or len(line.rstrip()) < 0.7 * width or len(line.rstrip()) > 1.25 * width:
            flush()
    flush()
    return out


# ---------------------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------------------


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Heading styles of the "styled" rendering, by the level the text reader gives the heading: larger and bold,
# in two families; level 3 and deeper bold at body size.
HEADING_FONTS = {1: ("Helvetica-Bold", 16), 2: ("Helvetica-Bold", 13), 3: ("Times-Bold", 10)}


def _heading_lines(pages) -> dict[str, int]:
    """The text reader's headings of a seed, by text, with their level (each line of a wrapped heading too)."""
    from lib.readers.textblocks import text_blocks

    found: dict[str, int] = {}
    for block in text_blocks([page.lines for page in pages]):
        if block.kind == "heading":
            found[block.text] = block.level
    return found


def _heading_level(value: str, headings: dict[str, int]) -> int:
    if value in headings:
        return headings[value]
    if len(value) >= 12:  # a line of a wrapped heading: the heading it starts, else one it is inside
        starts = [level for text, level in headings.items() if text.startswith(value)]
        inside = [level for text, level in headings.items() if value in text]
        return (starts or inside or [0])[-1]
    return 0


def _merge_heading_lines(page_blocks: list, headings: dict[str, int]) -> list:
    """The lines of a wrapped heading as one block, so that the PDF sets (and wraps) it as one heading."""
    out: list = []
    for kind, value in page_blocks:
        if out and kind == "para" and out[-1][0] == "para":
            joined = f"{out[-1][1]} {value}"
            if joined not in headings and any(h.startswith(joined + " ") for h in headings):
                out[-1] = ("para", joined)
                continue
            if joined in headings:
                out[-1] = ("para", joined)
                continue
        out.append((kind, value))
    return out


def render_pdf(
    seed_path: str | Path, out_path: str | Path, columns: int = 1, furniture: bool = True, styled: bool = False
) -> Path:
    """The seed rendered to PDF with reportlab: one or two columns, paragraphs re-flowed, headings and labels
    on their own lines, bullets "•", tab-separated rows as ruled tables, a page break where the text has one.
    ``furniture`` adds a running head and a page number on every page (the reader must drop them).
    ``styled`` sets every line the text reader takes as a heading larger and bold, as real reports do
    (``HEADING_FONTS``: Helvetica-Bold 16 and 13 by level, then Times-Bold at body size)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer, Table, TableStyle

    out_path = Path(out_path)
    pages = _seed_pages(seed_path)
    width = _wrap_width([line for page in pages for line in page.lines])
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12.5, spaceAfter=3)
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10, spaceAfter=0)
    headings = _heading_lines(pages) if styled else {}
    heading_styles = {
        level: ParagraphStyle(
            f"h{level}", parent=body, fontName=font, fontSize=size, leading=size * 1.25, spaceBefore=4, spaceAfter=4
        )
        for level, (font, size) in HEADING_FONTS.items()
    }

    margin, gutter = 56, 24
    page_w, page_h = A4
    frame_w = (page_w - 2 * margin - (columns - 1) * gutter) / columns
    frames = [
        Frame(
            margin + i * (frame_w + gutter),
            margin,
            frame_w,
            page_h - 2 * margin,
            id=f"col{i}",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        for i in range(columns)
    ]

    def on_page(canvas, doc):
        if not furniture:
            return
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(margin, page_h - margin + 20, HEADER_TEXT)
        canvas.drawCentredString(page_w / 2, margin - 28, str(doc.page))
        canvas.restoreState()

    story = []
    for n, page in enumerate(pages):
        if n:
            story.append(PageBreak())
        page_blocks = blocks(page.lines, width, set(headings))
        for kind, value in _merge_heading_lines(page_blocks, headings) if headings else page_blocks:
            if kind == "blank":
                story.append(Spacer(1, 4))
            elif kind == "table":
                ncols = max(len(r) for r in value)
                rows = [[Paragraph(_xml(c), cell) for c in r] + [""] * (ncols - len(r)) for r in value]
                table = Table(rows, colWidths=[frame_w / ncols] * ncols, repeatRows=0)
                table.setStyle(
                    TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
                )
                story.append(table)
                story.append(Spacer(1, 6))
            elif kind == "bullet":
                story.append(Paragraph(_xml(value), bullet, bulletText="•"))
            elif headings and _heading_level(value, headings):
                story.append(Paragraph(_xml(value), heading_styles[min(3, _heading_level(value, headings))]))
            else:
                story.append(Paragraph(_xml(value), body))
    doc = BaseDocTemplate(
        str(out_path),
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=Path(seed_path).stem,
        author="peel-workbook fixtures",
    )
    doc.addPageTemplates([PageTemplate(id="body", frames=frames, onPage=on_page)])
    doc.build(story)
    return out_path


TABLE_ROWS = [
    ["Indicator", "Force", "England and Wales"],
    ["Victim satisfaction (%)", "84.2", "83.0"],
    ["Crimes per 1,000 people, a long label that wraps onto a second line inside its cell", "55", "61"],
    ["Arrests", "1,234", ""],
]


def render_table_styles(folder: str | Path) -> dict[str, Path]:
    """One PDF per way tools draw a ruled table (reportlab): a full grid, a box with a thinner inner grid,
    white rules on shaded rows, a merged cell, thick rules, rules only under the rows (no table: no closed
    cells), one rectangle per cell, and the same table drawn from a scaled Form XObject. Each page has
    prose above and below the table."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12.5)
    styles = {
        "grid": [("GRID", (0, 0), (-1, -1), 0.5, colors.black)],
        "box-inner-grid": [
            ("BOX", (0, 0), (-1, -1), 1, colors.black),
            ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ],
        "shaded": [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.white),
            ("BACKGROUND", (0, 0), (-1, 0), colors.lightblue),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.whitesmoke, colors.lightgrey]),
        ],
        "merged": [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("SPAN", (1, 3), (2, 3))],
        "thick": [("GRID", (0, 0), (-1, -1), 3, colors.black)],
        "rules-below": [("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black)],
    }
    out = {}
    for name, style in styles.items():
        path = out[name] = folder / f"table-{name}.pdf"
        rows = [[Paragraph(_xml(c), body) if len(c) > 40 else c for c in row] for row in TABLE_ROWS]
        table = Table(rows, colWidths=[200, 80, 120])
        table.setStyle(TableStyle(style))
        SimpleDocTemplate(str(path), pagesize=A4).build(
            [
                Paragraph("The figures below compare the force with England and Wales as a whole.", body),
                Spacer(1, 12),
                table,
                Spacer(1, 12),
                Paragraph("Source: the force's own data.", body),
            ]
        )

    def cells(c, x0, y0):
        for r, row in enumerate(TABLE_ROWS):
            for k, text in enumerate(row):
                x, y = x0 + k * 160, y0 - r * 20
                c.rect(x, y, 160, 20, stroke=1, fill=0)
                c.setFont("Helvetica", 7)
                c.drawString(x + 3, y + 7, text[:40])

    path = out["cell-rectangles-and-form"] = folder / "table-cell-rectangles-and-form.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(60, 760, "A table drawn one rectangle a cell, then the same table from a scaled form.")
    cells(c, 60, 700)
    c.beginForm("table")
    cells(c, 0, 100)
    c.endForm()
    c.saveState()
    c.translate(80, 300)
    c.scale(0.8, 0.8)
    c.doForm("table")
    c.restoreState()
    c.showPage()
    c.save()
    return out


# ---------------------------------------------------------------------------------------------------------
# Text variants
# ---------------------------------------------------------------------------------------------------------


def rewrap(seed_path: str | Path, out_path: str | Path, width: int, break_on_hyphens: bool = False) -> Path:
    """The seed with its prose re-filled to ``width`` characters a line. Headings, labels, bullets, tables
    and page starts stay as they are (a page's first line keeps its one-space indent, the page mark of
    PDF-to-text output)."""
    raw = Path(seed_path).read_text(encoding="utf-8")
    lines = raw.split("\n")
    wrap_at = _wrap_width(lines)
    out: list[str] = []
    para: list[str] = []

    def flush():
        if para:
            lead = " " if para[0].startswith(" ") and not para[0].startswith("  ") else ""
            text = " ".join(p.strip() for p in para)
            text = re.sub(r"(?<=\w)- (?=\w)", "-", text) if any(p.rstrip().endswith("-") for p in para) else text
            filled = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=break_on_hyphens)
            out.extend([lead + filled[0]] + filled[1:] if filled else [lead])
            para.clear()

    for line in lines:
        page_start = re.match(r" \S", line) is not None
        plain = line.strip() and "\t" not in line and not BULLET_START.match(line)
        if page_start and para:
            flush()
        if not plain:
            flush()
            out.append(line)
            continue
        para.append(line)
        n = len(line.rstrip())
        if wrap_at > 130 or n < 0.7 * wrap_at or n > 1.25 * wrap_at:
            flush()
    flush()
    Path(out_path).write_text("\n".join(out), encoding="utf-8")
    return Path(out_path)


def _force_row(name: str) -> dict:
    from lib import forces

    canonical = forces.canonical(name)
    if canonical is None:
        raise ValueError(f"not a force name: {name}")
    return next(row for row in forces.forces() if row["force"] == canonical)


def force_names(name: str) -> list[str]:
    """Every name of a force: full, short, aliases (as lib.forces knows them)."""
    row = _force_row(name)
    return [n for n in dict.fromkeys([row["force"], row["short"]] + [a for a in row["aliases"].split("|") if a]) if n]


def swap_text(text: str, old: str, new: str) -> str:
    """``text`` with every name and alias of force ``old`` replaced by force ``new``'s: the full name by the
    full name, the short name (and its spellings) by the short name, other aliases by the full name.
    Names broken across lines
    ("Dyfed-\\nPowys") are found too, and the line break is kept before the new name."""
    old_row, new_row = _force_row(old), _force_row(new)
    names = force_names(old)
    targets = {}
    for n in names:
        if n == old_row["force"]:
            targets[n.lower()] = new_row["force"]
        elif n == old_row["short"]:
            targets[n.lower()] = new_row["short"]
        elif re.search(r"(?i)\b(police|constabulary|service)$|^heddlu\b", n):
            targets[n.lower()] = new_row["force"]
        else:  # "Dyfed Powys": a spelling of the short name
            targets[n.lower()] = new_row["short"]

    def flexible(name: str) -> str:
        parts = re.split(r"[\s\-–]+", name)
        return r"(?:[\-–]\n?|[ \t]*\n[ \t]*|[ \t]+)".join(re.escape(p) for p in parts)

    alternation = "|".join(flexible(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w\-./@])(?:{alternation})(?![\w\-]|\.[A-Za-z])", re.I)

    def key(matched: str) -> str:
        return re.sub(r"\s+", " ", re.sub(r"[\-–]\n", "-", matched)).lower().replace("–", "-")

    def replace(m: re.Match) -> str:
        matched = m.group(0)
        k = key(matched)
        target = (
            targets.get(k)
            or targets.get(k.replace("-", " "))
            or next(
                (v for n, v in targets.items() if n.replace("-", " ").replace("–", " ") == k.replace("-", " ")),
                new_row["force"],
            )
        )
        if matched.isupper():
            target = target.upper()
        return ("\n" + target) if "\n" in matched else target

    return pattern.sub(replace, text)


def swap_force(seed_path: str | Path, out_path: str | Path, old: str, new: str) -> Path:
    """The seed with force ``old`` (every name and alias) replaced by force ``new``."""
    text = Path(seed_path).read_text(encoding="utf-8")
    Path(out_path).write_text(swap_text(text, old, new), encoding="utf-8")
    return Path(out_path)


# ---------------------------------------------------------------------------------------------------------
# Bad inputs
# ---------------------------------------------------------------------------------------------------------


def zero_byte(path: str | Path) -> Path:
    Path(path).write_bytes(b"")
    return Path(path)


def random_pdf(path: str | Path, size: int = 20_000, seed: int = 4) -> Path:
    """Random bytes named .pdf (a download that went wrong)."""
    rng = random.Random(seed)
    Path(path).write_bytes(bytes(rng.randrange(256) for _ in range(size)))
    return Path(path)


def truncated_pdf(source_pdf: str | Path, path: str | Path, fraction: float = 0.5) -> Path:
    """The first part of a real PDF (a download cut off half way)."""
    raw = Path(source_pdf).read_bytes()
    Path(path).write_bytes(raw[: int(len(raw) * fraction)])
    return Path(path)


def encrypted_pdf(path: str | Path, password: str = "secret") -> Path:
    """A text PDF that needs a password to open."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, encrypt=password)
    text = c.beginText(56, 780)
    text.setFont("Helvetica", 11)
    for i in range(30):
        text.textLine(f"PEEL: Police effectiveness 2015. An inspection of Gwent Police, line {i + 1} of this page.")
    c.drawText(text)
    c.showPage()
    c.save()
    return Path(path)


def _png_bytes(width: int = 400, height: int = 300, seed: int = 7) -> bytes:
    """A small grey-noise PNG written by hand (zlib), so no imaging library is needed."""
    rng = random.Random(seed)
    raw = b"".join(b"\x00" + bytes(rng.randrange(120, 256) for _ in range(width)) for _ in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


def png(path: str | Path) -> Path:
    Path(path).write_bytes(_png_bytes())
    return Path(path)


def image_pdf(path: str | Path, pages: int = 2) -> Path:
    """A scanned document: each page one image, no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        c.drawImage(ImageReader(io.BytesIO(_png_bytes())), 56, 200, width=480, height=360)
        c.showPage()
    c.save()
    return Path(path)


def docx(path: str | Path) -> Path:
    """A damaged Word document: a zip holding word/document.xml but none of the parts that say what it is."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats'
            '.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>PEEL: Police effectiveness 2015'
            "</w:t></w:r></w:p></w:body></w:document>",
        )
    return Path(path)


def xlsx(path: str | Path) -> Path:
    """A zip container that is not a Word document (a spreadsheet's parts)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
    return Path(path)


def latin1_text(path: str | Path) -> Path:
    """A text file saved by Windows (cp1252), not UTF-8: read, its encoding detected."""
    Path(path).write_bytes(
        "PEEL: Police effectiveness 2015 – Gwent Police’s budget is £120m.\n"
        "Café culture and the force’s response.\n".encode("cp1252")
    )
    return Path(path)


def binary_text(path: str | Path, size: int = 4096, seed: int = 5) -> Path:
    """Bytes that no text encoding explains (NUL bytes in no UTF-16 pattern), named .txt."""
    rng = random.Random(seed)
    Path(path).write_bytes(b"Report\x00\x00\x01" + bytes(rng.randrange(256) for _ in range(size)))
    return Path(path)


def huge_line_text(path: str | Path, size: int = 5_000_000) -> Path:
    """About ``size`` bytes of report-like text on a single line (no newline at all)."""
    sentence = (
        "Overall Gwent Police is judged to be good at keeping people safe and reducing crime; in the 12 "
        "months to 30 June 2015 the force recorded 17,130 incidents of anti-social behaviour, 201513 14 "
        "per 1,000 population. "
    )
    Path(path).write_text((sentence * (size // len(sentence) + 1))[:size], encoding="utf-8")
    return Path(path)


# What each bad input must give: (status, a fragment of the one-line reason). A readable non-report gives
# status ok with doc_type unknown: its reason is empty.
BAD_EXPECTED = {
    "empty.pdf": ("failed", "empty file"),
    "random.pdf": ("failed", "not a PDF"),
    "truncated.pdf": ("failed", "damaged PDF"),
    "encrypted.pdf": ("failed", "encrypted PDF: needs a password"),
    "scanned.pdf": ("failed", "no text layer"),
    "report.docx": ("failed", "damaged Word document"),
    "figures.xlsx": ("failed", "unsupported format"),
    "figure.png": ("failed", "unsupported format"),
    "binary.txt": ("failed", "binary file"),
    "oneline.txt": ("ok", ""),
}


def bad_inputs(folder: str | Path, source_pdf: str | Path | None = None) -> dict[Path, tuple[str, str]]:
    """Write every bad input into ``folder``; returns {path: (status, reason fragment)}.

    ``source_pdf`` is the PDF whose first half makes the truncated file (default: an image-only PDF padded
    with its own bytes would not do, so one seed is rendered when none is given)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if source_pdf is None:
        from lib.paths import SEEDS

        source_pdf = render_pdf(sorted(SEEDS.glob("004_*"))[0], folder / ".source-for-truncation.pdf")
    made = {
        zero_byte(folder / "empty.pdf"): BAD_EXPECTED["empty.pdf"],
        random_pdf(folder / "random.pdf"): BAD_EXPECTED["random.pdf"],
        truncated_pdf(source_pdf, folder / "truncated.pdf"): BAD_EXPECTED["truncated.pdf"],
        encrypted_pdf(folder / "encrypted.pdf"): BAD_EXPECTED["encrypted.pdf"],
        image_pdf(folder / "scanned.pdf"): BAD_EXPECTED["scanned.pdf"],
        docx(folder / "report.docx"): BAD_EXPECTED["report.docx"],
        xlsx(folder / "figures.xlsx"): BAD_EXPECTED["figures.xlsx"],
        png(folder / "figure.png"): BAD_EXPECTED["figure.png"],
        binary_text(folder / "binary.txt"): BAD_EXPECTED["binary.txt"],
        huge_line_text(folder / "oneline.txt"): BAD_EXPECTED["oneline.txt"],
    }
    return made


# ---------------------------------------------------------------------------------------------------------
# A report set as real ones are: heading sizes and fonts, lists, a boxed callout, a ruled table, furniture
# ---------------------------------------------------------------------------------------------------------

STRUCTURED_HEADINGS = [  # (text, font, size, level the reader must give)
    ("PEEL 2023–25: An inspection of Kent Police", "Helvetica-Bold", 16, 1),
    ("Investigating crime", "Times-Bold", 14, 2),
    ("What we found", "Helvetica-Bold", 13, 3),
    ("Areas for improvement", "Helvetica-Bold", 10, 4),
]
STRUCTURED_WRAPPED = (
    "The force does not always allocate investigations to officers with the right skills and experience, and "
    "supervisors do not always review them in good time, so that some victims wait too long for an outcome "
    "and some evidence is lost before anyone looks for it."
)
STRUCTURED_BOX = "The force is not answering emergency calls quickly enough."


def structured_pdf(path: str | Path, force: str = "Kent Police") -> Path:
    """A three-page report drawn with reportlab as a real one is set: headings larger and bold in two
    families (``STRUCTURED_HEADINGS``), a wrapped paragraph, bullets with nested bullets, a numbered list, a
    cause of concern in a shaded, framed box, a ruled table, and a running head and page number on every
    page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12.5, spaceAfter=4)
    item = ParagraphStyle("item", parent=body, leftIndent=14, bulletIndent=3, spaceAfter=2)
    nested = ParagraphStyle("nested", parent=body, leftIndent=28, bulletIndent=17, spaceAfter=2)

    def heading(k):
        text, font, size, _ = STRUCTURED_HEADINGS[k]
        style = ParagraphStyle(f"h{k}", fontName=font, fontSize=size, leading=size * 1.2, spaceBefore=6, spaceAfter=6)
        return Paragraph(_xml(text.replace("Kent Police", force)), style)

    box = Table(
        [
            [Paragraph("Cause of concern", ParagraphStyle("bh", parent=body, fontName="Helvetica-Bold"))],
            [Paragraph(_xml(STRUCTURED_BOX), body)],
        ],
        colWidths=[420],
    )
    box.setStyle(
        TableStyle([("BOX", (0, 0), (-1, -1), 1, colors.black), ("BACKGROUND", (0, 0), (-1, -1), colors.lightgrey)])
    )
    grid = Table([["Area of policing", "Grade"], ["Investigating crime", "Adequate"], ["Preventing crime", "Good"]])
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [
        heading(0),
        Paragraph(f"This report sets out our findings about {_xml(force)}.", body),
        PageBreak(),
        heading(1),
        Paragraph(_xml(STRUCTURED_WRAPPED), body),
        heading(2),
        Paragraph("We found the following:", body),
        Paragraph("victims are kept informed", item, bulletText="•"),
        Paragraph("by the officer in the case", nested, bulletText="\u25e6"),
        Paragraph("by letter", nested, bulletText="\u25e6"),
        Paragraph("suspects are pursued", item, bulletText="•"),
        Spacer(1, 8),
        box,
        Spacer(1, 8),
        heading(3),
        Paragraph("The force should improve supervision.", item, bulletText="1."),
        Paragraph("The force should record outcomes.", item, bulletText="2."),
        PageBreak(),
        Paragraph("Our judgments are as follows.", body),
        grid,
        Paragraph("The grades above are those we gave.", body),
    ]

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(56, A4[1] - 36, HEADER_TEXT)
        canvas.drawCentredString(A4[0] / 2, 30, str(doc.page))
        canvas.restoreState()

    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return Path(path)
