# rnn-guide: `make serve` to preview the site, `make test` to run every check.
# Both create .venv and install the pinned toolchain into it when needed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Run the doc suite on every core; files stay whole so a page keeps one namespace.
PYTEST_ARGS ?= -n auto --dist loadfile

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help setup serve build test lint types unit clean

help:  ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# The virtual environment is rebuilt only when the dependencies change.
$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
	  { echo "rnn-guide needs Python >= 3.10; set PYTHON=/path/to/python3.x"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)  ## Create .venv and install everything (done by the other targets too).

serve: $(STAMP)  ## Serve the site with live reload on http://127.0.0.1:8000/.
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)  ## Build the static site into site/ (strict: broken links fail).
	$(BIN)/mkdocs build --strict

lint: $(STAMP)  ## ruff: lint and format check.
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(STAMP)  ## mypy --strict on the package.
	$(BIN)/mypy

unit: $(STAMP)  ## Only the pytest suite (tests, doc examples, docstrings).
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test: $(STAMP)  ## Every check: lint, types, strict build, tests and every doc example.
	$(MAKE) --no-print-directory lint types build
	RNN_GUIDE_SITE_DIR=$(CURDIR)/site $(BIN)/python -m pytest $(PYTEST_ARGS)

clean:  ## Remove the built site and caches (keeps .venv).
	rm -rf site .pytest_cache .mypy_cache .ruff_cache .hypothesis
