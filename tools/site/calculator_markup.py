"""Write the shape calculator's markup, as its script makes it, for the calculator's pages.

docs/assets/js/shape-calculator.js makes the calculator (its form, the table of shapes
and the Python) inside an empty ``<div data-shape-calculator>``. The calculator's pages
carry that markup already, so that a browser lays it out with the rest of the page and
the script only attaches to it: includes/calculator-en.html and calculator-zh.html,
which this script writes by running the calculator's script in Chromium, in each
language, with its starting values. Run it (``make calculator-markup``) after changing
what the script makes or the words it uses; tests/browser/calculator_markup_checks.py fails
when a file is stale or when a page does not carry it as written.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tools.paths import INCLUDES, JS
from tools.site import chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser

LANGUAGES = ("en", "zh")
SCRIPTS = (JS / "shape-messages.js", JS / "shape-calculator.js")

HEADER = (
    "<!-- The shape calculator as shape-calculator.js makes it, for its starting values."
    " Written by tools/site/calculator_markup.py (`make calculator-markup`): do not edit. -->"
)

#: The calculator's parts in a page, one string of markup each: the elements in its box
#: but the page's notice for readers without JavaScript (what the include holds after its
#: header, one per line).
PARTS = """() => Array.from(document.querySelector("[data-shape-calculator]").children)
  .filter(e => e.tagName !== "NOSCRIPT").map(e => e.outerHTML)"""


def target(lang: str) -> Path:
    """The include a language's calculator page carries."""
    return INCLUDES / f"calculator-{lang}.html"


def parts(browser: Browser, lang: str) -> list[str]:
    """The markup shape-calculator.js makes in an empty box, part by part."""
    page = browser.new_page()
    try:
        page.set_content(
            f'<html lang="{lang}"><body><div data-shape-calculator></div></body></html>'
        )
        for script in SCRIPTS:
            page.add_script_tag(content=script.read_text(encoding="utf-8"))
        page.wait_for_selector('[data-shape-calculator][data-ready="true"]', state="attached")
        made: list[str] = page.evaluate(PARTS)
        return made
    finally:
        page.close()


def render(browser: Browser, lang: str) -> str:
    """The include's text: the header, then one part of the calculator per line."""
    return "\n".join([HEADER, *parts(browser, lang)]) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.parse_args(argv)
    problem = chromium.missing()
    if problem is not None:
        print(problem)
        return 1
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            for lang in LANGUAGES:
                target(lang).write_text(render(browser, lang), encoding="utf-8", newline="\n")
                print(target(lang))
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
