"""MkDocs hook: the footer stamp of every page (adds content).

``on_config`` puts what `make test` ran and passed (torch, Python, the number of code
examples per language) into ``config.extra.verified``, or None when this build did not
follow a passing `make test`; overrides/main.html prints it under every page.

The record is the JSON file named by ``RNN_GUIDE_TEST_RECORD``: conftest.py appends one
entry per passing pytest run (`make test` removes the file first; deploy.yml sets it,
runs `make test`, then builds). The stamp is shown only when all three runs of the
examples passed, so no build claims a verification that did not happen in its own job.
Only the standard library is used: MkDocs loads this file by its path.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

RUNS = ("default", "portability", "reseeded")
LANGS = ("en", "zh")


def _counts(run: dict[str, Any]) -> dict[str, int] | None:
    examples = run.get("examples")
    if not isinstance(examples, dict):
        return None
    counts: dict[str, int] = {}
    for lang in LANGS:
        count = examples.get(lang)
        if type(count) is not int or count < 0:
            return None
        counts[lang] = count
    return counts


def stamp(path: str | None = None) -> dict[str, Any] | None:
    """The stamp's values, or None when the record is missing, malformed or incomplete.

    ``examples`` is, per language, the fewest page examples that passed in any of the
    three runs: what every run ran.
    """
    target = path if path is not None else os.environ.get("RNN_GUIDE_TEST_RECORD", "")
    try:
        record = json.loads(Path(target).read_text(encoding="utf-8")) if target else None
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or not isinstance(record.get("runs"), list):
        return None
    torch, python = record.get("torch"), record.get("python")
    if not (isinstance(torch, str) and isinstance(python, str)):
        return None
    passed: dict[str, dict[str, int]] = {}
    for run in record["runs"]:
        counts = _counts(run) if isinstance(run, dict) else None
        if counts is None:
            return None
        passed[str(run.get("run"))] = counts
    if not set(RUNS) <= set(passed):
        return None
    examples = {lang: min(passed[run][lang] for run in RUNS) for lang in LANGS}
    return {"torch": torch, "python": python, "examples": examples}


def on_config(config: Any) -> Any:
    config["extra"]["verified"] = stamp()
    return config
