"""tools/site/notebook_hook.py: what it removes from and rewrites in a rendered notebook."""

from __future__ import annotations

import json
from pathlib import Path

from tools.paths import DOCS
from tools.site.notebook_hook import clean_notebook_html, image_alts

RENDERED = """\
<style type="text/css">.jupyter-wrapper{--jp-x: 1}</style>
<script src=""> </script>
<script type="module">import("https://cdn.example/mermaid.mjs")</script>
<div class="jupyter-wrapper">
<h2 id="plot">Plot<a class="anchor-link" href="#plot">¶</a></h2>
<div class="CodeMirror cm-s-jupyter">
<div class="zeroclipboard-container">
<clipboard-copy for="cell-1" aria-label="Copy to Clipboard">
<div><span class="notice" hidden>Copied!</span><svg></svg></div>
</clipboard-copy>
</div>
<div class="highlight-ipynb hl-python"><pre><span></span><span class="n">x</span> = 1
</pre></div>
<div class="clipboard-copy-txt" id="cell-1">x = 1</div>
</div>
<img alt="No description has been provided for this image" src="data:image/png;base64,AA"/>
<img alt="No description has been provided for this image" src="data:image/png;base64,BB"/>
</div>
"""


def test_inline_styles_scripts_and_copy_widgets_are_removed() -> None:
    html = clean_notebook_html(RENDERED, ["a plot"], "some plot")
    for gone in ("<style", "<script", "cdn.example", "clipboard", "highlight-ipynb"):
        assert gone not in html, gone


def test_code_cells_get_materials_markup_and_keyboard_access() -> None:
    html = clean_notebook_html(RENDERED, [], "plot")
    expected = (
        '<div class="language-python highlight"><pre><span></span><code tabindex="0">'
        '<span class="n">x</span>'
    )
    assert expected in html
    assert '<a class="headerlink" href="#plot" title="Permanent link">¶</a>' in html


def test_images_take_the_alts_in_order_then_the_fallback() -> None:
    html = clean_notebook_html(RENDERED, ['loss "curve"'], "a plot")
    assert 'alt="loss &quot;curve&quot;"' in html
    assert 'alt="a plot"' in html
    assert "No description" not in html


def test_image_alts_come_from_the_cells_that_draw(tmp_path: Path) -> None:
    png = {"output_type": "display_data", "data": {"image/png": "AA"}, "metadata": {}}
    text = {"output_type": "stream", "name": "stdout", "text": "1\n"}
    notebook = {
        "cells": [
            {"cell_type": "code", "metadata": {}, "outputs": [text], "source": ""},
            {"cell_type": "code", "metadata": {"alt": "first"}, "outputs": [png], "source": ""},
            {"cell_type": "markdown", "metadata": {}, "source": "text"},
            {"cell_type": "code", "metadata": {}, "outputs": [png, png], "source": ""},
        ]
    }
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    assert image_alts(path) == ["first", "", ""]


def test_the_tutorial_notebooks_describe_their_plots() -> None:
    docs = DOCS
    for notebook in sorted(docs.glob("*/tutorials/*.ipynb")):
        alts = image_alts(notebook)
        assert alts and all(alts), f"{notebook}: a plot without an 'alt' in its cell metadata"
