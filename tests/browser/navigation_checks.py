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


# Anchors spread over the long API page, whose off-screen parts the browser lays out
# late (content-visibility); docs/assets/js/fragment-align.js keeps them in place.
API_ANCHORS = (
    "rnn_guide.shapes.expected_shapes",
    "rnn_guide.batching.time_step_order",
    "rnn_guide.timing.measure_batching",
    "rnn_guide.source",
    "rnn_guide.explain.explain",
    "rnn_guide.cli",
)
# Where the target settles: its distance from the top (less its scroll margin) once it
# has not moved for half a second.
_SETTLED_TOP = """(id) => new Promise((resolve) => {
  const top = () => {
    const target = document.getElementById(id);  // after instant navigation: the new one
    return target === null ? null : Math.round(target.getBoundingClientRect().top
      - (parseFloat(getComputedStyle(target).scrollMarginTop) || 0));
  };
  let last = top(), since = performance.now();
  const poll = () => {
    const now = top();
    if (now !== last) { last = now; since = performance.now(); }
    if (now !== null && performance.now() - since > 500) { resolve(now); }
    else { setTimeout(poll, 50); }
  };
  setTimeout(poll, 50);
})"""


def _settled_top(page: Any, anchor: str) -> int:
    return int(page.evaluate(_SETTLED_TOP, anchor))


def test_api_anchors_land_at_the_top_of_the_screen(site: Any, browser: Any) -> None:
    off = []
    for width in (412, 1400):  # a phone (no tables of contents beside), a wide screen
        context = browser.new_context(viewport={"width": width, "height": 823})
        try:
            page = context.new_page()
            # Opened directly, as from a bookmark; on the wide screen, a few only.
            for anchor in API_ANCHORS if width < 1220 else API_ANCHORS[2:4]:
                page.goto("about:blank")
                page.goto(site.url(f"reference/api/#{anchor}"), wait_until="load")
                if abs(top := _settled_top(page, anchor)) > 2:
                    off.append(f"{width}px, opened with #{anchor}: {top}px from the top")
            if width > 1220:  # clicked in the table of contents, handled by Material
                page.goto(site.url("reference/api/"), wait_until="load")
                for anchor in API_ANCHORS[::-2]:
                    page.click(f'.md-sidebar--secondary a.md-nav__link[href$="#{anchor}"]')
                    if abs(top := _settled_top(page, anchor)) > 2:
                        off.append(f"{width}px, clicked #{anchor} in the contents: {top}px")
            # Reached by Material's instant navigation from another page.
            page.goto(site.url(""), wait_until="load")
            page.evaluate(
                """() => { const a = document.createElement('a');
                  a.href = 'reference/api/#rnn_guide.source'; a.id = 'probe';
                  a.textContent = 'probe'; document.querySelector('article').prepend(a); }"""
            )
            page.click("#probe")
            page.wait_for_url("**/reference/api/#rnn_guide.source")
            if abs(top := _settled_top(page, "rnn_guide.source")) > 2:
                off.append(f"{width}px, instant navigation to #rnn_guide.source: {top}px")
        finally:
            context.close()
    assert not off, "anchor targets not at the top of the screen:\n" + "\n".join(off)
