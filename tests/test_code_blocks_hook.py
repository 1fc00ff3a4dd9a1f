"""tools/site/code_blocks_hook.py: code blocks focusable, names and spaces unwrapped,
the text and the look unchanged."""

from __future__ import annotations

import doctest
import re
from html import unescape
from importlib.resources import files

import markdown

import tools.site.code_blocks_hook as hook

STYLESHEETS = files("material") / "templates" / "assets" / "stylesheets"
CODE = """```python
import torch
from torch import nn

rnn = nn.RNN(input_size=4, hidden_size=8, batch_first=True)  # a comment
output, h_n = rnn(torch.zeros(2, 3, 4))
assert output.shape == (2, 3, 8) and "text" != f"{h_n.shape}"
```
"""


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]*>", "", html))


def _highlighted() -> str:
    return markdown.markdown(CODE, extensions=["pymdownx.highlight", "pymdownx.superfences"])


def test_the_docstring_examples_pass() -> None:
    failed, attempted = doctest.testmod(hook)
    assert attempted and not failed


def test_names_and_spaces_lose_their_spans_and_nothing_else_changes() -> None:
    html = _highlighted()
    light = hook.light_code(html)
    assert html.count('<span class="n">') > 10 and '<span class="w">' in html
    assert '<span class="n">' not in light and '<span class="w">' not in light
    assert _text(light) == _text(html)
    kept = ("nn", "o", "p", "c1", "s2", "mi", "kn")
    for name in kept:
        assert light.count(f'class="{name}"') == html.count(f'class="{name}"') > 0, name
    assert '<code tabindex="0">' in light


def test_only_code_is_touched() -> None:
    prose = '<p><span class="n">a name</span> in prose</p>'
    assert hook.light_code(prose) == prose


def test_materials_css_gives_names_the_code_colour_and_spaces_none() -> None:
    # If an upgrade of Material colours names or spaces, unwrapping them changes the look.
    css = "".join(
        p.read_text(encoding="utf-8") for p in STYLESHEETS.iterdir() if p.name.endswith(".css")
    )
    rules = [
        (set(selectors.split(",")), body)
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)
        if ".highlight" in selectors
    ]
    assert len(rules) > 20, "Material's highlight rules not found"
    for selectors, body in rules:
        assert ".highlight .w" not in selectors, (selectors, body)
        if ".highlight .n" in selectors:
            assert body == "color:var(--md-code-hl-name-color)", (selectors, body)
    assert any(".highlight .n" in selectors for selectors, _ in rules)
    names = set(re.findall(r"--md-code-hl-name-color:([^;}]*)", css))
    assert names == {"var(--md-code-fg-color)"}, names
