"""The API page renders every module of the package, each once."""

from __future__ import annotations

import pkgutil
import re

import rnn_guide
from tools.paths import ROOT


def test_api_page_lists_every_module() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^\s*members: \[([^\]]*)\]", config, re.MULTILINE)
    assert match, "mkdocs.yml: mkdocstrings options need a `members: [...]` list of modules"
    listed = {name.strip() for name in match[1].split(",")}
    modules = {
        info.name
        for info in pkgutil.iter_modules(rnn_guide.__path__)
        if not info.name.startswith("_")
    }
    assert listed == modules, f"add to or remove from mkdocs.yml members: {listed ^ modules}"


def test_api_page_exists_in_both_languages() -> None:
    for lang in ("en", "zh"):
        text = (ROOT / "docs" / lang / "reference" / "api.md").read_text(encoding="utf-8")
        assert "\n::: rnn_guide\n" in text, lang
