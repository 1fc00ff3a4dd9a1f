"""MkDocs hook: one search index per language (fixes content).

mkdocs-static-i18n builds each language in turn and then hands Material's search plugin
the entries of all of them, so every page downloaded one index of both languages and an
English query could return a Chinese page first. This hook keeps what each language's
build indexed: in ``search/search_index.json`` the English pages, for the pages at the
root; in ``zh/search/search_index.json`` the Chinese pages, located relative to ``/zh/``.

Material's bundle fetches ``search/search_index.json`` relative to the ``base`` in each
page's ``__config``, so a page of another language than the default gets the base of its
language's tree (``../zh/`` instead of ``..``); without navigation.instant nothing else
reads it. Checked by tests/test_search_hook.py and, on the built site,
tests/browser/test_search.py (one language per index, each query's page in the top three).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

try:  # jieba reports each dictionary load on stderr, twice a build
    import jieba

    jieba.setLogLevel(logging.WARNING)
except ImportError:  # Material's search then indexes Chinese without segmentation
    pass

# The "base" of Material's page configuration (a JSON script element; Jinja's tojson
# writes a path without quotes or backslashes).
_CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")'
)


def prefix(config: Any) -> str:
    """The language tree of the build under way: ``""`` (the default) or ``"zh/"``."""
    tree = f"{config['theme']['language']}/"
    return tree if tree in trees(config)[1:] else ""


def language_base(html: str, tree: str) -> str:
    """The page's HTML with its ``__config`` base moved into the language tree ``tree``.

    Example:
        >>> page = '<script id="__config" type="application/json">{"base": "../..", "x": 1}'
        >>> language_base(page, "zh/")
        '<script id="__config" type="application/json">{"base": "../../zh/", "x": 1}'
        >>> language_base(page.replace("../..", "/rnn-guide/"), "zh/")[-34:]
        '{"base": "/rnn-guide/zh/", "x": 1}'
    """

    def moved(match: re.Match[str]) -> str:
        base = match.group(2)
        joined = (base if base.endswith("/") else base + "/") + tree
        return match.group(1) + joined + match.group(3)

    return _CONFIG_BASE.sub(moved, html, count=1)


def one_language(index: dict[str, Any], tree: str, others: list[str]) -> dict[str, Any]:
    """The entries of ``index`` in the language tree ``tree``, located relative to it.

    Args:
        index: A search index as Material writes it (``config``, ``docs``).
        tree: ``""`` for the default language, else ``"zh/"`` and the like.
        others: The other languages' trees, whose pages the default tree leaves out.

    Example:
        >>> index = {"config": {}, "docs": [{"location": "a/"}, {"location": "zh/a/"}]}
        >>> one_language(index, "zh/", [])["docs"]
        [{'location': 'a/'}]
        >>> one_language(index, "", ["zh/"])["docs"]
        [{'location': 'a/'}]
    """
    if tree:
        docs = [
            {**doc, "location": doc["location"][len(tree) :]}
            for doc in index["docs"]
            if doc["location"].startswith(tree)
        ]
    else:
        docs = [doc for doc in index["docs"] if not doc["location"].startswith(tuple(others))]
    return {**index, "docs": docs}


def on_post_page(output: str, page: Any, config: Any) -> str:
    """A page of another language than the default searches its own language's index."""
    tree = prefix(config)
    return language_base(output, tree) if tree else output


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """The same for the language's 404 page (its base is absolute: "/rnn-guide/")."""
    tree = prefix(config)
    return language_base(output, tree) if tree and template_name == "404.html" else output


def trees(config: Any) -> list[str]:
    """The language trees of the site: ``""`` for the default language, then ``"zh/"``..."""
    i18n = config["plugins"].get("i18n")
    languages = getattr(i18n, "config", {}).get("languages", []) if i18n else []
    return [""] + [f"{language.locale}/" for language in languages if not language.default]


@event_priority(-200)  # after the search plugin (0) and mkdocs-static-i18n (-100)
def on_post_build(config: Any) -> None:
    """Split the index just written into one index per language tree.

    After a language's own build, ``search/search_index.json`` holds that language's
    entries; after the last one (mkdocs-static-i18n runs the other languages inside the
    default language's build), every language's. Each tree found in it gets its own
    index; the default tree's is written last, over the one read.
    """
    site = Path(config["site_dir"])
    path = site / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    languages = trees(config)
    for tree in reversed(languages):
        part = one_language(index, tree, languages[1:])
        if not part["docs"]:
            continue
        target = site / tree / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), "utf-8")
