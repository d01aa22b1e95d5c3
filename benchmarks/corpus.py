"""The benchmark's corpus: what analysts hold, every family in every format, spread over the 43 forces.

Sources: the seeds (``seeds/``) and the later families' samples (``../shared/families``, ``../shared/families2``
beside the clone). Each source is read once (``lib.readers.read_document``) and given in every format of
KINDS: text (a PDF-to-text export: the reader's page lines; a Markdown source's blocks as a careful tool would
print them), Markdown, PDF in one and in two columns, a web page and a Word file. A source keeps its own file
for its own format; the other formats are made from its blocks (headings with their level, paragraphs, list
items, tables) or, for the PDFs, from its text (``tests.fixtures.render_pdf``). The force is put in wherever the
format allows (``tests.fixtures.swap_text``: text and Markdown; a web page's text nodes; a Word file's runs); a
source PDF is used as it is, with other bytes (``%bench <n>`` after ``%%EOF``), so that no two files of the
corpus are the same bytes.

Each seed is given for every force, its format turning round by force and seed (43 x 5); each family source is
given once in every format, the forces turning round (16 x 6).
"""

from __future__ import annotations

import dataclasses
import html
import io
import shutil
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import cache, partial
from pathlib import Path

from lib import forces
from lib.extract.pcc import answers_with_actions
from lib.model import Block, Document
from lib.paths import ROOT, SEEDS
from lib.readers import read_document
from lib.run.listing import list_documents
from tests.fixtures import render_pdf, swap_text

KINDS = ("text", "markdown", "pdf", "pdf2", "html", "docx")
SUFFIX = {"text": ".txt", "markdown": ".md", "pdf": ".pdf", "pdf2": ".pdf", "html": ".html", "docx": ".docx"}
SHARED = ROOT.parent / "shared"  # beside the clone (in CI too)
FAMILY_FOLDERS = (SHARED / "families", SHARED / "families2")
DOCUMENT_SUFFIXES = {".pdf", ".html", ".htm", ".docx", ".txt", ".md"}


def family_sources(folders=FAMILY_FOLDERS) -> list[Path]:
    """The families' sample documents (not their READMEs, answer keys and scorers)."""
    return [
        p
        for folder in folders
        if folder.is_dir()
        for p in sorted(folder.iterdir())
        if p.suffix.lower() in DOCUMENT_SUFFIXES and p.name.lower() != "readme.md"
    ]


def own_kind(path: Path) -> str:
    """The format a source file already is (its own file is used for it)."""
    return {".pdf": "pdf", ".html": "html", ".htm": "html", ".docx": "docx", ".md": "markdown"}.get(
        path.suffix.lower(), "text"
    )


def slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")


@cache
def source(path: str) -> tuple[Document, str | None]:
    """A source's Document and the force it names most (read once a process)."""
    doc = read_document(path)
    counts = forces.mentions(doc.text)
    return doc, counts.most_common(1)[0][0] if counts else None


# ---------------------------------------------------------------------------------------------------------
# Blocks into each format
# ---------------------------------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def to_text(doc: Document) -> str:
    """A text export: the reader's page lines, pages split by form feeds; for Markdown (whose lines are the
    Markdown) the blocks: headings alone, a paragraph a line, "• " items, tab-separated rows."""
    if doc.format != "markdown":
        return "\n\f".join("\n".join(page.lines) for page in doc.pages) + "\n"
    out: list[str] = []
    for b in doc.blocks:
        if b.kind == "heading":
            out += ["", _one_line(b.text), ""]
        elif b.kind == "list_item":
            out.append("  " * b.level + (f"{b.number}. " if b.number else "• ") + _one_line(b.text))
        elif b.kind == "table":
            out += ["\t".join(_one_line(c) for c in row) for row in b.rows] + [""]
        else:
            out += [_one_line(b.text), ""]
    return "\n".join(out) + "\n"


def to_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if b.kind == "heading":
            out += ["#" * max(1, min(b.level, 6)) + " " + _one_line(b.text), ""]
        elif b.kind == "list_item":
            out.append("  " * b.level + (f"{b.number}. " if b.number else "- ") + _one_line(b.text))
        elif b.kind == "table" and b.rows:
            width = max(len(r) for r in b.rows)
            cells = [[_one_line(c).replace("|", "\\|") for c in r] + [""] * (width - len(r)) for r in b.rows]
            out += ["", "| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
            out += ["| " + " | ".join(r) + " |" for r in cells[1:]] + [""]
        else:
            out += ["", _one_line(b.text), ""]
    return "\n".join(out) + "\n"


def to_html(blocks: list[Block], title: str) -> str:
    e = html.escape
    out = [f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title></head>']
    out.append("<body><main>")
    depth: list[str] = []  # the open lists, "ul" or "ol"
    for b in blocks:
        if b.kind != "list_item":
            while depth:
                out.append(f"</{depth.pop()}>")
        if b.kind == "heading":
            level = max(1, min(b.level, 6))
            out.append(f"<h{level}>{e(_one_line(b.text))}</h{level}>")
        elif b.kind == "list_item":
            while len(depth) > b.level + 1:
                out.append(f"</{depth.pop()}>")
            while len(depth) < b.level + 1:
                depth.append("ol" if b.number else "ul")
                out.append(f"<{depth[-1]}>")
            out.append(f"<li>{e(_one_line(b.text))}</li>")
        elif b.kind == "table":
            rows = "".join("<tr>" + "".join(f"<td>{e(_one_line(c))}</td>" for c in r) + "</tr>" for r in b.rows)
            out.append(f"<table>{rows}</table>")
        elif b.box:
            out.append(f'<aside class="box"><p>{e(_one_line(b.text))}</p></aside>')
        else:
            out.append(f"<p>{e(_one_line(b.text))}</p>")
    out += [f"</{d}>" for d in reversed(depth)] + ["</main></body></html>"]
    return "\n".join(out) + "\n"


def to_docx(blocks: list[Block]) -> bytes:
    """A Word file: Title and Heading N styles, List Bullet/Number (2, 3 for depth), tables, page breaks."""
    import docx  # python-docx, the Word reader's own dependency

    d = docx.Document()
    page = blocks[0].page if blocks else 1
    for b in blocks:
        if b.page != page:
            d.add_page_break()
            page = b.page
        if b.kind == "heading":
            d.add_heading(_one_line(b.text), 0 if b.level <= 1 else min(b.level, 9))
        elif b.kind == "list_item":
            style = ("List Number" if b.number else "List Bullet") + ("" if b.level == 0 else f" {min(b.level + 1, 3)}")
            d.add_paragraph(_one_line(b.text), style=style)
        elif b.kind == "table" and b.rows:
            width = max(len(r) for r in b.rows)
            table = d.add_table(rows=len(b.rows), cols=width)
            table.style = "Table Grid"
            for i, r in enumerate(b.rows):
                for j, c in enumerate(r):
                    table.cell(i, j).text = c
        else:
            d.add_paragraph(_one_line(b.text))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------------------
# Another force's name in a source's own web page or Word file; other bytes for the same content
# ---------------------------------------------------------------------------------------------------------


def swap_html(page: str, swap: Callable[[str], str]) -> str:
    """The force's names replaced in the page's text nodes (never in its markup, scripts or styles)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "lxml")
    for node in soup.find_all(string=True):
        if node.parent is not None and node.parent.name not in ("script", "style"):
            new = swap(str(node))
            if new != node:
                node.replace_with(new)
    return str(soup)


def _paragraphs(container):
    yield from container.paragraphs
    for table in container.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from _paragraphs(cell)


def swap_docx(data: bytes, swap: Callable[[str], str], mark: int | None = None) -> bytes:
    """The force's names replaced in a Word file's runs (a name split over two runs stays); ``mark``: other
    bytes (the document's revision number) for the same text."""
    import docx

    d = docx.Document(io.BytesIO(data))
    for paragraph in _paragraphs(d):
        for run in paragraph.runs:
            new = swap(run.text)
            if new != run.text:
                run.text = new
    if mark is not None:
        d.core_properties.revision = mark + 1
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def other_bytes(data: bytes, kind: str, n: int) -> bytes:
    """The same document as other bytes (``n`` > 0): a PDF comment after %%EOF, an HTML comment, trailing new
    lines, a Word file's revision number. The cache sees a new file; the readers see the same document."""
    if kind in ("pdf", "pdf2"):
        return data + f"\n%bench {n}\n".encode()
    if kind == "html":
        return data + f"\n<!-- bench {n} -->\n".encode()
    if kind == "docx":
        return swap_docx(data, lambda s: s, mark=n)
    return data + b"\n" * n


# ---------------------------------------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------------------------------------


def make(task: tuple) -> tuple[str, str, str]:
    """One document of the corpus: ``(source, kind, force, folder, n)`` -> (path, kind, source name)."""
    src, kind, force, folder, n = task
    src, folder = Path(src), Path(folder)
    doc, owner = source(str(src))
    swapping = owner is not None and owner != force

    def swap(text: str) -> str:
        return swap_text(text, owner, force) if swapping else text

    target = folder / f"{src.stem}-{slug(force)}{SUFFIX[kind]}"
    if kind == own_kind(src) and kind == "pdf":
        data = other_bytes(src.read_bytes(), kind, n)
    elif kind == own_kind(src) and kind == "html":
        data = swap_html(src.read_text(encoding="utf-8", errors="replace"), swap).encode()
    elif kind == own_kind(src) and kind == "docx":
        data = swap_docx(src.read_bytes(), swap)
    elif kind == own_kind(src):  # text, Markdown: the file itself with the force put in
        data = swap(src.read_text(encoding="utf-8", errors="replace")).encode()
    elif kind in ("text", "pdf", "pdf2"):
        text = swap(src.read_text(encoding="utf-8") if own_kind(src) == "text" else to_text(doc))
        if kind == "text":
            data = text.encode()
        else:
            with tempfile.TemporaryDirectory() as tmp:  # the text must not stay next to its PDF
                plain = Path(tmp) / f"{target.stem}.txt"
                plain.write_text(text, encoding="utf-8")
                render_pdf(plain, target, columns=2 if kind == "pdf2" else 1)
            data = None
    else:
        blocks = [
            dataclasses.replace(b, text=swap(b.text), rows=[[swap(c) for c in r] for r in b.rows]) for b in doc.blocks
        ]
        if kind == "markdown":
            data = to_markdown(blocks).encode()
        elif kind == "html":
            title = next((b.text for b in blocks if b.kind == "heading"), src.stem)
            data = to_html(blocks, _one_line(title)).encode()
        else:
            data = to_docx(blocks)
    if not swapping and not (kind == own_kind(src) == "pdf"):  # no force to put in: other bytes all the same
        data = other_bytes(target.read_bytes() if data is None else data, kind, n)
    if data is not None:
        target.write_bytes(data)
    return str(target), kind, str(src)


def plan(folder: Path, n_forces: int = 43, n_families: int | None = None, seeds: Path = SEEDS) -> list[tuple]:
    """The corpus's tasks: each seed for each force (the format turning round), each family source in every
    format (the forces turning round). ``n_families``: only the first so many family sources."""
    names = [row["force"] for row in forces.forces()[:n_forces]]
    seed_files = list_documents(Path(seeds))
    families = family_sources()[:n_families]
    tasks = []
    for f, force in enumerate(names):
        for s, seed in enumerate(seed_files):
            tasks.append((str(seed), KINDS[(f + s) % len(KINDS)], force))
    turn = 0
    for src in families:
        for kind in KINDS:
            tasks.append((str(src), kind, names[turn % len(names)]))
            turn += 1
    return [(src, kind, force, str(Path(folder) / slug(force)), n) for n, (src, kind, force) in enumerate(tasks, 1)]


def build_corpus(
    folder: Path, n_forces: int = 43, n_families: int | None = None, seeds: Path = SEEDS, jobs: int = 2
) -> dict[str, tuple[str, str]]:
    """Write the corpus into ``folder`` (a sub-folder a force); returns {file name: (kind, source path)}."""
    tasks = plan(folder, n_forces, n_families, seeds)
    for t in tasks:
        Path(t[3]).mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        made = list(pool.map(make, tasks, chunksize=4))
    return {Path(p).name: (kind, src) for p, kind, src in made}


def describe(made: dict[str, tuple[str, str]]) -> dict[str, dict]:
    """Each source of the corpus: its family as the workbook classifies it (type, cycle or year, pillar) and
    how many documents of each kind were made from it."""
    from lib.classify import classify

    out: dict[str, dict] = {}
    for kind, src in made.values():
        name = Path(src).name
        if name not in out:
            doc = source(src)[0]
            info = classify(doc, partial(answers_with_actions, doc))
            family = [info.get("doc_type"), info.get("cycle") or info.get("year"), info.get("pillar")]
            out[name] = {"family": " ".join(str(x) for x in family if x), "kinds": {}}
        out[name]["kinds"][kind] = out[name]["kinds"].get(kind, 0) + 1
    return out


def copies(corpus: Path, folder: Path, kinds: dict[str, tuple[str, str]], n: int = 4) -> int:
    """``n`` copies of the corpus under ``folder``, each file with other bytes (``other_bytes``); returns the
    number of files written."""
    written = 0
    for k in range(1, n + 1):
        for path in list_documents(corpus):
            target = Path(folder) / f"copy{k}" / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            kind = kinds.get(path.name, ("text", ""))[0]
            target.write_bytes(other_bytes(path.read_bytes(), kind, 1000 * k))
            written += 1
    return written


def remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
