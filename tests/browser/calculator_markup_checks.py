"""The calculator's pages carry the markup its script makes, and the script keeps it
(collected through test_site.py).

includes/calculator-<lang>.html is written by tools/site/calculator_markup.py from what
shape-calculator.js makes in an empty box; the pages include it, so that the calculator
is laid out with the page. These tests fail when an include is stale, when the built page
does not carry it as written, when the page without JavaScript says nothing, or when the
script rewrites the answer the page already shows.
"""

from __future__ import annotations

from typing import Any

import pytest

from tools.site import calculator_markup

pytestmark = pytest.mark.browser

PAGES = {"en": "reference/calculator/", "zh": "zh/reference/calculator/"}


@pytest.mark.parametrize("lang", calculator_markup.LANGUAGES)
def test_the_includes_are_what_the_script_makes(browser: Any, lang: str) -> None:
    written = calculator_markup.target(lang).read_text(encoding="utf-8")
    assert written == calculator_markup.render(browser, lang), (
        f"{calculator_markup.target(lang)} is stale: run `make calculator-markup` and commit it"
    )


@pytest.mark.parametrize("lang", calculator_markup.LANGUAGES)
def test_the_page_without_javascript_carries_the_markup_and_says_why(
    site: Any, browser: Any, lang: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site.url(PAGES[lang]))
        served = tab.evaluate(calculator_markup.PARTS)
        include = calculator_markup.target(lang).name
        assert served == calculator_markup.parts(browser, lang), (
            f"the built {PAGES[lang]} does not carry {include} as written"
        )
        assert "JavaScript" in tab.text_content("[data-shape-calculator] em")
        assert tab.is_visible("[data-shape-calculator] em"), "the no-JavaScript notice is hidden"
        assert tab.text_content('[data-shape="output"]') == "(3, 7, 20)"
    finally:
        context.close()


# Records the changes made inside the calculator (not to its box's own attributes) once
# the page is parsed, that is, by the scripts (deferred scripts run after "interactive").
WATCH = """
window.__calcChanges = [];
document.addEventListener("readystatechange", () => {
  if (document.readyState !== "interactive") return;
  const box = document.querySelector("[data-shape-calculator]");
  new MutationObserver(records => {
    for (const record of records) {
      if (record.target === box) continue;
      window.__calcChanges.push(record.type + " " + record.target.nodeName);
    }
  }).observe(box, {subtree: true, childList: true, attributes: true, characterData: true});
});
"""


@pytest.mark.parametrize("lang", calculator_markup.LANGUAGES)
def test_the_script_keeps_the_answer_the_page_carries(site: Any, browser: Any, lang: str) -> None:
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.add_init_script(WATCH)
        tab.goto(site.url(PAGES[lang]))
        tab.wait_for_selector('[data-shape-calculator][data-ready="true"]')
        tab.wait_for_load_state("load")
        assert tab.evaluate("window.__calcChanges") == [], "the script rewrote the carried answer"
        # and a question in the address is answered at once
        tab.goto(site.url(PAGES[lang] + "?mode=GRU&input=7,3,10"))
        tab.wait_for_selector('[data-shape-calculator][data-ready="true"]')
        assert tab.text_content('[data-shape="output"]') == "(7, 3, 20)"
        assert tab.text_content('[data-shape="c_n"]') == "—"
        assert tab.evaluate("window.__calcChanges") != []
    finally:
        context.close()
