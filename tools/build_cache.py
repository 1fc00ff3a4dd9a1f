"""Where the site build keeps what later builds can reuse.

``.cache/`` in the checkout (ignored by git), or the directory named by the
environment variable ``RNN_GUIDE_CACHE_DIR``. Deleting it is always safe: the next
build makes everything again. ``benchmarks/build_time.py`` points it at an empty
directory to time a clean clone's first build.
"""

from __future__ import annotations

import os
from pathlib import Path

from tools.fences import ROOT


def cache_dir(name: str) -> Path:
    """The directory for one kind of cached data, e.g. ``cache_dir("jinja")``."""
    return Path(os.environ.get("RNN_GUIDE_CACHE_DIR") or ROOT / ".cache") / name
