"""Browser checks of search, the language switch, the 404 page and anchors, under /rnn-guide/.

Collected through test_site.py, so that every browser test runs in one process (one
build, one server, one Chromium) even when pytest-xdist spreads files over workers.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser


_SEARCH_READY = """() => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const meta = document.querySelector(".md-search-result__meta");
  return meta !== null
    && meta.textContent.trim() === config.translations["search.result.placeholder"];
}"""


def _search(page: Any, query: str) -> list[str]:
    """Type `query` into Material's search box and return the result links.

    The search index is built in a web worker after the page loads: wait until the
    search box says it is ready ("Type to start searching"), then type; try again if a
    query still goes unanswered.
    """
    page.wait_for_function(_SEARCH_READY, timeout=30000)
    box = page.locator("input.md-search__input")
    box.click()
    # Material reads the query on keyup. fill() enters the text as one input event (as an
    # input method does for Chinese), so a key press (End) follows to deliver the keyup.
    for _ in range(5):
        box.fill(query)
        box.press("End")
        try:
            page.wait_for_selector(".md-search-result__item a", timeout=4000)
            break
        except PlaywrightTimeout:
            continue
    links: list[str] = page.eval_on_selector_all(
        ".md-search-result__item a", "links => links.map(a => a.href)"
    )
    return links


@pytest.mark.parametrize(
    ("start", "query", "expected"),
    [
        ("", "batch_first", "/rnn-guide/explanation/batch-first/"),
        ("", "h_n", "/rnn-guide/explanation/output-vs-h-n/"),
        ("", "epoch", "/rnn-guide/explanation/epoch-batch-iteration/"),
        ("zh/", "隐藏状态", "/rnn-guide/zh/"),
        ("zh/", "隐状态", "/rnn-guide/zh/"),
        ("zh/", "批次", "/rnn-guide/zh/"),
        ("zh/", "迭代周期", "/rnn-guide/zh/explanation/epoch-batch-iteration/"),
    ],
)
def test_search_finds_the_page(site: Any, page: Any, start: str, query: str, expected: str) -> None:
    page.goto(site.url(start))
    links = _search(page, query)
    assert any(expected in link for link in links[:10]), f"{query!r}: {links[:10]}"


def test_search_index_is_the_one_the_pages_give(site: Any) -> None:
    """What tools/search_hook.py changes for the search plugin changes nothing in the index.

    1. Each built page's content, read by Material's own search parser, gives the same
       sections with and without its Pygments token spans (the hook hands the plugin
       the pages without them).
    2. Every title and text in the index (one for both languages), cut again with the
       dictionary jieba ships, comes out the same (the hook gives jieba only the site's
       words), and the Chinese text is cut at all.
    """
    import jieba
    from backrefs import bre
    from material.plugins.search.plugin import Parser

    from tools.search_hook import without_token_spans

    def sections(html: str) -> list[tuple[str | None, str, str]]:
        parser = Parser()
        parser.feed(html)
        parser.close()
        return [(s.id, "".join(s.title), "".join(s.text)) for s in parser.data]

    unwrapped = 0
    for path in sorted(site.directory.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        if "<article" not in html:
            continue
        content = html[html.index("<article") : html.index("</article>")]
        lighter = without_token_spans(content)
        unwrapped += content.count("<span") - lighter.count("<span")
        assert sections(lighter) == sections(content), path
    assert unwrapped > 10_000, f"only {unwrapped} spans unwrapped: is code highlighted?"

    full = jieba.Tokenizer()  # jieba's own dictionary, not the one the build used
    han = bre.compile(r"\p{script: Han}+", bre.UNICODE)

    def cut(text: str) -> str:  # what Material's search plugin does with a string
        return han.sub(
            lambda run: "\u200b" + "\u200b".join(full.cut(run.group(0))) + "\u200b", text
        ).strip("\u200b")

    index = json.loads((site.directory / "search/search_index.json").read_text("utf-8"))
    cut_words = 0
    for entry in index["docs"]:
        for key in ("title", "text"):
            built = entry[key]
            assert cut(built.replace("\u200b", "")) == built, (entry["location"], key)
            cut_words += built.count("\u200b")
    assert cut_words > 10_000, f"only {cut_words} word boundaries: is Chinese being cut?"


def test_language_switch_keeps_the_page(site: Any, page: Any) -> None:
    page.goto(site.url("explanation/output-vs-h-n/"))
    page.hover(".md-header__option .md-select")
    page.click('a.md-select__link[hreflang="zh"]')
    page.wait_for_url("**/rnn-guide/zh/explanation/output-vs-h-n/")
    assert page.evaluate("document.documentElement.lang") == "zh"
    page.hover(".md-header__option .md-select")
    page.click('a.md-select__link[hreflang="en"]')
    page.wait_for_url("**/rnn-guide/explanation/output-vs-h-n/")
    assert page.evaluate("document.documentElement.lang") == "en"


def test_chinese_pages_show_material_in_chinese(site: Any, page: Any) -> None:
    page.goto(site.url("zh/explanation/core-idea/"))
    placeholder = page.get_attribute("input.md-search__input", "placeholder")
    assert placeholder == "搜索", placeholder


@pytest.mark.parametrize("path", ["does-not-exist/", "zh/does-not-exist/page/"])
def test_missing_pages_get_a_working_404_page(site: Any, browser: Any, path: str) -> None:
    # A context of its own: the 404 response is expected here, not a failure to record.
    context = browser.new_context()
    try:
        _check_404(site, context.new_page(), path)
    finally:
        context.close()


def _check_404(site: Any, page: Any, path: str) -> None:
    response = page.goto(site.url(path))
    assert response is not None and response.status == 404
    assert "404" in page.title() or "404" in page.text_content("article")
    # The static host serves the root 404 page for every missing address: it is English.
    assert page.evaluate("document.documentElement.lang") == "en"
    # The stylesheet loaded (absolute paths under /rnn-guide/), so the header is styled.
    position = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
    assert position == "sticky", "the 404 page lost its stylesheet under the sub-path"
    home = page.get_attribute("a.md-header__button.md-logo", "href")
    assert home is not None
    page.click("a.md-header__button.md-logo")
    page.wait_for_load_state()
    assert page.url.rstrip("/").endswith("/rnn-guide"), page.url

