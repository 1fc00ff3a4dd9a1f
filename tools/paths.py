"""Where things are in the project: the one place that knows the folder layout.

Every tool, benchmark and test takes its paths from here (the site's hooks excepted:
MkDocs loads them by file path, and they get their paths from the MkDocs config).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The pages and what the build makes of them.
DOCS = ROOT / "docs"
JS = DOCS / "assets" / "js"
OVERRIDES = ROOT / "overrides"
SITE = ROOT / "site"
MKDOCS_YML = ROOT / "mkdocs.yml"
MKDOCS_PREVIEW_YML = ROOT / "mkdocs.preview.yml"  # `make serve`: mkdocs.yml and the preview hook
INCLUDES = ROOT / "includes"  # page parts the pages include (pymdownx.snippets)

# The package and its project files.
PACKAGE = ROOT / "rnn_guide"
PYPROJECT = ROOT / "pyproject.toml"
CONSTRAINTS = ROOT / "constraints.txt"
WORKFLOWS = ROOT / ".github" / "workflows"

# Data the pages and the build read.
DATA = ROOT / "data"
GLOSSARY = DATA / "glossary.yml"
SEARCH_WORDS = DATA / "search"

# The tests and their data.
TESTS = ROOT / "tests"
TEST_DATA = TESTS / "data"

# The tools' own files.
TOOLS = ROOT / "tools"
TEMPLATES = TOOLS / "contrib" / "templates"

# Measurements of the project (`make bench`) and what they write.
BENCHMARKS = ROOT / "benchmarks"
RESULTS = BENCHMARKS / "results"


def served_folder(page: Path) -> Path:
    """The folder a Markdown page is served as, for resolving addresses written in it.

    MkDocs serves ``explanation/x.md`` as ``explanation/x/`` and ``tutorials/index.md`` as
    ``tutorials/``; it leaves raw HTML as written, so a browser resolves an address in it
    from there.

    >>> served_folder(Path("docs/en/explanation/x.md")).as_posix()
    'docs/en/explanation/x'
    >>> served_folder(Path("docs/en/tutorials/index.md")).as_posix()
    'docs/en/tutorials'
    """
    return page.parent if page.name == "index.md" else page.parent / page.stem
