"""Search as a reader meets it: one index per language, and the queries of search_queries.yml.

tools/site/search_hook.py writes ``search/search_index.json`` (English) and
``zh/search/search_index.json`` (Chinese) and points each page at its language's index.
The queries are typed in Chromium on each language's home page (one tab per language for
all of them: the index is loaded and built once, and the box is emptied before each
query); the expected page must be among the first three results, and every result in the
reader's language.
Needs /usr/bin/chromium (`apt-get install chromium`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tools.paths import DOCS

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((Path(__file__).with_name("search_queries.yml")).read_text("utf-8"))
TREES = {"en": "", "zh": "zh/"}

_SEARCH_READY = """() => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const meta = document.querySelector(".md-search-result__meta");
  return meta !== null
    && meta.textContent.trim() === config.translations["search.result.placeholder"];
}"""

# The page of each result (an article and the sections under it): its first link, less
# the ?h= that search.highlight adds.
_RESULT_PAGES = """items => items.map(item => {
  const link = item.querySelector("a");
  return link ? link.href.split("#")[0].split("?")[0] : "";
})"""


_NO_RESULTS = "() => document.querySelectorAll('.md-search-result__item').length === 0"


def _search(page: Any, query: str) -> list[str]:
    """Type ``query`` into Material's search box; the result pages, best first.

    The index is loaded in a web worker after the page loads: wait until the search box
    says it is ready, then type. fill() enters the text as one input event (as an input
    method does for Chinese); Material reads the query on keyup, so a key press follows.
    A box left with an earlier query is emptied first, and its results are gone before
    the new query is typed.
    """
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press("End")
    page.wait_for_function(_SEARCH_READY, timeout=30000)
    page.wait_for_function(_NO_RESULTS, timeout=10000)
    for _ in range(5):
        box.fill(query)
        box.press("End")
        try:
            page.wait_for_selector(".md-search-result__item a", timeout=4000)
            break
        except PlaywrightTimeout:
            continue
    pages: list[str] = page.eval_on_selector_all(".md-search-result__item", _RESULT_PAGES)
    return pages


def _page_url(site: Any, lang: str, source: str) -> str:
    """The address of the page built from docs/<lang>/<source>."""
    path = re.sub(r"(^|/)index\.(md|ipynb)$", r"\1", source)
    path = re.sub(r"\.(md|ipynb)$", "/", path)
    return site.url(TREES[lang] + path)


def _is_in(url: str, site: Any, lang: str) -> bool:
    in_zh = url.startswith(site.url("zh/"))
    return in_zh if lang == "zh" else url.startswith(site.url("")) and not in_zh


def test_there_are_enough_queries_and_their_pages_exist() -> None:
    docs = DOCS
    for lang in TREES:
        assert sum(query["lang"] == lang for query in QUERIES) >= 12, lang
    for query in QUERIES:
        assert set(query) == {"lang", "query", "page"}, query
        assert (docs / query["lang"] / query["page"]).is_file(), query


@pytest.fixture(scope="module")
def home(site: Any, open_tab: Callable[[], Any]) -> Iterator[Callable[[str], Any]]:
    """The home page of a language, in a tab of its own kept for every query."""
    tabs: dict[str, Any] = {}

    def tab(lang: str) -> Any:
        if lang not in tabs:
            tabs[lang] = open_tab()
            tabs[lang].goto(site.url(TREES[lang]))
        # A tab behind another runs its timers once a second: bring it to the front.
        tabs[lang].bring_to_front()
        return tabs[lang]

    try:
        yield tab
    finally:
        for opened in tabs.values():
            opened.close()


@pytest.mark.parametrize("query", QUERIES, ids=[f"{q['lang']}-{q['query'][:40]}" for q in QUERIES])
def test_search_finds_the_page_in_the_top_three(
    site: Any, home: Callable[[str], Any], query: dict[str, str]
) -> None:
    lang = query["lang"]
    results = _search(home(lang), query["query"])
    expected = _page_url(site, lang, query["page"])
    top = results[:3]
    assert expected in top, f"{query['query']!r} on the {lang} site: {top}"
    strays = [url for url in results if not _is_in(url, site, lang)]
    assert not strays, f"{query['query']!r} on the {lang} site found other languages: {strays}"


def test_a_term_matches_only_itself(site: Any, home: Callable[[str], Any]) -> None:
    """隐状态 (hidden state) is one word of the index: it does not match 隐患 (hazard)."""
    page = home("zh")
    results = _search(page, "隐状态")
    assert results, "隐状态 found nothing"
    marked = page.eval_on_selector_all(
        ".md-search-result__item mark", "marks => marks.map(m => m.textContent)"
    )
    assert "隐状态" in marked and "隐患" not in marked, marked
    assert _search(page, "隐患")[:1] == [site.url("zh/explanation/batch-first/")]


def test_each_page_loads_only_its_languages_index(site: Any, page: Any) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    for lang, tree in TREES.items():
        asked.clear()
        page.goto(site.url(tree + "explanation/batch-first/"))
        page.wait_for_function(_SEARCH_READY, timeout=30000)
        indexes = [url for url in asked if url.endswith("search_index.json")]
        assert indexes == [site.url(tree + "search/search_index.json")], (lang, indexes)


def _index(site: Any, tree: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (site.directory / tree / "search" / "search_index.json").read_text("utf-8")
    )
    return data


def _built_pages(site: Any, tree: str) -> set[str]:
    """The pages of one language tree, as index locations ("", "explanation/x/")."""
    root = site.directory / tree
    pages = set()
    for html in root.rglob("index.html"):
        relative = html.parent.relative_to(root).as_posix()
        if relative.startswith(("search", "assets")) or (not tree and relative.startswith("zh")):
            continue
        pages.add("" if relative == "." else relative + "/")
    return pages


def test_each_index_holds_exactly_its_languages_pages(site: Any) -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    for lang, tree in TREES.items():
        index = _index(site, tree)
        located = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert located == _built_pages(site, tree), lang
        titles = [doc["title"] for doc in index["docs"] if not doc["location"].count("#")]
        chinese = sum(bool(han.search(title)) for title in titles)
        if lang == "zh":
            assert chinese > len(titles) / 2, f"zh index: only {chinese} Chinese page titles"
        else:
            assert chinese == 0, f"en index has Chinese page titles: {chinese}"


def test_the_chinese_index_is_the_one_the_pages_give(site: Any) -> None:
    """Every title and text of the Chinese index, cut again by jieba, comes out the same.

    jieba here has its own full dictionary and the site's terms (data/search/
    jieba-user.txt), not the smaller dictionary the build used (data/search/
    jieba-dict.txt): the build's index is the one jieba's whole dictionary gives. And the
    terms are whole: 隐状态 is one word, so a query for it does not also find 隐患.
    """
    import jieba
    from backrefs import bre

    from tools.site.search_words import USER_WORDS

    full = jieba.Tokenizer()
    with USER_WORDS.open("rb") as words_file:
        full.load_userdict(words_file)
    han = bre.compile(r"\p{script: Han}+", bre.UNICODE)

    def cut(text: str) -> str:  # what Material's search plugin does with a string
        return han.sub(
            lambda run: "\u200b" + "\u200b".join(full.cut(run.group(0))) + "\u200b", text
        ).strip("\u200b")

    words: set[str] = set()
    for tree in TREES.values():
        for entry in _index(site, tree)["docs"]:
            for key in ("title", "text"):
                built = entry[key]
                assert cut(built.replace("\u200b", "")) == built, (tree, entry["location"], key)
                words.update(built.split("\u200b"))
    assert len(words) > 1000, f"only {len(words)} distinct words: is Chinese being cut?"
    assert {"隐状态", "变长序列", "记忆元"} <= words
    assert "隐" not in words, "隐 alone is a word: a query for 隐状态 would match 隐患"
