"""Run ruff on the Python in the Markdown pages, reporting docs/...md:LINE.

    python -m tools.docsuite.lint_docs               # every page under docs/
    python -m tools.docsuite.lint_docs docs/en/x.md  # some pages

Each page's ``python`` blocks (and invisible code blocks) are joined, in order, into
one Python file, since a page is one namespace: a name defined in one block is used in
the next. For doctest blocks only the ``>>>`` / ``...`` source lines are kept. ruff
reads the project's configuration, including the ``docs/**`` per-file ignores, and
each finding is mapped back to the page's own line. Used by ``make lint`` and the
pre-commit hook. Exit status: 0 when clean, 1 with findings.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tools.docsuite.fences import blocks
from tools.paths import DOCS, ROOT

# Rules that contradict how a page is written: bare expressions that show a value,
# imports placed where the text needs them, unpacked values named for the reader.
PAGE_STYLE = ("I001", "B015", "B018", "B007", "RUF059")


def page_python(path: Path) -> tuple[str, list[tuple[int, int]]]:
    """The page's Python as one file, and where each of its lines is: (line, column shift)."""
    page_lines = path.read_text(encoding="utf-8").splitlines()
    code: list[str] = []
    where: list[tuple[int, int]] = []
    for block in blocks(path):
        if not block.is_python:
            continue
        lines = block.code.splitlines()
        doctest = any(line.startswith(">>>") for line in lines)
        for offset, line in enumerate(lines, start=block.line + 1):
            if doctest:
                if line.startswith((">>> ", "... ")):
                    line = line[4:]
                elif line in (">>>", "..."):
                    line = ""
                else:
                    continue  # expected output
            code.append(line)
            original = page_lines[offset - 1] if offset <= len(page_lines) else ""
            # The fence's indentation (or quote) and the ">>> " prompt come before the code.
            shift = original.find(line) if line.strip() and line in original else 0
            where.append((offset, shift))
    return "".join(f"{line}\n" for line in code), where


def _ruff() -> list[str]:
    beside = Path(sys.executable).parent / "ruff"
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "ruff"]


def lint_page(path: Path) -> list[str]:
    """ruff's findings for one page, as ``docs/...md:LINE:COL: CODE message``."""
    source, where = page_python(path)
    if not source.strip():
        return []
    try:
        shown = path.resolve().relative_to(ROOT)
    except ValueError:
        shown = path
    result = subprocess.run(
        [
            *_ruff(),
            "check",
            "--output-format=json",
            "--no-fix",
            # A page shows values with bare expressions (`>>> a == b`), imports where the
            # text needs them and names every returned value; these rules flag that.
            "--extend-ignore",
            ",".join(PAGE_STYLE),
            "--stdin-filename",
            f"{shown}.py",  # matches the docs/** per-file ignores of pyproject.toml
            "-",
        ],
        input=source,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if result.returncode not in (0, 1):
        return [f"{shown}: ruff failed: {result.stderr.strip()}"]
    problems = []
    for finding in json.loads(result.stdout or "[]"):
        row = finding["location"]["row"]
        line, shift = where[row - 1] if 0 < row <= len(where) else (0, 0)
        column = finding["location"]["column"] + shift
        problems.append(f"{shown}:{line}:{column}: {finding['code']} {finding['message']}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Lint the given pages (default: every page); print each finding."""
    arguments = [Path(a) for a in (sys.argv[1:] if argv is None else argv)] or [DOCS]
    pages: list[Path] = []
    for target in arguments:
        pages += sorted(target.rglob("*.md")) if target.is_dir() else [target]
    problems = [problem for page in pages for problem in lint_page(page)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"lint-docs: {len(problems)} finding(s) in the pages' Python")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
