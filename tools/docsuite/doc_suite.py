"""How the doc examples run: Sybil parsers and evaluators for pages and docstrings.

``conftest.py`` turns these into pytest items; the fix-examples tool reuses the same
parsers so that it rewrites exactly what the suite checks.
"""

from __future__ import annotations

import ast
import doctest
import os
import random
from pathlib import Path
from typing import Any

from sybil import Example, Sybil
from sybil.evaluators.python import PythonEvaluator, pad
from sybil.parsers.markdown import ClearNamespaceParser, PythonCodeBlockParser, SkipParser
from sybil.parsers.markdown.codeblock import CodeBlockParser
from sybil.parsers.rest import DocTestParser

from tools.paths import DOCS, PACKAGE, ROOT

# Doctest output may elide with "..." and wrap freely; nothing else is loosened.
DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


_OPERATORS: dict[type[ast.cmpop], str] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
}
_EXPLAIN = "__rnn_guide_explain__"
_LEFT, _RIGHT = "__rnn_guide_left__", "__rnn_guide_right__"


def _shown(value: object, limit: int = 400) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _explain(message: object, left: object, operator: str, right: object) -> str:
    """The text of a failing comparison: ``assert 1 == 3`` (and the block's own message)."""
    text = f"assert {_shown(left)} {operator} {_shown(right)}"
    return text if message is None else f"{message}\n{text}"


class _ExplainAsserts(ast.NodeTransformer):
    """Turn ``assert a == b, msg`` into code that reports the values of ``a`` and ``b``.

    Each side is evaluated once, in order, as the plain ``assert`` would. Any other
    assert keeps its semantics and gets its own source text as message.
    """

    def __init__(self, source: str) -> None:
        self.source = source

    def visit_Assert(self, node: ast.Assert) -> Any:
        test = node.test
        if not (
            isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in _OPERATORS
        ):
            if node.msg is None:
                text = ast.get_source_segment(self.source, test) or ast.unparse(test)
                node.msg = ast.Constant(f"assert {text}")
            return node
        message = node.msg if node.msg is not None else ast.Constant(None)
        raise_ = ast.Raise(
            exc=ast.Call(
                func=ast.Name("AssertionError", ast.Load()),
                args=[
                    ast.Call(
                        func=ast.Name(_EXPLAIN, ast.Load()),
                        args=[
                            message,
                            ast.Name(_LEFT, ast.Load()),
                            ast.Constant(_OPERATORS[type(test.ops[0])]),
                            ast.Name(_RIGHT, ast.Load()),
                        ],
                        keywords=[],
                    )
                ],
                keywords=[],
            )
        )
        compare = ast.Compare(ast.Name(_LEFT, ast.Load()), test.ops, [ast.Name(_RIGHT, ast.Load())])
        statements: list[ast.stmt] = [
            ast.Assign([ast.Name(_LEFT, ast.Store())], test.left),
            ast.Assign([ast.Name(_RIGHT, ast.Store())], test.comparators[0]),
            ast.If(ast.UnaryOp(ast.Not(), compare), [raise_], []),
            ast.Delete([ast.Name(_LEFT, ast.Del()), ast.Name(_RIGHT, ast.Del())]),
        ]
        for statement in statements:
            for child in ast.walk(statement):
                if not hasattr(child, "lineno"):
                    ast.copy_location(child, node)  # only where the node type has positions
        return statements


class ExplainingEvaluator(PythonEvaluator):
    """Run a code block so that a failing ``assert x == y`` reports the values of both sides.

    A contributor then reads ``assert 1 == 3`` at the block's line, as in a test file,
    instead of a bare ``AssertionError``. Only the standard library's ``ast`` is used.
    """

    def __call__(self, example: Example) -> None:
        __tracebackhide__ = True
        source = pad(example.parsed, example.line + example.parsed.line_offset)
        tree = _ExplainAsserts(source).visit(ast.parse(source, filename=example.path))
        ast.fix_missing_locations(tree)
        code = compile(tree, example.path, "exec", flags=self.flags, dont_inherit=True)
        example.namespace[_EXPLAIN] = _explain
        try:
            exec(code, example.namespace)
        finally:
            example.namespace.pop(_EXPLAIN, None)
            example.namespace.pop("__builtins__", None)


class PagePythonParser(PythonCodeBlockParser):
    """``python`` fences: doctests (``>>>``), or plain code whose failed asserts show values."""

    def __init__(self) -> None:
        super().__init__(doctest_optionflags=DOCTEST_FLAGS)
        self.codeblock_parser = CodeBlockParser("python", ExplainingEvaluator())


# The seed every page and docstring starts from. `make test` runs the examples a second
# time with another one: an example right under one seed only fails there.
SEED = int(os.environ.get("RNN_GUIDE_DOC_SEED", "0"))
# Which run of the examples this is: `make test` runs them as they are ("", the default),
# then as on another machine ("portability") and under another seed ("reseeded").
RUN = os.environ.get("RNN_GUIDE_DOC_RUN", "")
RUN_ADVICE = {
    "portability": (
        "This example passes on this CPU but not with the CPU kernels forced to another "
        "instruction set (MKL_ENABLE_INSTRUCTIONS=AVX2, ATEN_CPU_CAPABILITY=default) or with "
        "two threads: a float result that differs in the last bits. Compare with "
        "torch.allclose / torch.testing.assert_close and state the tolerance; keep "
        "torch.equal for values copied, sliced or viewed (see CONTRIBUTING.md)."
    ),
    "reseeded": (
        "This example is right only under the seed the pages start from (the run used "
        "RNN_GUIDE_DOC_SEED={seed}, PYTHONHASHSEED={hashseed}): it prints or compares random "
        "values. Seed inside the page (`_ = torch.manual_seed(0)`, `random.seed(0)`) where the "
        "reader needs the same numbers, round what is printed, or state a claim that holds "
        "for any seed; sort a set before printing it."
    ),
}


def run_name() -> str:
    """The name of this run of the examples: "default", "portability" or "reseeded"."""
    return RUN or "default"


def run_advice() -> str:
    """What to do about an example that fails only in this run ("" in the default run)."""
    advice = RUN_ADVICE.get(RUN, "")
    return advice.format(seed=SEED, hashseed=os.environ.get("PYTHONHASHSEED", "random"))


# The thread count the run was started with (OMP_NUM_THREADS), restored for every page.
_THREADS: int | None = None


class PageLeftStateChanged(Exception):
    """A page or docstring left torch's (or Python's) global state changed for the next one."""


def global_state() -> dict[str, str]:
    """The process-wide settings an example can change, as text to compare and report."""
    import torch

    state = {
        "torch.get_default_dtype()": str(torch.get_default_dtype()),
        "torch.is_grad_enabled()": str(torch.is_grad_enabled()),
        "torch.is_inference_mode_enabled()": str(torch.is_inference_mode_enabled()),
        "torch.get_num_threads()": str(torch.get_num_threads()),
        "torch.are_deterministic_algorithms_enabled()": str(
            torch.are_deterministic_algorithms_enabled()
        ),
        "torch.is_anomaly_enabled()": str(torch.is_anomaly_enabled()),
        # How a tensor prints (torch.set_printoptions), read through its public behaviour.
        "str(torch.tensor([1 / 3, 12345.678]))": str(torch.tensor([1 / 3, 12345.678])),
    }
    try:
        import numpy
    except ImportError:
        return state
    state["numpy.get_printoptions()"] = str(sorted(numpy.get_printoptions().items()))
    return state


_BASELINE: dict[str, str] = {}


def fresh_state(namespace: dict[str, Any]) -> None:
    """Every page (and module's docstrings) starts from the same global state.

    Seeds torch, ``random`` and numpy with SEED; restores the default dtype (float32),
    grad mode, the thread count the run started with and the default print options.
    """
    global _THREADS
    import torch

    if _THREADS is None:
        _THREADS = torch.get_num_threads()
    torch.set_default_dtype(torch.float32)
    torch.set_grad_enabled(True)
    torch.set_num_threads(_THREADS)
    # Only when a page turned them on: the call imports torch._inductor (about 2 s a process).
    if torch.are_deterministic_algorithms_enabled():
        torch.use_deterministic_algorithms(False)
    torch.autograd.set_detect_anomaly(False)
    # torch.set_printoptions has no annotations (torch/_tensor_str.py).
    torch.set_printoptions(profile="default")  # type: ignore[no-untyped-call]
    torch.manual_seed(SEED)
    random.seed(SEED)
    try:
        import numpy
    except ImportError:
        pass
    else:
        numpy.random.seed(SEED)
        numpy.set_printoptions(**_NUMPY_PRINT_DEFAULTS)
    if not _BASELINE:
        _BASELINE.update(global_state())
    namespace["__name__"] = "__page__"


_NUMPY_PRINT_DEFAULTS: dict[str, Any] = {
    "edgeitems": 3,
    "threshold": 1000,
    "floatmode": "maxprec",
    "precision": 8,
    "suppress": False,
    "linewidth": 75,
    "nanstr": "nan",
    "infstr": "inf",
    "sign": "-",
    "formatter": None,
    "legacy": False,
}

# What a page calls to change each setting, to point at the line that did it.
_SETTERS = {
    "torch.get_default_dtype()": "set_default_dtype",
    "torch.is_grad_enabled()": "set_grad_enabled",
    "torch.is_inference_mode_enabled()": "inference_mode",
    "torch.get_num_threads()": "set_num_threads",
    "torch.are_deterministic_algorithms_enabled()": "use_deterministic_algorithms",
    "torch.is_anomaly_enabled()": "set_detect_anomaly",
    "str(torch.tensor([1 / 3, 12345.678]))": "set_printoptions",
    "numpy.get_printoptions()": "set_printoptions",
}


def _where_changed(path: str, setting: str) -> str:
    """``docs/x.md:LINE`` of the first call that changes `setting`, else the file alone."""
    try:
        shown = str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        shown = path
    setter = _SETTERS.get(setting, "")
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return shown
    for number, line in enumerate(lines, start=1):
        if setter and setter in line:
            return f"{shown}:{number}"
    return f"{shown}:1"


def check_state(path: str) -> None:
    """Raise PageLeftStateChanged when the examples of `path` changed a global setting."""
    now = global_state()
    changed = [key for key in _BASELINE if now.get(key) != _BASELINE[key]]
    if not changed:
        return
    details = "\n".join(
        f"{_where_changed(path, key)}: {key} is {now.get(key)!r} after this page, "
        f"was {_BASELINE[key]!r}"
        for key in changed
    )
    raise PageLeftStateChanged(
        f"{details}\nthe page leaves global state changed for the pages run after it; "
        "restore it before the page ends (e.g. in an invisible block), or use a context "
        "manager such as `with torch.no_grad():`"
    )


def page_parsers() -> list[Any]:
    return [PagePythonParser(), SkipParser(), ClearNamespaceParser()]


def page_sybil(path: Path | str = DOCS) -> Sybil:
    """The Sybil that runs every ``python`` example in the Markdown pages."""
    return Sybil(
        parsers=page_parsers(),
        path=str(path),
        patterns=["*.md"],
        setup=fresh_state,
        name="docs",
    )


def docstring_sybil(path: Path | str = PACKAGE) -> Sybil:
    """The Sybil that runs the ``Examples:`` of every docstring in the package."""
    return Sybil(
        parsers=[DocTestParser(optionflags=DOCTEST_FLAGS)],
        path=str(path),
        patterns=["*.py"],
        setup=fresh_state,
        name="docstrings",
    )
