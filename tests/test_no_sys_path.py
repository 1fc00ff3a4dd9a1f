"""No Python file of the project changes ``sys.path``.

Scripts run as modules from the project root (``python -m tools.contrib.new_page``,
``python -m benchmarks.run``), where Python puts the current directory on ``sys.path``;
pytest imports the tests from the root (its rootdir conftest.py); MkDocs loads the hooks
by file path, and they import nothing of the project. This test reads every ``.py``
file with ``ast`` and fails on ``sys.path.insert``, ``.append``, ``.extend``, an
assignment to ``sys.path`` or to a slice or item of it, and ``sys.path +=``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tools.paths import ROOT

# What is not the project's own code: folders at the root (the built site among them;
# tools/site/ is the project's), and folders anywhere.
OUTSIDE_AT_ROOT = {".venv", "site", ".git", ".cache"}
OUTSIDE = {"node_modules", "__pycache__"}


def _python_files() -> list[Path]:
    return sorted(
        path
        for path in ROOT.rglob("*.py")
        if (parts := path.relative_to(ROOT).parts)[0] not in OUTSIDE_AT_ROOT
        and not OUTSIDE.intersection(parts)
    )


def _is_sys_path(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "path"
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
    )


def changes(source: str) -> list[int]:
    """The lines of ``source`` that change ``sys.path``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"insert", "append", "extend"}
            and _is_sys_path(node.func.value)
        ):
            found.append(node.lineno)
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            if _is_sys_path(target) or (
                isinstance(target, ast.Subscript) and _is_sys_path(target.value)
            ):
                found.append(node.lineno)
    return sorted(found)


def test_no_file_changes_sys_path() -> None:
    seen = [
        f"{path.relative_to(ROOT).as_posix()}:{line}"
        for path in _python_files()
        for line in changes(path.read_text(encoding="utf-8"))
    ]
    assert not seen, "sys.path changed (run the script as a module instead):\n" + "\n".join(seen)


def test_the_scan_reads_the_whole_project() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in _python_files()}
    expected = {"conftest.py", "tools/paths.py", "tools/site/stamp_hook.py", "benchmarks/run.py"}
    assert expected <= names
    assert not any(name.startswith(".venv/") for name in names)


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("import sys\nsys.path.insert(0, '.')", [2]),
        ("import sys\nsys.path.append('x')", [2]),
        ("import sys\nsys.path.extend(['x'])", [2]),
        ("import sys\nsys.path[:0] = ['x']", [2]),
        ("import sys\nsys.path[0] = 'x'", [2]),
        ("import sys\nsys.path = ['x']", [2]),
        ("import sys\nsys.path += ['x']", [2]),
        ('"""Adding to sys.path.insert is not done here."""', []),
        ("import sys\nfirst = sys.path[0]\nold = sys.path.copy()", []),
        ("path = []\npath.insert(0, 'x')", []),
    ],
)
def test_the_scan_sees_each_way_to_change_sys_path(source: str, lines: list[int]) -> None:
    assert changes(source) == lines
