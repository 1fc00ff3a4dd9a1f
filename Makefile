# rnn-guide: `make serve` to preview the site, `make test` to run every check.
# Both create .venv and install the pinned toolchain into it when needed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Run the doc suite on every core; files stay whole so a page keeps one namespace.
PYTEST_ARGS ?= -n auto --dist loadfile

export NO_MKDOCS_2_WARNING := 1
# Only `make serve` builds one language; a full build ignores a locale left in the shell.
unexport RNN_GUIDE_PREVIEW_LOCALE
# The examples use tiny tensors: one thread per test worker is faster than two
# threads fighting over two cores (and gives the same numbers on every machine).
TEST_ENV := OMP_NUM_THREADS=1
# `make test` runs the doc and docstring examples twice more: as on another machine (the
# CPU kernels forced to AVX2 and to ATen's default ones, two threads) and under another
# seed (torch, random, numpy and str hashes). PAGE=docs/en/x.md runs one page.
PORTABILITY_ENV := MKL_ENABLE_INSTRUCTIONS=AVX2 ATEN_CPU_CAPABILITY=default OMP_NUM_THREADS=2 \
  RNN_GUIDE_DOC_RUN=portability
RESEEDED_ENV := OMP_NUM_THREADS=1 RNN_GUIDE_DOC_SEED=1 PYTHONHASHSEED=1 RNN_GUIDE_DOC_RUN=reseeded
DOC_EXAMPLES = $(or $(PAGE),docs rnn_guide)
# torch's CPU wheel from the PyTorch index alone, the rest from PyPI alone (CI sets
# TORCH_INDEX=https://download.pytorch.org/whl/cpu; empty: pip's own configuration).
TORCH_INDEX ?=
# `make test` builds the site once, for the address the browser tests serve it at
# (a project-pages sub-path), and the browser tests reuse that build.
TEST_SITE_PORT ?= 8765
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help setup serve build test test-site lint types unit clean portability reseeded workflows constraints

help:  ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# The virtual environment is rebuilt only when the dependencies change.
$(STAMP): pyproject.toml constraints.txt tools/site/cjk_breaks/pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
	  { echo "rnn-guide needs Python >= 3.10; set PYTHON=/path/to/python3.x"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(if $(TORCH_INDEX),$(BIN)/python -m pip install --quiet --disable-pip-version-check \
	  --no-deps --index-url $(TORCH_INDEX) -c constraints.txt torch)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e tools/site/cjk_breaks
	@touch $(STAMP)

setup: $(STAMP)  ## Create .venv and install everything (done by the other targets too).

# `make serve` previews one language and rebuilds only the saved page (`--dirty`), which
# shows an edit in about 0.8 s (benchmarks/README.md, Preview): LOCALE=en (the default) or
# LOCALE=zh (served at the root). It reads mkdocs.preview.yml: mkdocs.yml, plus a hook that
# keeps Material's templates compiled between rebuilds.
# Until the server restarts, such a rebuild leaves stale what the saved page does not hold:
# the navigation and other pages' links (a new page or title), the API pages (docstrings),
# pages that include a changed file (includes/, benchmarks/results/), and the notebook; the
# language menu leads nowhere, as the other language is not built. LOCALE=all serves both
# languages and rebuilds the whole site on every save (about 10 s): what `make build` makes.
# Strict mode is off in the preview: a dirty build always warns that it is one.
LOCALE ?= en
SERVE_ADDR ?= 127.0.0.1:8000
SERVE_LOCALE := $(value LOCALE)
PREVIEW = $(if $(filter all,$(SERVE_LOCALE)),,RNN_GUIDE_PREVIEW_LOCALE=$(SERVE_LOCALE))
PREVIEW_FLAGS = $(if $(filter all,$(SERVE_LOCALE)),,--dirty --no-strict)
serve: $(STAMP)  ## Preview with live reload on http://127.0.0.1:8000/ [LOCALE=en|zh|all].
	$(if $(filter-out 1,$(words $(SERVE_LOCALE)))$(filter-out en zh all,$(SERVE_LOCALE)),\
	  $(error LOCALE must be en, zh or all (make serve LOCALE=zh), not "$(SERVE_LOCALE)"))
	$(PREVIEW) $(BIN)/mkdocs serve -f mkdocs.preview.yml --dev-addr $(SERVE_ADDR) --livereload $(PREVIEW_FLAGS)

build: $(STAMP)  ## Build the static site into site/ (strict: broken links fail).
	$(BIN)/mkdocs build --strict

lint: $(STAMP)  ## ruff: lint and format check (package, tests, tools and the pages' Python).
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m tools.docsuite.lint_docs

types: $(STAMP)  ## mypy --strict on the package, the tools and the benchmarks.
	$(BIN)/mypy

workflows: $(STAMP)  ## zizmor on .github/workflows (pinned actions, permissions, credentials).
	$(BIN)/zizmor --offline --persona=pedantic .github/workflows

portability: $(STAMP)  ## Doc examples with AVX2/default CPU kernels, 2 threads [PAGE=docs/en/x.md].
	$(PORTABILITY_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS) $(DOC_EXAMPLES)

reseeded: $(STAMP)  ## Doc examples under another seed and hash seed [PAGE=docs/en/x.md].
	$(RESEEDED_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS) $(DOC_EXAMPLES)

unit: $(STAMP)  ## Only the pytest suite (tests, doc examples, docstrings).
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

test: $(STAMP)  ## Every check: lint, types, strict build, tests and every doc example.
	@rm -f "$$RNN_GUIDE_TEST_RECORD"  # what ran and passed, for the site's stamp (deploy.yml)
	$(MAKE) --no-print-directory lint workflows
	$(MAKE) --no-print-directory -j2 types test-site
	$(TEST_ENV) RNN_GUIDE_SITE_DIR=$(CURDIR)/site RNN_GUIDE_SITE_PORT=$(TEST_SITE_PORT) \
	  $(BIN)/python -m pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory portability reseeded PAGE=

# `make build` for the address the browser tests serve the site at; `make test` makes it
# while mypy runs (one core each).
test-site: export SITE_URL := http://127.0.0.1:$(TEST_SITE_PORT)/rnn-guide/
test-site: build

clean:  ## Remove the built site and caches (keeps .venv).
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache .hypothesis

# ============================================================== Benchmarks
# Measurements of the project itself, not part of `make test`: build time against a bare
# Material build, `make test` part by part with the doc suite's per-example overhead, how
# both grow with x1/x5/x10 copies of the docs, and one-by-one vs batched nn.RNN (written
# to benchmarks/results/batching.json and the batching page's tables), and the preview: a
# saved page to the new page being served. About 10 minutes on 2 cores;
# BENCH_ARGS=--quick for a smoke run.
.PHONY: bench
bench: $(STAMP)  ## Time the build and the tests, their growth, and batching (benchmarks/).
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# ============================================================== Contributing
# fix-examples rewrites wrong doctest output in place (PAGE=docs/en/x.md for one page);
# new-page writes a page and its twin from the skeleton of KIND and lists it in the nav.
.PHONY: fix-examples new-page
fix-examples: $(STAMP)  ## Rewrite wrong doctest output with what the code prints [PAGE=docs/en/x.md].
	$(BIN)/python -m tools.contrib.fix_examples $(PAGE)

# The values reach the tool through the environment, unexpanded ($(value ...)): a title
# with backticks, `$` or quotes is text, never a command.
new-page: export NEW_PAGE_KIND = $(value KIND)
new-page: export NEW_PAGE_PAGE = $(value PAGE)
new-page: export NEW_PAGE_TITLE = $(value TITLE)
new-page: export NEW_PAGE_TITLE_ZH = $(value TITLE_ZH)
new-page: export NEW_PAGE_DESCRIPTION = $(value DESCRIPTION)
new-page: export NEW_PAGE_DESCRIPTION_ZH = $(value DESCRIPTION_ZH)
new-page: $(STAMP)  ## New page + twin: KIND=how-to PAGE=how-to/name TITLE="..." [TITLE_ZH, DESCRIPTION].
	$(BIN)/python -m tools.contrib.new_page --from-environment

# constraints.txt pins every package .venv holds: after `pip install -U <pkg>` (or a new
# dependency in pyproject.toml), `make constraints` writes the pins again from .venv.
constraints: $(STAMP)  ## Rewrite constraints.txt from the packages installed in .venv.
	$(BIN)/python -m tools.contrib.constraints

# The Chinese search's words (data/search/): jieba's words that the pages use and the
# glossary's terms (data/glossary.yml). Run it after adding Chinese text or a term;
# tests/test_search_words.py fails while they are stale.
.PHONY: search-words
search-words: $(STAMP)  ## Rewrite the Chinese search's word lists (data/search/) from the pages.
	$(BIN)/python -m tools.site.search_words

# ============================================================== Figures
# The SVG figures in docs/<lang>/assets/figures/ are drawn by tools/figures/: wide and
# narrow, light and dark, per language. All are deterministic (tests/test_figures.py fails
# when a committed one is stale); the batching plot draws the committed
# benchmarks/results/batching.json that `make bench` writes.
.PHONY: figures
figures: $(STAMP)  ## Redraw the site's SVG figures (docs/<lang>/assets/figures/).
	$(BIN)/python -m tools.figures.draw

# The shape calculator's error messages (docs/assets/js/shape-messages.js) are written from
# rnn_guide's message table; tests/browser/test_calculator_strings.py fails when they are stale.
.PHONY: calculator-messages
calculator-messages: $(STAMP)  ## Rewrite the calculator's messages from rnn_guide/messages.
	$(BIN)/python -m tools.site.calculator_messages

# The calculator's page carries the markup shape-calculator.js makes (its form and the
# answer for the starting values, includes/calculator-<lang>.html), written by running the
# script in Chromium; tests/browser/calculator_markup_checks.py fails when it is stale.
.PHONY: calculator-markup
calculator-markup: $(STAMP)  ## Rewrite the calculator's markup (after changing shape-calculator.js).
	$(BIN)/python -m tools.site.calculator_markup

# The corpus of real RNN error messages (tests/data/error-corpus.json, raised by running
# each call) and the error atlas's generated parts (from rnn_guide/messages/explain.py);
# tests/test_error_corpus.py fails when either is stale.
.PHONY: error-atlas
error-atlas: $(STAMP)  ## Rewrite the error corpus and the error atlas's generated lists.
	$(BIN)/python -m tools.contrib.error_corpus
	$(BIN)/python -m tools.site.error_atlas
