# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
BENCH_STAMP := $(VENV)/.installed-bench
BINDIR ?= $(HOME)/.local/bin

.PHONY: run test lint bench bench-record schema install-user samples word-templates clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP) $@

run: $(STAMP)
	$(BIN)/ipu validate
	$(BIN)/ipu show KHM-60

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

$(BENCH_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $(STAMP) $@

# Synthetic 10,500-file base in a temporary folder; prints a table. bench-record also writes
# bench/results.md (the checkout is left unchanged otherwise).
bench: $(BENCH_STAMP)
	$(BIN)/python bench/run.py

bench-record: $(BENCH_STAMP)
	$(BIN)/python bench/run.py --record

lint: $(TEST_STAMP)
	$(BIN)/ruff check ipu_cli tests
	$(BIN)/ruff format --check ipu_cli tests

# `ipu` on the PATH without root: a link $(BINDIR)/ipu -> .venv/bin/ipu (BINDIR=... to choose).
install-user: $(STAMP)
	sh scripts/install-user.sh "$(CURDIR)/$(BIN)/ipu" "$(BINDIR)"

schema: $(STAMP)
	$(BIN)/ipu schema

# Sample decisions and a letter as Word, HTML, PDF and PNG pages in samples/ (git-ignored), to look
# at as a reader would. Needs LibreOffice (apt-get install libreoffice-writer-nogui) and poppler-utils.
samples: $(TEST_STAMP)
	$(BIN)/python scripts/samples.py

# Rebuild templates/decision.docx and templates/letter.docx (then restyle them in Word).
word-templates: $(STAMP)
	$(BIN)/python scripts/word_templates.py

clean:
	rm -rf $(VENV) .ipu-cache build *.egg-info samples
