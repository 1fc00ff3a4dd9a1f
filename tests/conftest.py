"""Shared fixtures: a small copy of the project that builds in seconds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import KEEP, NAV, STUBS
from tools.docsuite.fences import ROOT


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A copy of the project with a nav listing only pages that exist."""
    # data/: files mkdocs.yml names (the search words); includes/: snippets the pages embed.
    for name in ("tools", "overrides", "rnn_guide", "data", "includes"):
        if (ROOT / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(ROOT / name, tmp_path / name, ignore=ignore)
    shutil.copytree(ROOT / "docs" / "assets", tmp_path / "docs" / "assets")
    shutil.copy(ROOT / "CONTRIBUTING.md", tmp_path / "CONTRIBUTING.md")  # watched by mkdocs.yml
    for lang in ("en", "zh"):
        for page in KEEP:
            target = tmp_path / "docs" / lang / page
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / "docs" / lang / page, target)
        for page in [*STUBS, "contributing.md"]:
            target = tmp_path / "docs" / lang / page
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"---\ndescription: A stub.\n---\n\n# {page}\n", encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    head = config[: config.index("\nnav:") + 1]
    (tmp_path / "mkdocs.yml").write_text(head + NAV, encoding="utf-8")
    return tmp_path
