"""The copy button gives code that runs, in both languages.

A doctest block copies as its code only (no ``>>>``/``...`` prompts, no output), and that
code runs in ``python -c``; every other block (``bash`` ones are written without a ``$ ``
prompt) copies as written. The button is clicked in Chromium and the clipboard
read back. Every doctest block of a few long pages is also checked against Python's own
doctest parser, so the page script and the doctest rules cannot drift apart.
"""

from __future__ import annotations

import doctest
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from tools.docsuite.fences import blocks
from tools.paths import ROOT

pytestmark = pytest.mark.browser

LANGS = ["en", "zh"]
BLOCKS = ".md-content .highlight"


def doctest_code(text: str) -> str:
    """The code of a doctest, as Python's doctest module reads it (see copy-code.js)."""
    lines: list[str] = []
    previous = 0  # the lines of the previous example's source
    for example in doctest.DocTestParser().get_examples(text):
        source = example.source.rstrip("\n").split("\n")
        if previous > 1:
            lines.append("")  # so that the interactive interpreter ends the statement
        lines.extend(source)
        previous = len(source)
    return "\n".join(lines)


def fence_sources(page: str) -> list[str]:
    """The ``python`` and ``bash`` fences of a Markdown page, in order."""
    found = blocks(ROOT / "docs" / page)
    return [b.code.rstrip("\n") for b in found if b.info in ("python", "bash") and not b.invisible]


@pytest.fixture(scope="module")
def clipboard_page(browser: Any, site: Any) -> Iterator[Any]:
    """A tab that may read the clipboard; requests off the site are aborted."""
    origin = site.base_url.split("/rnn-guide/")[0]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith((origin, "data:", "blob:"))
            else route.abort()
        ),
    )
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


def click_copy(page: Any, block: Any) -> str:
    """Click the block's copy button and return what the clipboard holds."""
    page.evaluate("navigator.clipboard.writeText('')")
    block.scroll_into_view_if_needed()
    block.hover()
    button = block.locator("button[data-md-type='copy']")
    button.wait_for(state="visible", timeout=10_000)
    button.click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t !== '')", timeout=10_000)
    copied: str = page.evaluate("navigator.clipboard.readText()")
    return copied


def block_starting(page: Any, text: str) -> Any:
    block = page.locator(BLOCKS).filter(has=page.locator("code", has_text=text)).first
    assert block.count() == 1, f"no code block with {text!r} on {page.url}"
    return block


@pytest.mark.parametrize("lang", LANGS)
def test_doctest_block_copies_code_that_runs(clipboard_page: Any, site: Any, lang: str) -> None:
    page = clipboard_page
    prefix = "" if lang == "en" else "zh/"
    page.goto(site.url(f"{prefix}explanation/output-vs-h-n/"))
    source = fence_sources(f"{lang}/explanation/output-vs-h-n.md")[0]
    assert source.startswith(">>> import torch"), source
    copied = click_copy(page, block_starting(page, "import torch"))
    assert copied == doctest_code(source), copied
    assert ">>>" not in copied and "torch.Size([4, 3, 6])" not in copied, copied
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    env.pop("PYTHONPATH", None)
    run = subprocess.run(
        [sys.executable, "-c", copied + "\nprint(output.shape, h_n.shape)"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "torch.Size([4, 3, 6]) torch.Size([1, 3, 6])", run.stdout


@pytest.mark.parametrize("lang", LANGS)
def test_plain_block_copies_as_written(clipboard_page: Any, site: Any, lang: str) -> None:
    page = clipboard_page
    prefix = "" if lang == "en" else "zh/"
    page.goto(site.url(f"{prefix}explanation/output-vs-h-n/"))
    (source,) = (
        s for s in fence_sources(f"{lang}/explanation/output-vs-h-n.md") if "stacked =" in s
    )
    copied = click_copy(page, block_starting(page, "stacked = nn.RNN"))
    assert copied == source, copied


@pytest.mark.parametrize("lang", LANGS)
def test_bash_blocks_copy_commands(clipboard_page: Any, site: Any, lang: str) -> None:
    page = clipboard_page
    prefix = "" if lang == "en" else "zh/"
    page.goto(site.url(f"{prefix}reference/cli/"))
    # A block of commands without prompts: copied as written.
    commands = next(
        s for s in fence_sources(f"{lang}/reference/cli.md") if s.startswith("rnn-guide ")
    )
    copied = click_copy(page, block_starting(page, commands.split("\n")[0]))
    assert copied == commands, copied
    # The install note's commands: copied as written too.
    note = page.locator(".md-content details.info").first
    note.locator("summary").click()
    copied = click_copy(page, note.locator(".highlight").first)
    assert copied == "pip install rnn-guide", copied


PAGES = [
    "explanation/output-vs-h-n/",
    "reference/error-atlas/",
    "explanation/misconceptions/",
    "how-to/last-output/",
    "reference/api/shapes/",  # the docstrings' examples, as mkdocstrings shows them
]


@pytest.mark.parametrize("path", [*PAGES, *(f"zh/{p}" for p in PAGES)])
def test_every_doctest_copy_follows_doctest_rules(
    clipboard_page: Any, site: Any, path: str
) -> None:
    page = clipboard_page
    page.goto(site.url(path))
    page.wait_for_function(f"document.querySelectorAll('{BLOCKS}[data-copy]').length > 0")
    shown = page.eval_on_selector_all(
        BLOCKS,
        "blocks => blocks.map(b => [b.querySelector('pre > code').textContent,"
        " b.getAttribute('data-copy')])",
    )
    doctests = [(text, copy) for text, copy in shown if text.startswith(">>>")]
    assert len(doctests) >= 3, path
    for text, copy in doctests:
        # doctest skips an example that is only a comment; the copy keeps it, as a reader
        # would want: compare the rest with doctest, and the comments with the page's.
        code = "\n".join(line for line in copy.split("\n") if not line.startswith("#"))
        assert code == doctest_code(text), f"{path}: {text[:200]!r} copies as {copy!r}"
        comments = [line[4:] for line in text.split("\n") if line.startswith(">>> #")]
        assert [line for line in copy.split("\n") if line.startswith("#")] == comments, copy
    for text, copy in shown:
        if not text.startswith(">>>"):
            assert copy is None, f"{path}: a plain block got data-copy: {text[:80]!r}"
