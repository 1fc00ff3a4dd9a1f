"""MkDocs hooks: facts about the build that every page shows.

Registered in mkdocs.yml under ``hooks:``.
"""

from __future__ import annotations

import logging
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.fences import count_examples


class _InstantSwitcherFilter(logging.Filter):
    """Drop mkdocs-static-i18n's warning that its language links break instant loading.

    The warning predates Material's own fix: with ``navigation.instant`` Material looks
    the current page up in the other language's sitemap when a reader switches
    language, so the reader stays on the same page (the browser tests check this).
    Left in, the warning would fail every strict build.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "not compatible with theme.features = navigation.instant" not in record.getMessage()


logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(
    _InstantSwitcherFilter()
)


def on_config(config: Any) -> Any:
    """Record the torch version and the example count for the page footer stamp."""
    try:
        torch_version = version("torch").split("+")[0]
    except PackageNotFoundError:  # a docs-only environment without torch
        torch_version = "not installed"
    docs = Path(config["docs_dir"])
    config["extra"]["verified"] = {
        "torch": torch_version,
        "examples": {lang: count_examples(docs, lang) for lang in ("en", "zh")},
    }
    return config
