"""Executed notebooks as HTML reports: nbconvert's HTML exporter with the ``peel`` template (JupyterLab's look,
offline), code and prompts hidden. Notebook workers only: nbconvert (jinja2 templates, mistune, pygments) is
heavy to import.

nbconvert's exporter ends by parsing the whole page again with BeautifulSoup's pure-Python parser, to give
every image the alt text "No description has been provided for this image" and every cell a tabindex: on a
force profile (2.4 MB of HTML) that pass is two thirds of the rendering. ``ReportExporter`` stops before it;
the ``peel`` template gives each image a real alt text instead (a chart's title, from its text form).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

TEMPLATES = Path(__file__).resolve().parent / "templates" / "nbconvert"


class ReportExporter(HTMLExporter):
    """``HTMLExporter.from_notebook_node`` without its closing BeautifulSoup pass (see the module's doc)."""

    def from_notebook_node(self, nb, resources=None, **kw):
        # As HTMLExporter.from_notebook_node, up to its call of the template exporter.
        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        highlight_code = self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
        resources = self._init_resources(resources)
        filter_data_type = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources)
        self.register_filter("highlight_code", highlight_code)
        self.register_filter("filter_data_type", filter_data_type)
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


_EXPORTER: list = []  # one exporter per process: building one loads its templates


def exporter(fast: bool = True) -> HTMLExporter:
    """The reports' exporter (``fast=False``: nbconvert's own, with its closing pass; for the tests)."""
    options = {
        "extra_template_basedirs": [str(TEMPLATES)],
        "template_name": "peel",  # lab, offline: no require.js or MathJax from a CDN
        "exclude_input": True,
        "exclude_input_prompt": True,
        "exclude_output_prompt": True,
    }
    if not fast:
        return HTMLExporter(**options)
    if not _EXPORTER:
        _EXPORTER.append(ReportExporter(**options))
    return _EXPORTER[0]


def render_html(notebook, target: Path, title: str) -> None:
    """The executed notebook (its path, or papermill's notebook in memory: not read back and validated again)
    as HTML for readers: code hidden, markdown, tables and charts shown."""
    nb = nbformat.read(notebook, as_version=4) if isinstance(notebook, (str, Path)) else notebook
    nb.metadata["title"] = title
    body, _ = exporter().from_notebook_node(nb)
    target.write_text(body, encoding="utf-8")
