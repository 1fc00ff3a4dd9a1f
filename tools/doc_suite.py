"""How the doc examples run: Sybil parsers and evaluators for pages and docstrings.

``conftest.py`` turns these into pytest items; the fix-examples tool reuses the same
parsers so that it rewrites exactly what the suite checks.
"""

from __future__ import annotations

import ast
import doctest
from pathlib import Path
from typing import Any

from _pytest.assertion.rewrite import rewrite_asserts
from sybil import Example, Sybil
from sybil.evaluators.python import PythonEvaluator, pad
from sybil.parsers.markdown import ClearNamespaceParser, PythonCodeBlockParser, SkipParser
from sybil.parsers.markdown.codeblock import CodeBlockParser
from sybil.parsers.rest import DocTestParser

ROOT = Path(__file__).resolve().parent.parent

# Doctest output may elide with "..." and wrap freely; nothing else is loosened.
DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


class AssertRewritingEvaluator(PythonEvaluator):
    """Run a code block with pytest's assertion rewriting.

    A failing ``assert x == y`` in a page then reports the values of ``x`` and ``y``,
    as it would in a test file, instead of a bare ``AssertionError``.
    """

    def __call__(self, example: Example) -> None:
        __tracebackhide__ = True
        source = pad(example.parsed, example.line + example.parsed.line_offset)
        tree = ast.parse(source, filename=example.path)
        rewrite_asserts(tree, source.encode(), Path(example.path))
        code = compile(tree, example.path, "exec", flags=self.flags, dont_inherit=True)
        exec(code, example.namespace)
        example.namespace.pop("__builtins__", None)


class PagePythonParser(PythonCodeBlockParser):
    """``python`` fences: doctest blocks (``>>>``) or plain code run with rewritten asserts."""

    def __init__(self) -> None:
        super().__init__(doctest_optionflags=DOCTEST_FLAGS)
        self.codeblock_parser = CodeBlockParser("python", AssertRewritingEvaluator())


def _seed(namespace: dict[str, Any]) -> None:
    """Every page starts from the same random state, so its examples are deterministic."""
    import torch

    torch.manual_seed(0)
    namespace["__name__"] = "__page__"


def page_parsers() -> list[Any]:
    return [PagePythonParser(), SkipParser(), ClearNamespaceParser()]


def page_sybil(path: Path | str = ROOT / "docs") -> Sybil:
    """The Sybil that runs every ``python`` example in the Markdown pages."""
    return Sybil(
        parsers=page_parsers(),
        path=str(path),
        patterns=["*.md"],
        setup=_seed,
        name="docs",
    )


def docstring_sybil(path: Path | str = ROOT / "rnn_guide") -> Sybil:
    """The Sybil that runs the ``Examples:`` of every docstring in the package."""
    return Sybil(
        parsers=[DocTestParser(optionflags=DOCTEST_FLAGS)],
        path=str(path),
        patterns=["*.py"],
        setup=_seed,
        name="docstrings",
    )
