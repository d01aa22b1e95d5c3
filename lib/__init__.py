"""peel-workbook: police inspection (PEEL) reports and PCC documents read into tidy, traceable tables.

Modules, in layers (a module imports its own layer or those below it; tests/test_run_layers.py checks it)
- words and model: ``vocab`` (every word of the reports: grades, pillars, areas, heads, bullets, months),
  ``model`` (one typed Document of blocks for every format), ``forces``, ``measures``, ``privacy``, ``paths``;
- ``readers``: a backend per format behind one protocol (``readers.backends``), each recovering the structure;
- classify: ``text``, ``structure`` (the section tree), ``titles``, ``classify`` (type, force, year, pillar...);
- ``extract``: judgments, indicators, findings, PCC actions, earlier grades, as rules over the blocks;
  ``checks``: each document against what it says of itself;
- tables: ``tables`` (the public column contract of ``outputs/data/``), ``doccache``, ``pipeline`` (the read
  stage, then the extract stage), ``tracker`` (findings joined to the Commissioners' responses);
- ``analysis``: what the notebooks import; ``run``: the batch, caches, notebooks, reports and front page.
"""

__version__ = "0.1.0"

# Bump when an extractor changes what it returns: cached per-document results are keyed by it.
EXTRACTOR_VERSION = "8"
# Bump when a reader (lib/readers) changes the Document it returns: cached Documents are keyed by it. A change
# of the model's fields (lib/model.py) is noticed without a bump (``lib.doccache.model_shape``).
READER_VERSION = "3"
