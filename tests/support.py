"""Helpers for tests that work on copies of the project."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

KEEP = ["index.md", "tutorials/first-rnn.md"]
STUBS = ["explanation/core-idea.md", "how-to/stub.md", "reference/stub.md"]
NAV = """nav:
  - Home: index.md
  - Tutorials:
      - tutorials/first-rnn.md
  # Explanation pages answer why.
  - Explanation:
      - explanation/core-idea.md

  - How-to guides:
      - how-to/stub.md
  - Reference:
      - reference/stub.md
  - Contributing: contributing.md
"""


def build_site(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of a project copy, as ``make build`` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
        check=False,
    )
