"""What `make test` ran and passed, for the footer stamp of the published site.

conftest.py appends one entry per passing pytest run to the JSON file named by
``RNN_GUIDE_TEST_RECORD`` (`make test` removes it first; deploy.yml sets it, runs
`make test`, then builds). tools/mkdocs_hooks.py asks ``stamp()`` what to print: the
stamp is shown only when all three runs of the examples passed, so no build claims
a verification that did not happen in its own job.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

RUNS = ("default", "portability", "reseeded")


def stamp(examples: dict[str, int], path: str | None = None) -> dict[str, Any] | None:
    """The stamp's values, or None when the record is missing or not every run passed."""
    target = path if path is not None else os.environ.get("RNN_GUIDE_TEST_RECORD", "")
    try:
        record = json.loads(Path(target).read_text(encoding="utf-8")) if target else None
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict):
        return None
    ran = {run.get("run") for run in record.get("runs", []) if isinstance(run, dict)}
    if not set(RUNS) <= ran:
        return None
    return {"torch": record.get("torch"), "python": record.get("python"), "examples": examples}
