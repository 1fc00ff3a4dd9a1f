"""No file of the project reaches into another package's private names.

Another package's private names (``_pytest``, ``plugin._cache``, ``from x import _helper``,
Material's plugin modules) change without notice, and the site or the test suite would
break silently on an upgrade. This test reads every Python file of the project with
``ast`` and the template overrides as text, and fails on:

- importing a module whose dotted path has a part starting with ``_`` (``_pytest``,
  ``torch.nn.modules._x``), or a name starting with ``_`` from another package;
- importing from a package's internals that are not its documented interface
  (``material.``, ``mkdocs_static_i18n.``, ``mkdocs_jupyter.``, ``mkdocstrings.``);
- reading or writing an attribute starting with ``_`` on anything but ``self``, ``cls``
  or one of the project's own modules (``jupyter._used_cache_paths``);
- ``._`` attribute access in a Jinja template override.

Exceptions are listed in ``ALLOWED`` with the reason each is safe.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tools.paths import ROOT

PROJECT = {"rnn_guide", "tools", "tests", "benchmarks", "conftest"}
SOURCES = ["rnn_guide", "tools", "tests", "benchmarks", "conftest.py"]
# Packages whose modules are their internals: only the names listed in ALLOWED are used.
INTERNAL = ("material", "mkdocs_static_i18n", "mkdocs_jupyter", "mkdocstrings")

# (file, what) -> why it is safe. ``what`` is the text ``problems`` reports.
_READ_THE_SOURCE = (
    "rnn_guide.source shows readers where nn.RNN's call goes in torch's own source (the "
    "'read the source' how-to); the private function is its subject, and tests/"
    "test_source.py fails the day torch moves it"
)
ALLOWED: dict[tuple[str, str], str] = {
    ("rnn_guide/source.py", "nn.Module._call_impl"): _READ_THE_SOURCE,
    ("tests/test_source.py", "nn.Module._call_impl"): _READ_THE_SOURCE,
    ("tests/test_source.py", "torch._VF"): _READ_THE_SOURCE,
    ("tools/site/notebook_files_hook.py", "from mkdocs_jupyter.plugin import NotebookFile"): (
        "the class mkdocs-jupyter itself wraps notebook files in, called as it calls it, "
        "to work around mkdocs-static-i18n issue 198 (see the hook's docstring)"
    ),
}


def _python_files() -> list[Path]:
    files: list[Path] = []
    for source in SOURCES:
        path = ROOT / source
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [f for f in files if ".venv" not in f.parts and "node_modules" not in f.parts]


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def problems(source: str) -> list[str]:
    """Every use of another package's private names in Python ``source``."""
    tree = ast.parse(source)
    own_modules = {"self", "cls"}
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top in PROJECT:
                    own_modules.add((alias.asname or alias.name).split(".")[0])
                elif any(_private(part) for part in alias.name.split(".")) or top in INTERNAL:
                    found.append(f"import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            top = node.module.split(".")[0]
            names = ", ".join(alias.name for alias in node.names)
            if top in PROJECT or top == "__future__":
                own_modules.update(alias.asname or alias.name for alias in node.names)
                continue
            if (
                any(_private(part) for part in node.module.split("."))
                or any(_private(alias.name) for alias in node.names)
                or top in INTERNAL
            ):
                found.append(f"from {node.module} import {names}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            base = node.value
            if isinstance(base, ast.Name) and base.id in own_modules:
                continue
            if (
                isinstance(base, ast.Attribute)
                and isinstance(base.value, ast.Name)
                and base.value.id in own_modules - {"self", "cls"}
            ):
                continue  # tools.x._y: the project's own module
            found.append(f"{ast.unparse(node)}")
    return found


def template_problems(text: str) -> list[str]:
    """``._name`` attribute access in a Jinja template."""
    return re.findall(r"\w+\._\w+", text)


def test_no_file_uses_another_packages_private_names() -> None:
    seen = []
    for path in _python_files():
        relative = path.relative_to(ROOT).as_posix()
        for what in problems(path.read_text(encoding="utf-8")):
            if (relative, what) not in ALLOWED:
                seen.append(f"{relative}: {what}")
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        for what in template_problems(path.read_text(encoding="utf-8")):
            seen.append(f"{path.relative_to(ROOT).as_posix()}: {what}")
    assert not seen, "private names of other packages (or add to ALLOWED, saying why):\n" + (
        "\n".join(seen)
    )


def test_every_allowed_use_still_exists() -> None:
    """An exception that is no longer needed is removed from ALLOWED."""
    for (relative, what), why in ALLOWED.items():
        assert why, relative
        assert what in problems((ROOT / relative).read_text(encoding="utf-8")), (relative, what)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from _pytest.monkeypatch import MonkeyPatch", ["from _pytest.monkeypatch import"]),
        ("import _pytest.capture", ["import _pytest.capture"]),
        ("from jieba import _get_abs_path", ["from jieba import _get_abs_path"]),
        ("from mkdocs_jupyter.plugin import _compute_cache_key", ["from mkdocs_jupyter"]),
        ("from material.plugins.search.plugin import Parser", ["from material.plugins"]),
        ("jupyter._used_cache_paths = set()", ["jupyter._used_cache_paths"]),
        ("x = config.plugins['i18n']._state", ["config.plugins['i18n']._state"]),
        ("self._cache = 1\nclass A:\n    def f(cls): cls._x = 2", []),
        ("from tools import measure_hook\nmeasure_hook._JOB = None", []),
        ("from __future__ import annotations\nx = a.__class__", []),
    ],
)
def test_the_scan_sees_private_names(source: str, expected: list[str]) -> None:
    found = problems(source)
    assert len(found) == len(expected), found
    for text, prefix in zip(found, expected, strict=True):
        assert text.startswith(prefix), (text, prefix)


def test_the_template_scan_sees_private_attributes() -> None:
    assert template_problems("{{ config.plugins.search._index }}") == ["search._index"]
    assert template_problems("{{ page.meta.description }}") == []
