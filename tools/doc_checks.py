"""Checks that keep the doc suite honest.

- Fence accounting: a block that looks like Python but that Sybil would not collect
  (``py``, ``pycon``, ``python title=...``, ``{.python}``, untagged ``>>>``) is an error,
  and so is a ``python`` block for which Sybil yields no example.
- Skip directives must carry a reason.
- Twins: every English page has a Chinese page at the same path whose Python code is
  the same, block for block (prose is translated, code is not). Notebooks likewise,
  cell for cell.

Each check returns every problem it finds as ``docs/...:LINE: message`` strings, so a
failing test lists all of them at once.
"""

from __future__ import annotations

import re
from pathlib import Path

from tools.doc_suite import page_parsers
from tools.fences import DOCS, ROOT, blocks, notebook_code, pages, skip_directives

# `next "reason"`, or Sybil's conditional form `next if(condition, reason="reason")`.
_REASONED_SKIP = re.compile(
    r"""^(?:next|start)\s+(?:(?P<q>["']).*\S.*(?P=q)"""
    r"""|if\s*\(.*\breason\s*=\s*(?P<r>["']).*\S.*(?P=r)\s*\))\s*$"""
)


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def _collected_lines(path: Path) -> list[int]:
    """Lines where Sybil finds an example in this page, with the suite's own parsers."""
    from sybil.document import Document

    document = Document.parse(str(path), *page_parsers())
    return [example.line for example in document.examples()]


def fence_problems(docs: Path = DOCS) -> list[str]:
    """Python-looking blocks that the doc suite would not run."""
    problems = []
    for page in pages(docs=docs):
        collected = _collected_lines(page)
        for block in blocks(page):
            if not block.looks_like_python:
                continue
            if not block.is_python:
                problems.append(
                    f"{block.where()}: code block tagged {block.info or '(nothing)'!r} looks like "
                    "Python but is not run; tag it exactly ```python (no title or options)"
                )
            elif not any(block.line <= line <= block.end for line in collected):
                problems.append(
                    f"{block.where()}: python block yields no example; is it empty or malformed?"
                )
    return problems


def skip_problems(docs: Path = DOCS) -> list[str]:
    """Skip directives without a reason."""
    problems = []
    for page in pages(docs=docs):
        for line, args in skip_directives(page):
            if args.strip() == "end" or _REASONED_SKIP.match(args.strip()):
                continue
            problems.append(
                f"{_rel(page)}:{line}: skip directive {args!r} has no reason; "
                'write <!-- skip: next "why this example cannot run here" -->'
            )
    return problems


def _python_blocks(path: Path) -> list[tuple[int, str]]:
    return [(block.line, block.code.strip()) for block in blocks(path) if block.is_python]


def twin_problems(docs: Path = DOCS) -> list[str]:
    """Missing translations and code that differs between a page and its twin."""
    problems = []
    en_root, zh_root = docs / "en", docs / "zh"
    sources = sorted(
        p
        for pattern in ("*.md", "*.ipynb")
        for p in en_root.rglob(pattern)
        if ".ipynb_checkpoints" not in p.parts
    )
    for en in sources:
        zh = zh_root / en.relative_to(en_root)
        if not zh.exists():
            problems.append(f"{_rel(zh)}: missing; every English page needs a Chinese twin")
            continue
        if en.suffix == ".ipynb":
            en_cells, zh_cells = notebook_code(en), notebook_code(zh)
            if en_cells != zh_cells:
                first = next(
                    (i for i, (a, b) in enumerate(zip(en_cells, zh_cells, strict=False)) if a != b),
                    min(len(en_cells), len(zh_cells)),
                )
                problems.append(
                    f"{_rel(zh)}: code cells differ from {_rel(en)} from code cell {first + 1} on "
                    f"({len(en_cells)} vs {len(zh_cells)} code cells)"
                )
            continue
        en_code, zh_code = _python_blocks(en), _python_blocks(zh)
        for index, (a, b) in enumerate(zip(en_code, zh_code, strict=False)):
            if a[1] != b[1]:
                problems.append(
                    f"{_rel(zh)}:{b[0]}: python block {index + 1} differs from {_rel(en)}:{a[0]}"
                )
        if len(en_code) != len(zh_code):
            problems.append(
                f"{_rel(zh)}: {len(zh_code)} python blocks, but {_rel(en)} has {len(en_code)}"
            )
    for zh in sorted(p for pattern in ("*.md", "*.ipynb") for p in zh_root.rglob(pattern)):
        if not (en_root / zh.relative_to(zh_root)).exists():
            problems.append(f"{_rel(zh)}: has no English original at the same path")
    return problems
