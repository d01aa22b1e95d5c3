"""peel-workbook: police inspection (PEEL) reports and PCC documents read into tidy, traceable tables.

Modules
- ``paths``: the project root and default folders.
- ``model``: one document model (pages of lines and tables) for every input format.
- ``readers``: PDF (pypdfium2 for text and ruled tables; pdfplumber on request), plain text, Markdown and e-mail.
- ``structure``: the section tree over a document's blocks (each block with the headings above it).
- ``classify``: document type, force, year, pillar, inspectorate, title, publication date.
- ``extract``: judgments, indicators, findings, PCC actions.
- ``tables``: the public column contract of ``outputs/data/``.
- ``pipeline``: one document end to end (the read stage, then the extract stage), and the whole run.
"""

__version__ = "0.1.0"

# Bump when an extractor changes what it returns: cached per-document results are keyed by it.
EXTRACTOR_VERSION = "6"
# Bump when a reader (lib/readers) changes the Document it returns: cached Documents are keyed by it. A change
# of the model's fields (lib/model.py) is noticed without a bump (``lib.doccache.model_shape``).
READER_VERSION = "1"
