"""The run's own HTML pages (evidence pages, the front page): jinja2 templates in ``lib/run/templates/`` with
autoescaping on, so text from documents is always text (jinja2 comes with nbconvert)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).resolve().parent / "templates"
ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"], default=True),
    trim_blocks=False,
    keep_trailing_newline=True,
)


def render(template: str, **context) -> str:
    return ENV.get_template(template).render(**context)


def write_atomic(path: Path, text: str) -> None:
    """Write a file whole or not at all (a temporary file renamed over it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def blank(value) -> str:
    """A cell as a person reads it: missing values blank, whole numbers without ".0"."""
    if value is None or value is pd.NA:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) >= 10000 else f"{value:g}"
    return str(value)


def document_label(doc: dict) -> str:
    """A document as a person names it: its title, with its date (published, else year)."""
    title = blank(doc.get("title")) or blank(doc.get("source")) or blank(doc.get("doc_id"))
    when = blank(doc.get("published")) or blank(doc.get("cycle")) or blank(doc.get("year"))
    return f"{title} ({when})" if when and when not in title else title
