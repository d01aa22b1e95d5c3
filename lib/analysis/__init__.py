"""The analysis layer: what the notebook templates import. It reads the tidy tables only and never imports the
run machinery (``lib.run``). Modules by subject:

- ``corpus``: the folders and tables (``load``, ``force_tables``, ``select_forces``, ``data_folder``, ``TABLES``);
- ``selection``: years, cycles, forces and years kept, documents named by title and date, ``slug``;
- ``areas``: one name, the framework's order and a theme per area; a pillar's question as its overall grade;
- ``grades``: latest grade by area, changes within a scale, grades outside the list;
- ``grid``: a grade grid a cycle (forces by areas), the change table over cycles, the heatmap's matrix;
- ``figures``: figures against England and Wales (ratios for rates, points for percents), directions, flags,
  outcome sets, the consistency of England and Wales figures, sources;
- ``findings``: areas for improvement, open findings, recurrence, themes, the Commissioner's response status;
- ``inventory``: each document and what was read from it, the checks;
- ``profile``: the force profile's summary box and headlines;
- ``evidence``: links to the evidence pages (``evidence_href``);
- ``display``: ``say``, ``table`` (itables, offline), ``box``: everything from documents escaped;
- ``charts``: matplotlib charts (imported only by templates that draw; the rest stays light); ``grade_charts``:
  the grade heatmap, a panel per grading scale;
- ``document``: one document for the extract-one-report template.

Nothing is imported here, so ``import lib.analysis.corpus`` costs no more than its own imports.
"""
