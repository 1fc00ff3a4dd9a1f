"""The colour scheme: the system's on a first visit, the reader's choice after a click or
Enter on the toggle (kept across pages and reloads), set while the header is parsed and
never again during the load (overrides/main.html; Material's palette restyled the whole
page twice per load). Needs /usr/bin/chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}
PAGES = ["reference/api/messages/", "zh/explanation/output-vs-h-n/"]

# Every change of a <body> attribute, with the document's state when it happened.
_WATCH = """window.__bodyChanges = [];
new MutationObserver((list) => {
  for (const m of list) {
    if (m.target === document.body) {
      window.__bodyChanges.push([m.attributeName, document.readyState]);
    }
  }
}).observe(document, {attributes: true, subtree: true});"""

_STATE = """() => ({
  scheme: document.body.getAttribute("data-md-color-scheme"),
  root: getComputedStyle(document.documentElement).colorScheme,
  toggles: [...document.querySelectorAll("form.md-header__option label")]
    .filter((label) => getComputedStyle(label).display !== "none")
    .map((label) => label.title),
  component: document.querySelectorAll("[data-md-component=palette]").length,
  themeColors: [...document.querySelectorAll("meta[name=theme-color]")].map((meta) => {
    const probe = document.createElement("i");  // the tag's colour as the CSS rgb() form
    probe.style.color = meta.content;
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }),
  header: getComputedStyle(document.querySelector(".md-header")).backgroundColor,
  changes: window.__bodyChanges,
})"""


@pytest.fixture(params=list(SCHEMES))
def tab(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        color_scheme=request.param, viewport={"width": 390, "height": 844}
    )
    context.add_init_script(_WATCH)
    page = context.new_page()
    page.system = request.param
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
        assert not errors, errors
    finally:
        context.close()


def _state(tab: Any, site: Any, path: str | None = None) -> dict[str, Any]:
    if path is not None:
        tab.goto(site.url(path), wait_until="load")
    tab.wait_for_timeout(300)  # past Material's start-up (its tasks after "load")
    state: dict[str, Any] = tab.evaluate(_STATE)
    return state


@pytest.mark.parametrize("path", PAGES)
def test_a_first_visit_follows_the_system_and_sets_it_once(tab: Any, site: Any, path: str) -> None:
    state = _state(tab, site, path)
    expected = SCHEMES[tab.system]
    assert state["scheme"] == expected, state
    assert state["root"] == ("dark" if expected == "slate" else "light"), state
    assert len(state["toggles"]) == 1, state  # one toggle shown: to the other scheme
    assert state["component"] == 0, "Material's bundle would mount its palette again"
    assert state["changes"], "the scheme script did not run"
    assert {when for _, when in state["changes"]} == {"loading"}, state["changes"]
    assert "data-md-color-switching" not in {name for name, _ in state["changes"]}
    # The phone's browser bar has the header's colour (Material's palette wrote it).
    assert state["themeColors"] == [state["header"]], state


def test_a_click_switches_and_the_choice_is_kept(tab: Any, site: Any) -> None:
    first = _state(tab, site, PAGES[0])
    tab.locator("form.md-header__option label:not([hidden])").click()
    switched = _state(tab, site)
    assert switched["scheme"] != first["scheme"], switched
    assert switched["toggles"] != first["toggles"], switched
    assert switched["themeColors"] == [switched["header"]], switched
    # Another page, then a reload: the reader's choice, set while the page loads.
    for state in (_state(tab, site, PAGES[1]), _state(tab, site, PAGES[1])):
        assert state["scheme"] == switched["scheme"], state
        assert {when for _, when in state["changes"]} == {"loading"}, state["changes"]


def test_enter_on_the_toggle_switches(tab: Any, site: Any) -> None:
    first = _state(tab, site, PAGES[0])
    tab.focus("form.md-header__option input:checked")
    tab.keyboard.press("Enter")
    after = _state(tab, site)
    assert after["scheme"] != first["scheme"], after
    focused = tab.evaluate("document.activeElement.matches('form.md-header__option input')")
    assert focused, "focus stays on the toggle"


def test_a_stored_choice_that_no_longer_exists_falls_back_to_the_system(
    tab: Any, site: Any
) -> None:
    tab.goto(site.url(PAGES[0]), wait_until="load")
    tab.evaluate("localStorage.setItem('rnn-guide.scheme', 'no-such-scheme')")
    assert _state(tab, site, PAGES[0])["scheme"] == SCHEMES[tab.system]
