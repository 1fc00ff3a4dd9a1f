"""Two builds in a row give the same site: every HTML page and search index, byte for byte.

Nothing is measured, timed or dated while the site is built (the batching table is the
committed measurement, see tests/test_batching_table.py), so a build is a function of
the sources. Two strict builds of the same tree go into two folders and are compared;
under `make test` the first is the build it made for the browser tests.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tools.site.site_server import build_site, prebuilt_site, site_url

pytestmark = pytest.mark.build

URL = site_url(8000)


def compared_files(site: Path) -> dict[str, bytes]:
    """The HTML pages and search indexes of a built site, by path."""
    files = sorted(site.rglob("*.html")) + sorted(site.rglob("search_index.json"))
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in files}


def differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """What differs between two sites' files, one line per file."""
    lines = [f"only in one build: {name}" for name in sorted(set(first) ^ set(second))]
    for name in sorted(set(first) & set(second)):
        a, b = first[name], second[name]
        if a != b:
            at = next(i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)
            lines.append(f"{name}: differs at byte {at}: {a[at - 40 : at + 40]!r}")
    return lines


def _build(site: Path, url: str) -> dict[str, bytes]:
    result = build_site(site, url)
    if result.returncode != 0 and os.environ.get("RNN_GUIDE_ALLOW_BUILD_WARNINGS") != "1":
        pytest.fail("mkdocs build --strict failed:\n" + result.stderr[-4000:], pytrace=False)
    return compared_files(site)


def test_two_builds_give_the_same_pages_and_search_index(tmp_path: Path) -> None:
    prebuilt = prebuilt_site()
    if prebuilt is not None:
        folder, url = prebuilt
        first = compared_files(folder)
    else:
        first, url = _build(tmp_path / "first", URL), URL
    second = _build(tmp_path / "second", url)
    assert len(first) > 50 and any(name.endswith("search_index.json") for name in first)
    assert not differences(first, second), "\n".join(differences(first, second)[:20])


def test_differences_name_the_file_and_the_place() -> None:
    first = {"a/index.html": b"<p>same</p><p>1.23</p>", "b.html": b"x"}
    second = {"a/index.html": b"<p>same</p><p>1.24</p>", "c.html": b"x"}
    found = differences(first, second)
    assert found[:2] == ["only in one build: b.html", "only in one build: c.html"]
    assert found[2].startswith("a/index.html: differs at byte 17")
    assert differences(first, dict(first)) == []
