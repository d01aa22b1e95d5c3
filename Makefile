# peel-workbook. Quick start on a fresh machine (Python 3.11 and make): `make run`, then `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEEDS ?= seeds
OUT ?= outputs
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FORCES ?=
REBUILD ?=
REPORT ?= $(firstword $(wildcard $(SEEDS)/000_*))
PIP_QUIET := --quiet --disable-pip-version-check

.PHONY: run test lint format lab report bench venv clean help

help:
	@echo "make run    set up, then run the whole pipeline on SEEDS=$(SEEDS) into OUT=$(OUT) (JOBS, FORCES, REBUILD=1)"
	@echo "make test   set up if needed, then run every test (pytest on lib/, nbval on notebooks/)"
	@echo "make lint   ruff check and ruff format --check over the tree; notebooks in sync with their .py pairs"
	@echo "make format ruff format and ruff check --fix; jupytext --sync of the notebook pairs"
	@echo "make lab    JupyterLab with the project's kernel"
	@echo "make report REPORT=<file>   render the extract-one-report notebook for one document"
	@echo "make bench  benchmark on a synthetic corpus of the 43 forces"

venv: $(STAMP)

# The environment: a venv installed with pip from requirements.txt (the list environment.yml gives conda).
$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "setting up $(VENV) (pip install -r requirements.txt) ..."
	@$(BIN)/python -m pip install $(PIP_QUIET) -r requirements.txt 2>&1 | grep -v "is ignored: it is neither" || true
	@$(BIN)/python -m pip install $(PIP_QUIET) --no-deps -e . --config-settings editable_mode=compat 2>&1 | grep -v "is ignored: it is neither" || true
	@cd "$$(mktemp -d)" && $(CURDIR)/$(BIN)/python -c "import lib; assert lib.__file__, lib.__path__; import pandas, pdfplumber, papermill, nbval, seaborn, dask.distributed" || { echo "set-up failed: see the pip output above"; exit 1; }
	@$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (peel-workbook)" > /dev/null
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m lib run --seeds "$(SEEDS)" --out "$(OUT)" --jobs $(JOBS) $(if $(REBUILD),--rebuild) $(if $(FORCES),--forces "$(FORCES)")

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_habits.py

format: $(STAMP)
	$(BIN)/jupytext --sync notebooks/*.ipynb
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/jupytext --sync notebooks/*.py

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks

report: $(STAMP)
	$(BIN)/python -m lib report "$(REPORT)" --out "$(OUT)"

bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench --out "$(OUT)/bench"

clean:
	rm -rf $(OUT)/data $(OUT)/notebooks $(OUT)/reports $(OUT)/run.log $(OUT)/current $(OUT)/.runs $(OUT)/.cache $(OUT)/bench
