"""The analysis layer: what the notebook templates import (selection, grades, figures, findings, corpus,
evidence, display). It reads the tidy tables only and never imports the run machinery (``lib.run``)."""
