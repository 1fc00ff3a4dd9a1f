"""Browser checks of the language switch and the 404 pages, under /rnn-guide/.

Search is checked by tests/browser/test_search.py.

Collected through test_site.py, so that every browser test runs in one process (one
build, one server, one Chromium) even when pytest-xdist spreads files over workers.
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_language_switch_keeps_the_page_and_the_section(site: Any, page: Any) -> None:
    # Both twins have the same anchors: the menu keeps the #section of the address,
    # also one reached after the page loaded.
    section = "#bidirectional-two-directions-side-by-side"
    page.goto(site.url("explanation/output-vs-h-n/"))
    page.evaluate(f"location.hash = {section!r}")
    page.hover(".md-header__option .md-select")
    page.click('a.md-select__link[hreflang="zh"]')
    page.wait_for_url(f"**/rnn-guide/zh/explanation/output-vs-h-n/{section}")
    assert page.evaluate("document.documentElement.lang") == "zh"
    page.hover(".md-header__option .md-select")
    page.click('a.md-select__link[hreflang="en"]')
    page.wait_for_url(f"**/rnn-guide/explanation/output-vs-h-n/{section}")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.goto(site.url("zh/explanation/output-vs-h-n/"))  # no #section: none added
    page.hover(".md-header__option .md-select")
    page.click('a.md-select__link[hreflang="en"]')
    page.wait_for_url("**/rnn-guide/explanation/output-vs-h-n/")
    assert "#" not in page.url, page.url


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
    assert "404" in page.title() and "404" in page.text_content("article h1")
    # The static host serves the root 404 page for every missing address: it is English,
    # and points Chinese readers to the Chinese home page.
    assert page.evaluate("document.documentElement.lang") == "en"
    # The stylesheet loaded (absolute paths under /rnn-guide/), so the header is styled.
    position = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
    assert position == "sticky", "the 404 page lost its stylesheet under the sub-path"
    page.click("article a[hreflang=zh]")
    page.wait_for_url("**/rnn-guide/zh/")
    assert page.evaluate("document.documentElement.lang") == "zh"
    page.go_back()
    page.click("article a[href$='?q=']")  # the search opens, ready for a query
    page.wait_for_function("document.activeElement?.matches('input.md-search__input')")
    assert page.url.split("?")[0].rstrip("/.").endswith("/rnn-guide"), page.url
    page.goto(site.url(path))
    page.click("article a >> nth=0")
    page.wait_for_load_state()
    assert page.url.rstrip("/.").endswith("/rnn-guide"), page.url


def test_the_chinese_404_page_is_chinese_and_leads_home(site: Any, page: Any) -> None:
    """zh/404.html, for hosts that serve a folder's own 404 page."""
    page.goto(site.url("zh/404.html"))
    assert page.evaluate("document.documentElement.lang") == "zh"
    heading = page.text_content("article h1") or ""
    assert "404" in heading and "找不到" in heading, heading
    assert page.get_attribute("input.md-search__input", "placeholder") == "搜索"
    page.click("article a >> nth=1")  # search the Chinese site
    page.wait_for_function("document.activeElement?.matches('input.md-search__input')")
    assert page.url.endswith("/rnn-guide/zh/?q="), page.url
    page.goto(site.url("zh/404.html"))
    page.click("article a >> nth=0")
    page.wait_for_url("**/rnn-guide/zh/")
