"""MkDocs hook: the footer stamp of every page (adds content).

``on_config`` puts what `make test` ran and passed (torch, Python, the number of code
examples per language) into ``config.extra.verified``, or None when this build did not
follow a passing `make test`; overrides/main.html prints it under every page.
Registered in mkdocs.yml under ``hooks:``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.fences import count_examples
from tools.test_record import stamp

# Counted once per site build (MkDocs loads the hook again for each), not per language.
_EXAMPLES: dict[str, dict[str, int]] = {}


def on_config(config: Any) -> Any:
    """The stamp: what `make test` ran and passed before this build (tools/test_record)."""
    docs = config["docs_dir"]
    if docs not in _EXAMPLES:
        _EXAMPLES[docs] = {lang: count_examples(Path(docs), lang) for lang in ("en", "zh")}
    config["extra"]["verified"] = stamp(_EXAMPLES[docs])
    return config
