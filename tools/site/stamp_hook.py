"""MkDocs hook: the footer stamp of every page (adds content).

``config.extra.verified`` (printed by overrides/main.html): what the three runs of
`make test` passed, read from the record conftest.py writes to $RNN_GUIDE_TEST_RECORD.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

RUNS, LANGS = ("default", "portability", "reseeded"), ("en", "zh")


def stamp(path: str | None = None) -> dict[str, Any] | None:
    """Torch, Python and per language the fewest examples a run passed; None without all runs."""
    target = os.environ.get("RNN_GUIDE_TEST_RECORD", "") if path is None else path
    try:
        record = json.loads(Path(target).read_text(encoding="utf-8")) if target else {}
        ran = {run["run"]: run["examples"] for run in record["runs"]}
        counts = {lang: [ran[run][lang] for run in RUNS] for lang in LANGS}
        versions = {"torch": record["torch"], "python": record["python"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    valid = all(type(n) is int and n >= 0 for ns in counts.values() for n in ns)
    if not valid or not all(isinstance(v, str) for v in versions.values()):
        return None
    return {**versions, "examples": {lang: min(ns) for lang, ns in counts.items()}}


def on_config(config: Any) -> Any:
    config["extra"]["verified"] = stamp()
    return config
