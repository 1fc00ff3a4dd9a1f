"""tools/site/search_hook.py: one search index per language, and pages pointed at their own."""

from __future__ import annotations

import doctest
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import tools.site.search_hook as hook


def _config(site: Path, language: str) -> dict[str, Any]:
    languages = [
        SimpleNamespace(locale="en", default=True),
        SimpleNamespace(locale="zh", default=False),
    ]
    i18n = SimpleNamespace(config={"languages": languages})
    return {
        "site_dir": str(site),
        "site_url": "http://h/rnn-guide/",
        "theme": {"language": language},
        "plugins": {"i18n": i18n},
    }


def _write_index(site: Path, locations: list[str]) -> None:
    (site / "search").mkdir(parents=True, exist_ok=True)
    docs = [{"location": loc, "title": loc, "text": ""} for loc in locations]
    (site / "search" / "search_index.json").write_text(
        json.dumps({"config": {"lang": ["en", "zh"]}, "docs": docs}), "utf-8"
    )


def _locations(path: Path) -> list[str]:
    return [doc["location"] for doc in json.loads(path.read_text("utf-8"))["docs"]]


def test_the_examples_in_the_docstrings_hold() -> None:
    failed, attempted = doctest.testmod(hook)
    assert attempted >= 5
    assert failed == 0


def test_each_build_leaves_one_index_per_language(tmp_path: Path) -> None:
    # The Chinese build writes its own entries, then the English build (last) both.
    _write_index(tmp_path, ["zh/", "zh/a/", "zh/a/#s"])
    hook.on_post_build(_config(tmp_path, "zh"))
    _write_index(tmp_path, ["", "a/", "a/#s", "zh/", "zh/a/", "zh/a/#s"])
    hook.on_post_build(_config(tmp_path, "zh"))  # i18n may leave theme.language at zh
    assert _locations(tmp_path / "search/search_index.json") == ["", "a/", "a/#s"]
    assert _locations(tmp_path / "zh/search/search_index.json") == ["", "a/", "a/#s"]


def test_only_other_languages_pages_get_another_base() -> None:
    html = '<script id="__config" type="application/json">{"base": "../..", "search": "x"}'
    zh, en = _config(Path("."), "zh"), _config(Path("."), "en")
    assert '"base": "../../zh/"' in hook.on_post_page(html, None, zh)
    assert hook.on_post_page(html, None, en) == html
    not_found = html.replace("../..", "/rnn-guide/")
    assert '"base": "/rnn-guide/zh/"' in hook.on_post_template(not_found, "404.html", zh)
    assert hook.on_post_template(not_found, "sitemap.xml", zh) == not_found


def test_a_page_without_the_config_script_is_left_alone() -> None:
    html = '<script type="application/json">{"base": "../.."}</script>'
    assert hook.language_base(html, "zh/") == html
