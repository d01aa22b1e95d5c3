"""What a report shows a reader: sentences (``say``), tables (``table``), a summary box (``box``).

Everything taken from a document is text anyone could have written, so every value is escaped here before it
reaches the report: a sentence holding ``<script>``, an ``<img onerror=...>`` or a Markdown link shows as
text. Sentences and boxes are HTML built from escaped parts (never Markdown, which would render a link);
tables are itables DataTables (search, sort, a CSV button) that work offline once ``setup()`` has embedded the
library in the notebook (``connected=False``). Each display also carries a plain-text copy (``text/plain``),
which nbval compares and a reader of the raw notebook can read.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable

import itables
import pandas as pd
from IPython.display import display

from .evidence import evidence_href

# Plain-English headers for the tables' columns (anything not listed: "snake_case" -> "Snake case").
HEADERS = {
    "doc_id": "Document id",
    "doc_type": "Type of document",
    "type": "Type of document",
    "area_label": "Area",
    "area_name": "Area",
    "last_inspected": "Year last inspected",
    "england_wales": "England and Wales",
    "pcc_actions": "PCC actions",
    "checks_failed": "Checks failed",
    "evidence": "Printed as",
    "page": "Page",
    "page_label": "Page as printed",
    "value": "Force",
    "unit": "Unit",
    "period": "Period",
    "label": "Figure",
    "measure_label": "Measure",
    "kind": "Kind",
    "text": "Text",
    "grade": "Grade",
    "cycle": "Inspection",
    "scale": "Grading scale",
    "document": "Document",
    "comparison": "Compared as",
    "flag": "Flag",
    "direction": "Which way is better",
    "status_printed": "Status as printed",
    "response_text": "Action (the Commissioner's response)",
    "response_document": "Response",
    "response_page": "Response page",
    "age_days": "Age (days)",
}
# Words that keep their capitals in a header.
_KEEP = {"pcc": "PCC", "afi": "AFI", "ew": "E&W"}
_ids = itertools.count(1)
CSS = (
    "<style>.peel-say{margin:.4em 0 .8em 0;padding-left:1.2em}.peel-say li{margin:.2em 0}"
    ".peel-box{border:2px solid #1f4e79;border-radius:6px;padding:.6em 1.1em;margin:.6em 0 1.2em 0;"
    "background:#f7f9fc}.peel-box h3{margin:.7em 0 .3em 0;font-size:1.05em}.peel-box ul{margin:.2em 0}"
    ".peel-flag{color:#8a1c1c;font-weight:600}.peel-grade{padding:0 .35em;border-radius:3px}"
    "table.dataTable td,table.dataTable th{white-space:normal!important;vertical-align:top;text-align:left!important}"
    "table.dataTable td{max-width:40em;min-width:4em}"
    ".peel-quote{color:#444;font-style:italic}.peel-ev{display:inline}.peel-ev summary{display:inline;cursor:pointer;"
    "color:#1f4e79;font-size:.85em}.peel-ev[open]{display:block;margin:.2em 0 .3em 1em}</style>"
)


# Printing a report prints every table whole: before printing each interactive table shows all its rows (and
# its paging, search and buttons are hidden), after printing it goes back to the page it was on.
PRINT_WHOLE = (
    "<style>@media print{.dt-paging,.dt-search,.dt-buttons,.dt-length,.dt-info{display:none!important}}</style>"
    "<script>(function(){const key=Object.keys(window).find(k=>k.startsWith('_itables_'));"
    "const ready=m=>{window._peelDT=m&&m.jQuery};"
    "if(key){Promise.resolve(window[key]).then(ready)}"
    "else{window.addEventListener('load',()=>{const k=Object.keys(window).find(k=>k.startsWith('_itables_'));"
    "if(k)Promise.resolve(window[k]).then(ready)})}"
    "window.addEventListener('beforeprint',()=>{const $=window._peelDT;if(!$)return;"
    "document.querySelectorAll('table.dataTable').forEach(t=>{const dt=$(t).DataTable();"
    "t.dataset.peelLen=dt.page.len();dt.page.len(-1).draw(false)})});"
    "window.addEventListener('afterprint',()=>{const $=window._peelDT;if(!$)return;"
    "document.querySelectorAll('table.dataTable').forEach(t=>{if(t.dataset.peelLen)"
    "$(t).DataTable().page.len(+t.dataset.peelLen).draw(false)})})})();</script>"
)


def setup() -> None:
    """Embed the table library in the notebook (offline: no internet needed to read the report) and the
    report's styles. Call once, in the imports cell."""
    itables.init_notebook_mode(all_interactive=False, connected=False)
    display({"text/html": CSS + PRINT_WHOLE, "text/plain": ""}, raw=True)


def esc(value: object) -> str:
    """A value as escaped HTML text; blank for a missing value (no NaN, <NA> or None)."""
    return html.escape(text(value))


def text(value: object) -> str:
    """A value as plain text: blank when missing, whole numbers without ".0", other numbers as printed."""
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return ""
    return _present(value)


def _present(value: object) -> str:
    """``text`` of a value known not to be missing."""
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() else f"{value:g}"
    return str(value)


def _texts(values: pd.Series) -> list[str]:
    """``text`` of every value of a column, the missing ones found in one pass over the column."""
    missing = values.isna().to_numpy()
    return ["" if gone else _present(v) for v, gone in zip(values.tolist(), missing)]


def say(*lines: str) -> None:
    """Sentences in the report, one bullet each, escaped (a document's words show as text)."""
    lines = [s for s in lines if s]
    if not lines:
        return
    body = "".join(f"<li>{html.escape(s)}</li>" for s in lines)
    display(
        {"text/html": f"<ul class='peel-say'>{body}</ul>", "text/plain": "\n".join(f"- {s}" for s in lines)}, raw=True
    )


def heading(title: str, level: int = 1) -> None:
    """A heading made from data (the force's name), escaped."""
    display({"text/html": f"<h{level}>{html.escape(title)}</h{level}>", "text/plain": title}, raw=True)


def header(column: str) -> str:
    if column in HEADERS:
        return HEADERS[column]
    words = [_KEEP.get(w, w) for w in str(column).split("_")]
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def link(doc_id: object, page: object, label: str | None = None) -> str:
    """An escaped link to the evidence page of a document at its page ("" without a document)."""
    if doc_id is None or pd.isna(doc_id) or not str(doc_id):
        return esc(label or "")
    shown = label if label is not None else (f"p. {int(page)}" if page is not None and pd.notna(page) else "document")
    return f"<a href='{html.escape(evidence_href(str(doc_id), page))}'>{html.escape(shown)}</a>"


# The columns that link to an evidence page, with the column of the document they belong to: a finding's page
# and, beside it, the page of the Commissioner's response that answers it (the tracker).
LINKED = {"page": "doc_id", "response_page": "response_doc_id"}
NAMED = {"document": "doc_id", "response_document": "response_doc_id"}


def _cells(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(HTML cells, plain cells): every value escaped or blank; a ``page`` beside a ``doc_id`` becomes the
    link to the evidence (``response_page`` beside ``response_doc_id`` too), and ``doc_id`` is dropped when
    the document is named in another column (``document``, ``response_document``)."""
    shown = df.reset_index(drop=True)
    rich = pd.DataFrame(index=shown.index)
    plain = pd.DataFrame(index=shown.index)
    hidden = {ids for name, ids in NAMED.items() if name in shown.columns and ids in shown.columns}
    for col in shown.columns:
        if col in hidden:
            continue
        values = shown[col]
        texts = _texts(values)
        ids = NAMED.get(col) or LINKED.get(col)
        if col in NAMED and ids in shown.columns:
            rich[html.escape(header(col))] = [link(d, None, t) for d, t in zip(shown[ids], texts)]
        elif col in LINKED and ids in shown.columns:
            rich[html.escape(header(col))] = [link(d, p) if t else "" for d, p, t in zip(shown[ids], values, texts)]
        else:
            rich[html.escape(header(col))] = [html.escape(t) for t in texts]
        plain[header(col)] = [" ".join(t.split()) for t in texts]
    return rich, plain


def plain_table(plain: pd.DataFrame) -> str:
    """The table as text for the raw notebook and its checks: a header line, then a line a row, the cells
    separated by tabs (a cell's own white space is single spaces), as a spreadsheet pastes it. pandas' aligned
    text took longer than the interactive table itself on big tables."""
    lines = ["\t".join(plain.columns)]
    lines += ["\t".join(row) for row in zip(*(plain[c].tolist() for c in plain.columns))]
    return "\n".join(lines)


def table(df: pd.DataFrame, empty: str = "Nothing to show.", caption: str | None = None, page_length: int = 10) -> None:
    """An interactive table (search, sort, CSV button; offline), or the sentence ``empty`` when it has no rows.

    Headers in plain English, no index column, blanks for missing values, whole texts wrapped.
    """
    if df is None or df.empty:
        say(empty)
        return
    rich, plain = _cells(df)
    options = {
        "table_id": f"peel-table-{next(_ids)}",
        "allow_html": True,  # every cell is escaped by _cells; the only markup is the evidence links built there
        "showIndex": False,
        "buttons": ["csvHtml5"],
        "layout": {"topStart": "buttons", "topEnd": "search", "bottomStart": "info", "bottomEnd": "paging"},
        "classes": ["display", "compact", "cell-border"],
        "pageLength": page_length,
        "lengthMenu": [10, 25, 100, -1],
        "display_logo_when_loading": False,
        "maxBytes": 0,  # never downsample: every row of a report's table is shown
        "connected": False,
    }
    if caption:
        options["caption"] = caption
    body = itables.to_html_datatable(rich, **options)
    display({"text/html": body, "text/plain": plain_table(plain)}, raw=True)


def box(title: str, sections: Iterable[tuple[str, list[str]]]) -> None:
    """The summary box a report opens with: a title and sections of items (each item already escaped HTML
    built by the helpers of this package, or plain text passed through ``esc``)."""
    parts, plain = [f"<div class='peel-box'><h2>{html.escape(title)}</h2>"], [title]
    for name, items in sections:
        parts.append(f"<h3>{html.escape(name)}</h3><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
        plain += [name] + [f"- {strip_tags(i)}" for i in items]
    parts.append("</div>")
    display({"text/html": "".join(parts), "text/plain": "\n".join(plain)}, raw=True)


def strip_tags(fragment: str) -> str:
    """The text of an HTML fragment built here (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def quote(evidence: object) -> str:
    """A document's words, whole and escaped, in quotation marks ("" when there are none)."""
    words = " ".join(text(evidence).split())
    return f"<span class='peel-quote'>“{html.escape(words)}”</span>" if words else ""
