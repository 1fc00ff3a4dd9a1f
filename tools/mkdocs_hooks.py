"""MkDocs hook: the footer stamp of every page (adds content).

``on_config`` puts the torch version and the number of code examples per language into
``config.extra.verified``; overrides/main.html prints them under every page.
Registered in mkdocs.yml under ``hooks:``.
"""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.fences import count_examples

# Counted once per loading of this hook, which MkDocs does for every site build (and
# every rebuild of `mkdocs serve`), not again when mkdocs-static-i18n runs on_config for
# the next language.
_EXAMPLES: dict[str, dict[str, int]] = {}


def on_config(config: Any) -> Any:
    """Record the torch version and the example count for the page footer stamp."""
    try:
        torch_version = version("torch").split("+")[0]
    except PackageNotFoundError:  # a docs-only environment without torch
        torch_version = "not installed"
    docs = config["docs_dir"]
    if docs not in _EXAMPLES:
        _EXAMPLES[docs] = {lang: count_examples(Path(docs), lang) for lang in ("en", "zh")}
    config["extra"]["verified"] = {"torch": torch_version, "examples": _EXAMPLES[docs]}
    return config
