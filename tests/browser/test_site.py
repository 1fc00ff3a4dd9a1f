"""The built site as a reader's browser meets it: every page, both languages, offline.

One crawl visits every page of the built site once (with axe-core injected) and the
tests below check what it collected. Needs /usr/bin/chromium (`apt-get install chromium`).
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

import pytest

Site = Traffic = Any  # the fixtures are defined in conftest.py

pytestmark = pytest.mark.browser

# The calculator (its answers and its markup), language and 404 checks live in their own
# modules but are collected here: pytest-xdist (--dist loadfile) keeps one file in one
# worker, so the site is built and Chromium started once for all browser tests.
from tests.browser.calculator_checks import (  # noqa: E402
    test_calculator_agrees_with_expected_shapes,
    test_calculator_answers_typing_and_clicking,
    test_calculator_fits_a_phone,
    test_calculator_in_chinese_names_the_same_errors,
    test_calculator_survives_instant_navigation,
)
from tests.browser.calculator_markup_checks import (  # noqa: E402
    test_the_includes_are_what_the_script_makes,
    test_the_page_without_javascript_carries_the_markup_and_says_why,
    test_the_script_keeps_the_answer_the_page_carries,
)
from tests.browser.navigation_checks import (  # noqa: E402
    test_chinese_pages_show_material_in_chinese,
    test_language_switch_keeps_the_page_and_the_section,
    test_missing_pages_get_a_working_404_page,
    test_the_chinese_404_page_is_chinese_and_leads_home,
)

__all__ = [
    "test_calculator_agrees_with_expected_shapes",
    "test_calculator_answers_typing_and_clicking",
    "test_calculator_fits_a_phone",
    "test_calculator_in_chinese_names_the_same_errors",
    "test_calculator_survives_instant_navigation",
    "test_chinese_pages_show_material_in_chinese",
    "test_language_switch_keeps_the_page_and_the_section",
    "test_missing_pages_get_a_working_404_page",
    "test_the_chinese_404_page_is_chinese_and_leads_home",
    "test_the_includes_are_what_the_script_makes",
    "test_the_page_without_javascript_carries_the_markup_and_says_why",
    "test_the_script_keeps_the_answer_the_page_carries",
]

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


@dataclass
class PageReport:
    path: str
    title: str
    description: str
    lang: str
    links: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    math: int = 0
    scrollers: list[list[Any]] = field(default_factory=list)


_COLLECT = """() => ({
  title: document.title,
  description: (document.querySelector('meta[name="description"]') || {}).content || "",
  lang: document.documentElement.lang,
  links: [...document.querySelectorAll("a[href]")].map(a => a.href),
  images: [...document.querySelectorAll("img[src]")].map(i => i.src).concat(
    [...document.querySelectorAll("source[srcset]")]
      .map(s => new URL(s.srcset, location.href).href)),
  math: document.querySelectorAll(".arithmatex .katex").length,
})"""

# The header, tabs and sidebars are the same on every page of a language, and code
# blocks share one colour scheme: axe checks whole pages for a few pages (home, the
# calculator, and the two with the most code) and, on the others, the article without
# its code blocks. Checking every code token's contrast on every page would take minutes.
FULL_AXE = (
    "",
    "zh/",
    "reference/calculator/",
    "zh/reference/calculator/",
    "reference/api/messages/",
    "tutorials/char-model/",
    "zh/tutorials/char-model/",
)

_AXE_RUN = """async (whole) => {
  const scope = whole ? document
    : {include: [[".md-content"]], exclude: [[".highlight"], [".jp-InputArea"]]};
  // WCAG 2.2 rules on (target-size is off by default), with axe's best practices.
  const result = await axe.run(scope, {resultTypes: ["violations"], runOnly: {type: "tag",
    values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => v.impact + " " + v.id + ": " + v.help + " -> "
         + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
}"""


#: Blocks allowed to scroll sideways at 1280 px, by page and the start of their text,
#: with the reason. (Code wraps; tables of many columns scroll inside their own box.)
SCROLL_ALLOWED: dict[tuple[str, str], str] = {}

# The page itself, and every box of the main column that scrolls sideways.
_SCROLLERS = """() => {
  const out = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) out.push(["the page", String(root.scrollWidth)]);
  for (const el of document.querySelectorAll(".md-content *")) {
    const style = getComputedStyle(el);
    if (!["auto", "scroll"].includes(style.overflowX)) continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      out.push([el.tagName.toLowerCase() + "." + (el.className || ""),
                el.textContent.trim().slice(0, 40), el.scrollWidth - el.clientWidth]);
    }
  }
  return out;
}"""


@pytest.fixture(scope="module")
def crawl(site: Site, open_tab: Callable[[], Any]) -> dict[str, PageReport]:
    """Visit every page once (1280 px wide): collect title, description, links, images,
    what scrolls sideways and axe's results (axe is loaded into every page of the tab)."""
    assert site.pages, "the built site has no pages"
    tab = open_tab()
    tab.add_init_script(path=str(AXE))
    reports: dict[str, PageReport] = {}
    try:
        for path in site.pages:
            tab.goto(site.url(path), wait_until="load")
            if tab.locator(".arithmatex").count():
                tab.wait_for_function(
                    "document.querySelectorAll('.arithmatex .katex').length > 0", timeout=5000
                )
            data = tab.evaluate(_COLLECT)
            scrollers = tab.evaluate(_SCROLLERS)
            violations = tab.evaluate(_AXE_RUN, path in FULL_AXE)
            reports[path] = PageReport(
                path=path,
                title=data["title"],
                description=data["description"],
                lang=data["lang"],
                links=data["links"],
                images=data["images"],
                violations=violations,
                math=data["math"],
                scrollers=scrollers,
            )
    finally:
        tab.close()
    return reports


def test_the_crawl_covers_both_languages_and_the_sitemap(
    site: Site, crawl: dict[str, PageReport]
) -> None:
    zh = [path for path in crawl if path.startswith("zh/")]
    en = [path for path in crawl if not path.startswith("zh/")]
    assert en and zh, f"en pages {len(en)}, zh pages {len(zh)}"
    sitemap = (site.directory / "sitemap.xml").read_text(encoding="utf-8")
    listed = {
        url.removeprefix(site.built_for) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)
    }
    missing = sorted(listed - set(crawl))
    assert not missing, f"sitemap pages not crawled: {missing}"
    assert all(crawl[p].lang == "zh" for p in zh), "a /zh/ page is not lang=zh"


def test_no_main_column_scrolls_sideways_on_a_desktop(crawl: dict[str, PageReport]) -> None:
    problems = [
        f"/{path}: {found}"
        for path, report in crawl.items()
        for found in report.scrollers
        if (path, found[1][:20] if len(found) > 2 else found[0]) not in SCROLL_ALLOWED
    ]
    assert not problems, "scrolls sideways at 1280 px:\n" + "\n".join(problems)


def test_no_request_leaves_the_site_and_none_fails(
    crawl: dict[str, PageReport], traffic: Traffic
) -> None:
    assert not traffic.foreign, f"requests to other hosts: {sorted(set(traffic.foreign))}"
    assert not traffic.failed, f"failed requests: {sorted(set(traffic.failed))}"


def test_no_console_errors(crawl: dict[str, PageReport], traffic: Traffic) -> None:
    assert not traffic.console_errors, "\n".join(traffic.console_errors)


def test_every_page_has_a_title_and_a_description(crawl: dict[str, PageReport]) -> None:
    bad = [
        f"{path}: title={report.title!r} description={report.description!r}"
        for path, report in crawl.items()
        if not report.title.strip() or len(report.description.strip()) < 20
    ]
    assert not bad, "\n".join(bad)


def test_descriptions_are_the_pages_own(crawl: dict[str, PageReport]) -> None:
    # Material falls back to site_description when a page has none: every page should
    # say what it is about itself.
    counts: dict[str, list[str]] = {}
    for path, report in crawl.items():
        counts.setdefault(report.description, []).append(path)
    shared = {text[:60]: paths for text, paths in counts.items() if len(paths) > 1}
    # The 404 page is not crawled (it is no index.html), so nothing may share one.
    assert not shared, f"pages sharing one description: {shared}"


def _status(url: str) -> int:
    request = urllib.request.Request(url, method="HEAD")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_every_internal_link_and_image_resolves(site: Site, crawl: dict[str, PageReport]) -> None:
    origin = site.base_url.split("/rnn-guide/")[0]
    targets: dict[str, str] = {}
    for path, report in crawl.items():
        for url in [*report.links, *report.images]:
            url = urldefrag(url).url
            if url.startswith(origin):
                targets.setdefault(url, path)
    assert targets, "no internal links found"
    broken = [
        f"{url} (linked from /{page})" for url, page in targets.items() if _status(url) != 200
    ]
    assert not broken, "broken internal links:\n" + "\n".join(sorted(broken))


def test_pages_fetch_nothing_from_other_hosts_in_their_html(site: Site) -> None:
    # Also what the browser did not happen to fetch: <link>, <script>, <img>, <iframe>,
    # <source> and CSS url()/@import that point at another host.
    fetching = re.compile(
        r"<(?:link|script|img|iframe|source|audio|video)\b[^>]*?\b(?:src|href|srcset)="
        r"[\"']((?:https?:)?//[^\"']+)",
        re.IGNORECASE,
    )
    css_remote = re.compile(r"(?:@import\s+|url\()\s*[\"']?((?:https?:)?//[^\"')]+)")
    found = []
    for html in site.directory.rglob("*.html"):
        text = html.read_text(encoding="utf-8", errors="replace")
        for match in fetching.finditer(text):
            tag = text[max(0, match.start() - 1) : match.end()]
            if 'rel="canonical"' in tag or 'rel="alternate"' in tag:
                continue  # an address, not a fetch
            if not match.group(1).startswith(site.built_for):
                found.append(f"{html.relative_to(site.directory)}: {match.group(1)}")
    # Script that fetches from a CDN on demand: Material (and mkdocs-jupyter's notebook
    # template) import Mermaid from unpkg/cdnjs when a page holds a Mermaid diagram.
    on_demand = re.compile(r"""class=["'][^"']*\b(?:mermaid|jp-Mermaid)\b""")
    dynamic_import = re.compile(r"""import\(\s*["'`]((?:https?:)?//[^"'`]+)""")
    for html in site.directory.rglob("*.html"):
        text = html.read_text(encoding="utf-8", errors="replace")
        if on_demand.search(text):
            found.append(f"{html.relative_to(site.directory)}: a Mermaid diagram (CDN script)")
        for url in dynamic_import.findall(text):
            found.append(f"{html.relative_to(site.directory)}: import({url})")
    for css in site.directory.rglob("*.css"):
        for url in css_remote.findall(css.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{css.relative_to(site.directory)}: {url}")
    assert not found, "pages that would fetch from another host:\n" + "\n".join(found)


def test_notebook_pages_are_plain_site_pages(site: Site) -> None:
    # tools/site/notebook_hook.py strips mkdocs-jupyter's inline JupyterLab CSS and scripts
    # and gives code cells Material's code block markup.
    pages = sorted(site.directory.glob("**/tutorials/char-model/index.html"))
    assert len(pages) == 2, pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        name = page.relative_to(site.directory)
        article = text[text.index("<article") : text.index("</article>")]
        assert "<style" not in article and "<script" not in article, name
        assert "jupyter-wrapper" in article and "highlight-ipynb" not in article, name
        assert article.count('<div class="language-python highlight">') >= 8, name
        assert "No description has been provided" not in article, name
        assert len(text) < 200_000, f"{name}: {len(text)} bytes"


def test_written_pages_keep_their_highlighting_and_measurements(site: Site) -> None:
    # tools/site/search_hook.py hands the search plugin pages without highlighting and gives
    # each page its own HTML back before it is written; the batching table is included
    # from benchmarks/results/batching.<lang>.md (pymdownx.snippets).
    for lang in ("", "zh/"):
        page = site.directory / lang / "explanation/output-vs-h-n/index.html"
        assert page.read_text(encoding="utf-8").count('<span class="p">') > 20, page
        page = site.directory / lang / "explanation/why-batching-is-faster/index.html"
        text = page.read_text(encoding="utf-8")
        assert "--8&lt;--" not in text and "--8<--" not in text, page
        assert "<table>" in text[text.index('id="measured"') :], page


def test_math_is_rendered_by_the_vendored_katex(crawl: dict[str, PageReport]) -> None:
    with_math = [path for path, report in crawl.items() if report.math]
    assert with_math, "no page rendered any math with KaTeX"


def test_figures_are_shown_in_the_pages_language(crawl: dict[str, PageReport]) -> None:
    for path, report in crawl.items():
        figures = [src for src in report.images if "/assets/figures/" in src]
        wanted = "/rnn-guide/zh/assets/figures/" if path.startswith("zh/") else "/rnn-guide/assets/"
        wrong = [src for src in figures if wanted not in src]
        assert not wrong, f"{path}: figures from the other language: {wrong}"


def test_no_serious_or_critical_accessibility_violations(crawl: dict[str, PageReport]) -> None:
    problems = [
        f"/{path}: {violation}" for path, report in crawl.items() for violation in report.violations
    ]
    assert not problems, "axe-core found:\n" + "\n".join(problems)
