"""tools/template_cache_hook.py: templates compiled by one build are reused by the next."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from jinja2 import Environment, FileSystemLoader

from tools.template_cache_hook import keep_compiled, on_env, on_pre_build


def _environment(templates: Path) -> Environment:
    return Environment(loader=FileSystemLoader(str(templates)), autoescape=True)


def _no_compiling(source: Any, *args: Any, **kwargs: Any) -> Any:
    raise AssertionError("compiled again")


def test_a_second_environment_loads_compiled_code_instead_of_compiling(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    cache = tmp_path / "cache"

    first = _environment(templates)
    keep_compiled(first, "theme", cache)
    assert first.get_template("page.html").render(title="a < b") == "<h1>a &lt; b</h1>"
    assert list((cache / "theme").iterdir())

    second = _environment(templates)
    keep_compiled(second, "theme", cache)
    second.compile = _no_compiling  # type: ignore[method-assign]
    assert second.get_template("page.html").render(title="RNN") == "<h1>RNN</h1>"


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    page = templates / "page.html"
    page.write_text("old {{ x }}", encoding="utf-8")
    cache = tmp_path / "cache"
    first = _environment(templates)
    keep_compiled(first, "theme", cache)
    assert first.get_template("page.html").render(x=1) == "old 1"

    page.write_text("new {{ x }}", encoding="utf-8")
    unchanged = _environment(templates)
    keep_compiled(unchanged, "theme", cache)
    unchanged.compile = _no_compiling  # type: ignore[method-assign]
    with pytest.raises(AssertionError, match="compiled again"):
        unchanged.get_template("page.html")
    second = _environment(templates)
    keep_compiled(second, "theme", cache)
    assert second.get_template("page.html").render(x=2) == "new 2"


def test_the_hook_reaches_the_theme_and_mkdocstrings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RNN_GUIDE_CACHE_DIR", str(tmp_path))
    handler = SimpleNamespace(env=Environment())
    plugin = SimpleNamespace(get_handler=lambda name: handler if name == "python" else None)
    config = SimpleNamespace(plugins={"mkdocstrings": plugin})
    on_pre_build(config)
    theme = Environment()
    assert on_env(theme, config, None) is theme
    assert handler.env.bytecode_cache is not None
    assert theme.bytecode_cache is not None
    assert {path.name for path in (tmp_path / "jinja").iterdir()} == {
        "mkdocstrings-python",
        "theme",
    }
