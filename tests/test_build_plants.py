"""The strict build fails on a broken link or anchor (planted in a small project copy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.site_server import build_site

PAGE = Path("docs/en/tutorials/first-rnn.md")


def _plant(project: Path, text: str) -> None:
    page = project / PAGE
    page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.build
def test_the_unplanted_copy_builds(small_project: Path, tmp_path: Path) -> None:
    result = build_site(tmp_path / "site", root=small_project)
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.build
@pytest.mark.parametrize(
    ("link", "named"),
    [
        ("[gone](no-such-page.md)", "no-such-page.md"),
        ("[gone](../index.md#no-such-anchor)", "no-such-anchor"),
        ("[gone](#nor-this-anchor)", "nor-this-anchor"),
    ],
)
def test_a_broken_link_or_anchor_fails_the_build(
    small_project: Path, tmp_path: Path, link: str, named: str
) -> None:
    _plant(small_project, f"\nSee {link}.\n")
    result = build_site(tmp_path / "site", root=small_project)
    assert result.returncode != 0, "the strict build passed despite a broken link"
    assert named in result.stderr, result.stderr[-3000:]
