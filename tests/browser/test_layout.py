"""The site's layout as a reader meets it on a phone (390x844) and a desktop (1280x800),
in the light and the dark scheme: the calculator's answer in view while editing, with
nothing moving; every figure's text at least 11 CSS px, in the reader's scheme; no
serious accessibility issue (axe, WCAG 2.2). That no main column scrolls sideways on a
desktop is checked on every page by test_site.py's crawl.

Needs /usr/bin/chromium (`apt-get install chromium`); fonts-noto-cjk gives the Chinese
pages their real metrics (the checks hold without it, the screenshots look right with it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.calculator_checks import (  # noqa: F401 (collected here)
    test_a_link_shares_the_question,
    test_the_code_and_the_link_can_be_copied,
    test_the_python_shown_runs_and_agrees_with_torch,
    test_typing_rewrites_the_address_a_few_times_not_per_key,
)

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 800)}
SCHEMES = ("light", "dark")
SETUPS = [(device, scheme) for device in VIEWPORTS for scheme in SCHEMES]
MIN_TEXT_PX = 11.0
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WCAG22 = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(params=SETUPS, ids=[f"{d}-{s}" for d, s in SETUPS])
def tab(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    yield from _tab(browser, *request.param)


def _tab(browser: Any, device: str, scheme: str) -> Iterator[Any]:
    width, height = VIEWPORTS[device]
    phone = device == "phone"
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=scheme,
        is_mobile=phone,
        has_touch=phone,
        device_scale_factor=1,
        locale="en-US",
    )
    # Layout shifts from the start of every page, summed as CLS counts them.
    context.add_init_script(
        """window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) window.__shifts.push(entry.value);
          }
        }).observe({type: "layout-shift", buffered: true});"""
    )
    page = context.new_page()
    page.device = device
    page.scheme = scheme
    try:
        yield page
    finally:
        context.close()


def _open(site: Any, tab: Any, path: str) -> None:
    tab.goto(site.url(path), wait_until="load")
    scheme = tab.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == ("slate" if tab.scheme == "dark" else "default"), scheme


# ---------------------------------------------------------------- the calculator

# Each field edited in turn, as a reader would; the last two give errors.
EDITS = [
    ("mode", "select", "GRU"),
    ("input_size", "fill", "12"),
    ("hidden_size", "fill", "30"),
    ("num_layers", "fill", "3"),
    ("proj_size", "fill", "0"),
    ("bidirectional", "check", ""),
    ("batch_first", "uncheck", ""),
    ("input_shape", "fill", "torch.Size([7, 3, 12])"),
    ("input_size", "fill", "x"),
    ("input_shape", "fill", "7, 3, 5"),
]

_IN_VIEW = """(name) => {
  const root = document.querySelector("[data-shape-calculator]");
  const top = document.querySelector(".md-header").getBoundingClientRect().bottom;
  // Wholly in view below the header (whole = false: its centre is) and not covered.
  const seen = (el, whole = true) => {
    const r = el.getBoundingClientRect();
    const y = r.top + r.height / 2;
    if (r.width === 0) return false;
    if (whole ? r.top < top - 1 || r.bottom > innerHeight + 1 : y < top || y > innerHeight) {
      return false;
    }
    const hit = document.elementFromPoint(r.left + r.width / 2, y);
    return hit !== null && (el === hit || el.contains(hit));
  };
  const wide = matchMedia("(min-width: 60em)").matches;
  const error = root.classList.contains("rg-calc--error");
  const answer = wide
    ? [root.querySelector('[data-calc="status"]'),
       root.querySelector(error ? '[data-calc="message"]' : '[data-shape="output"]')]
    : [root.querySelector('[data-calc="summary"]')];
  return {
    wide, error,
    answer: answer.every(seen),
    field: seen(root.querySelector(`[name="${name}"]`), false),
    summary: root.querySelector('[data-calc="summary"]').textContent,
    message: root.querySelector('[data-calc="message"]').textContent,
    output: root.querySelector('[data-shape="output"]').textContent,
  };
}"""


_TWO_FRAMES = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"


def test_the_answer_is_in_view_after_editing_each_field(site: Any, tab: Any) -> None:
    _open(site, tab, "reference/calculator/")
    tab.wait_for_selector('[data-shape-calculator][data-ready="true"]')
    problems = []
    for name, action, value in EDITS:
        control = tab.get_by_label(name, exact=True)
        if action == "fill":
            control.click()  # a reader taps the field first: it is in view, uncovered
        if action == "select":
            control.select_option(value)
        elif action == "fill":
            control.fill(value)
        else:
            control.check() if action == "check" else control.uncheck()
        seen = tab.evaluate(_IN_VIEW, name)
        # What a reader sees once the page has painted: a sticky box or a scroll the edit
        # started may take a frame or two to settle (a few frames at most, not a timeout).
        for _ in range(10):
            if seen["answer"] and seen["field"]:
                break
            tab.evaluate(_TWO_FRAMES)
            seen = tab.evaluate(_IN_VIEW, name)
        assert seen["wide"] == (tab.device == "desktop"), seen
        if not seen["answer"] or not seen["field"]:
            problems.append(f"after {name}={value!r}: {seen}")
        if not seen["wide"]:  # the summary says what the answer says
            expected = "✗ " + seen["message"] if seen["error"] else "output " + seen["output"]
            assert seen["summary"].startswith(expected), seen
    assert [e for e in EDITS if e[0] == "input_size"][-1][2] == "x"
    assert not problems, "\n".join(problems)


_BOXES = """() => {
  const root = document.querySelector("[data-shape-calculator]");
  const parts = [...root.querySelectorAll(
    "input, select, .rg-calc__summary, .rg-calc__status, .rg-calc__answer, .rg-calc__table")];
  return parts.map((el) => {
    const r = el.getBoundingClientRect();
    return [el.name || el.className, Math.round(r.top + scrollY), Math.round(r.left),
            Math.round(r.width), Math.round(r.height)];
  });
}"""

_SET = """(values) => {
  const form = document.querySelector("[data-shape-calculator] form");
  for (const [name, value] of Object.entries(values)) {
    const field = form.elements[name];
    if (field.type === "checkbox") { field.checked = value; } else { field.value = value; }
    field.dispatchEvent(new Event("input", {bubbles: true}));
  }
}"""

# Right and wrong answers of every length: nothing in the form or the answer may move.
STATES = [
    {"input_shape": "3, 7, 12"},  # features
    {"input_shape": "3, 7, 10", "input_size": "x"},  # not_int
    {"input_size": "10", "mode": "GRU"},  # no cell state
    {"input_shape": "7, 10"},  # unbatched
    {"input_shape": "2, 3, 7, 10"},  # rank_too_high: a long message
    {"input_shape": "7, 10", "hidden_size": "3037000500"},  # storage_too_large
    {"hidden_size": "20", "proj_size": "5", "mode": "LSTM", "bidirectional": True},
    {"input_shape": "4096, 512, 10", "hidden_size": "1024"},  # large sizes
]


def test_the_calculator_does_not_jump(site: Any, tab: Any) -> None:
    _open(site, tab, "reference/calculator/")
    tab.wait_for_selector('[data-shape-calculator][data-ready="true"]')
    tab.wait_for_timeout(300)
    shifts = tab.evaluate("window.__shifts.reduce((a, b) => a + b, 0)")
    assert shifts < 0.01, f"the page shifted by {shifts:.3f} (CLS) while loading"
    before = tab.evaluate(_BOXES)
    for state in STATES:
        tab.evaluate(_SET, state)
        after = tab.evaluate(_BOXES)
        moved = [
            f"{a[0]}: {a[1:]} -> {b[1:]}" for a, b in zip(before, after, strict=True) if a != b
        ]
        assert not moved, f"after {state}: " + "; ".join(moved)


# ---------------------------------------------------------------- figures

_FIGURE_TEXT = """async () => {
  const images = [...document.querySelectorAll('.md-content img[src*="/assets/figures/"]')];
  const shown = images.filter((img) => img.getBoundingClientRect().width > 0);
  const result = [];
  for (const img of shown) {
    // A lazy image far below the screen is not fetched until it comes near: ask for it.
    if (!img.complete) {
      const loaded = new Promise((done) => { img.onload = img.onerror = done; });
      img.loading = "eager";
      await loaded;
    }
    const source = await (await fetch(img.currentSrc || img.src)).text();
    // The same drawing, inline at the width the image is shown at: each label's font
    // size times the drawing's scale is its size on screen.
    const holder = document.createElement("div");
    holder.style.cssText = `position:absolute;left:-20000px;top:0;width:${img.clientWidth}px`;
    holder.innerHTML = source;
    document.body.appendChild(holder);
    const svg = holder.querySelector("svg");
    svg.style.width = img.clientWidth + "px";
    svg.style.height = "auto";
    let smallest = Infinity, label = "";
    for (const node of svg.querySelectorAll("text, tspan")) {
      if (!node.textContent.trim()) continue;
      const m = node.getScreenCTM();
      const px = parseFloat(getComputedStyle(node).fontSize) * Math.hypot(m.a, m.b);
      if (px < smallest) { smallest = px; label = node.textContent.trim(); }
    }
    holder.remove();
    result.push({src: img.currentSrc, alt: img.alt, width: img.clientWidth,
                 natural: img.naturalWidth, smallest, label,
                 title: !!svg.querySelector("title"), desc: !!svg.querySelector("desc")});
  }
  return {total: images.length, shown: result};
}"""


def _figure_pages(site: Any) -> list[str]:
    return [
        path
        for path in site.pages
        if "/assets/figures/" in (site.directory / path / "index.html").read_text(encoding="utf-8")
    ]


def test_every_figure_is_readable_in_the_readers_scheme(site: Any, tab: Any) -> None:
    pages = _figure_pages(site)
    assert len(pages) >= 10, pages  # five pages with figures, in two languages
    problems = []
    for path in pages:
        _open(site, tab, path)
        found = tab.evaluate(_FIGURE_TEXT)
        assert found["total"] % 2 == 0, f"{path}: a figure without a picture per scheme"
        assert len(found["shown"]) == found["total"] // 2, f"{path}: {found['shown']}"
        for figure in found["shown"]:
            src = figure["src"]
            if ("-dark." in src) != (tab.scheme == "dark"):
                problems.append(f"/{path}: {src} shown in the {tab.scheme} scheme")
            if ("-narrow" in src) != (tab.device == "phone"):
                problems.append(f"/{path}: {src} shown on the {tab.device}")
            if not figure["alt"].strip() or not (figure["title"] and figure["desc"]):
                problems.append(f"/{path}: {src} has no text alternative")
            if figure["smallest"] < MIN_TEXT_PX:
                problems.append(
                    f"/{path}: {src} at {figure['width']}px shows {figure['label']!r} "
                    f"at {figure['smallest']:.1f}px"
                )
    assert not problems, "\n".join(problems)


# Scroll to each figure shown, as a reader would, and wait until it has loaded.
_SCROLL_PAST_FIGURES = """async () => {
  const images = [...document.querySelectorAll('img[src*="/assets/figures/"]')]
    .filter((img) => img.getBoundingClientRect().width > 0);
  for (const img of images) {
    img.scrollIntoView();
    if (!(img.complete && img.naturalWidth > 0)) {
      await new Promise((done) => { img.onload = img.onerror = done; });
    }
  }
  return images.length;
}"""


def test_a_reader_fetches_only_the_variant_shown(site: Any, tab: Any) -> None:
    # Of each figure's four files, only the one this device and scheme show is fetched,
    # even once the reader has scrolled past every figure; and, in the dark scheme, the
    # light picture of the page's first figure, which is fetched with the page.
    fetched: list[str] = []
    tab.on("request", lambda request: fetched.append(request.url))
    path = "explanation/output-vs-h-n/"  # two figures, one of them far down
    _open(site, tab, path)
    tab.evaluate(_SCROLL_PAST_FIGURES)
    figures = sorted({url.split("/")[-1].split("#")[0] for url in fetched if "/figures/" in url})
    suffix = ("-narrow" if tab.device == "phone" else "") + (
        "-dark" if tab.scheme == "dark" else ""
    )
    wanted = {f"h-n-layout{suffix}.svg", f"output-vs-h-n{suffix}.svg"}
    if tab.scheme == "dark":
        wanted.add("output-vs-h-n" + ("-narrow" if tab.device == "phone" else "") + ".svg")
    assert figures == sorted(wanted), f"{tab.device}, {tab.scheme}: fetched {figures}"


# ---------------------------------------------------------------- accessibility

#: Pages axe checks in the phone and dark setups (test_site.py's crawl checks every page
#: on a light desktop): a home page, both calculators (a right and a wrong answer), pages
#: with figures and wide code, the error atlas.
AXE_PAGES = (
    "zh/",
    "reference/calculator/",
    "zh/reference/calculator/?input=3,7,12&proj_size=x",
    "explanation/batch-first/",
    "zh/explanation/output-vs-h-n/",
    "reference/error-atlas/",
)

_AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {
    resultTypes: ["violations"], runOnly: {type: "tag", values: tags}});
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => v.impact + " " + v.id + ": " + v.help + " -> "
         + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | "));
}"""


# The light desktop is test_site.py's crawl (every page, the same WCAG 2.2 tags).
AXE_SETUPS = [setup for setup in SETUPS if setup != ("desktop", "light")]


@pytest.fixture(params=AXE_SETUPS, ids=[f"{d}-{s}" for d, s in AXE_SETUPS])
def axe_tab(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    yield from _tab(browser, *request.param)


def test_axe_finds_no_serious_issue_with_wcag_22_rules(site: Any, axe_tab: Any) -> None:
    tab = axe_tab
    source = AXE.read_text(encoding="utf-8")
    problems = []
    for path in AXE_PAGES:
        _open(site, tab, path)
        if "calculator" in path:
            tab.wait_for_selector('[data-shape-calculator][data-ready="true"]')
        tab.add_script_tag(content=source)
        problems += [f"/{path}: {v}" for v in tab.evaluate(_AXE_RUN, WCAG22)]
    assert not problems, "axe-core found:\n" + "\n".join(problems)


def test_axe_runs_the_wcag_22_rules(site: Any, page: Any) -> None:
    # runOnly by tag switches on rules axe leaves off by default (target-size, WCAG 2.5.8).
    page.goto(site.url("reference/calculator/"))
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    ran = page.evaluate(
        """async (tags) => {
          const r = await axe.run(document, {runOnly: {type: "tag", values: tags}});
          return [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable]
            .map((rule) => rule.id);
        }""",
        WCAG22,
    )
    assert "target-size" in ran and "color-contrast" in ran, sorted(ran)
    assert re.search("wcag22aa", AXE.read_text(encoding="utf-8"))
