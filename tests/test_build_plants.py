"""The strict build fails on a broken link or anchor (planted in a small project copy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.site.site_server import build_site
from tools.site.stamp_hook import RUNS

PAGE = Path("docs/en/tutorials/first-rnn.md")


def _plant(project: Path, text: str) -> None:
    page = project / PAGE
    page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.build
def test_the_unplanted_copy_builds(
    small_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RNN_GUIDE_TEST_RECORD", raising=False)
    result = build_site(tmp_path / "site", root=small_project)
    assert result.returncode == 0, result.stderr[-3000:]
    # No `make test` ran before this build: no page claims that its examples were verified.
    assert "rg-stamp" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_the_stamp_says_what_ran_and_passed(
    small_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = tmp_path / "record.json"
    examples = {"en": 17, "zh": 16}
    runs = [{"run": run, "passed": 9, "skipped": 0, "examples": examples} for run in RUNS]
    record.write_text(json.dumps({"torch": "9.9.9", "python": "3.11.0", "runs": runs}))
    monkeypatch.setenv("RNN_GUIDE_TEST_RECORD", str(record))
    result = build_site(tmp_path / "site", root=small_project)
    assert result.returncode == 0, result.stderr[-3000:]
    en = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    zh = (tmp_path / "site" / "zh" / "index.html").read_text(encoding="utf-8")
    assert "The 17 code examples on this site ran and passed before this build" in en
    assert "ran and passed before this build, with torch 9.9.9 (Python 3.11.0)" in en
    assert "AVX2 CPU kernels and two threads, and under another seed" in en
    assert "本站 16 个代码示例在本次构建前已用 torch 9.9.9（Python 3.11.0）运行并通过" in zh


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
