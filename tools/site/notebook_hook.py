"""MkDocs hook: a rendered notebook looks and loads like the other pages (fixes content).

mkdocs-jupyter inlines about 590 kB of JupyterLab CSS, a copy-button script, a MathJax
configuration, an empty ``<script src="">`` and a module script importing Mermaid from a
CDN, and describes every plot as "No description has been provided for this image".
``on_page_content`` removes all of that, gives code cells Material's code-block markup
(the site's highlighting in both schemes, copy button, lazy set-up) and each plot the
``alt`` of its cell's metadata (the rest: ``.jupyter-wrapper`` in extra.css).
``on_page_context`` gives the page its first sentence of prose as its description.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from typing import Any

# What mkdocs-jupyter's template emits around the cells (mkdocs-jupyter 0.26).
_INLINE = re.compile(  # styles, scripts, the copy widget and its text
    r"<style\b[^>]*>.*?</style>\s*|<script\b[^>]*>.*?</script>\s*"
    r'|<div class="zeroclipboard-container">\s*<clipboard-copy\b.*?</clipboard-copy>\s*</div>\s*'
    r'|<div class="clipboard-copy-txt"[^>]*>.*?</div>\s*',
    re.DOTALL,
)
_CODE = re.compile(
    r'<div class="highlight-ipynb(?: hl-(?P<lang>[\w+-]+))?"><pre>(?:<span></span>)?'
    r"(?P<code>.*?)</pre></div>",
    re.DOTALL,
)
_ANCHOR = re.compile(r'<a class="anchor-link" href="(#[^"]*)">¶</a>')
_DEFAULT_ALT = re.compile(r'alt="No description has been provided for this image"')


def _code_block(match: re.Match[str]) -> str:
    lang = match["lang"] or "text"
    return (
        f'<div class="language-{lang} highlight"><pre><span></span>'
        f'<code tabindex="0">{match["code"]}</code></pre></div>'
    )


def clean_notebook_html(html: str, alts: list[str], fallback_alt: str) -> str:
    """``html`` without inline styles and scripts, code cells and heading anchors in
    Material's markup, and the images described by ``alts`` (then ``fallback_alt``)."""
    html = _CODE.sub(_code_block, _INLINE.sub("", html))
    html = _ANCHOR.sub(r'<a class="headerlink" href="\1" title="Permanent link">¶</a>', html)
    pending = iter(alts)
    return _DEFAULT_ALT.sub(lambda _: f'alt="{escape(next(pending, fallback_alt))}"', html)


def image_alts(notebook: Path) -> list[str]:
    """The ``alt`` of each code cell's metadata, once per image the cell outputs."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    alts = []
    for cell in cells:
        for output in cell.get("outputs", []):
            if any(kind.startswith("image/") for kind in output.get("data", {})):
                alts.append(cell["metadata"].get("alt", ""))
    return alts


# For an image whose cell gives no ``alt``, in the page's language.
_PLOT_ALT = {
    "en": "A plot made by the code cell above; the text around it says what it shows.",
    "zh": "上面的代码单元画出的图；图前后的文字说明了它显示的内容。",
}


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    lang = "zh" if page.file.src_uri.startswith("zh/") else "en"
    alts = [alt or _PLOT_ALT[lang] for alt in image_alts(Path(page.file.abs_src_path))]
    return clean_notebook_html(html, alts, _PLOT_ALT[lang])


def first_sentence(notebook: Path) -> str | None:
    """The first sentence of the notebook's first Markdown prose, without Markdown marks."""
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return None
    for cell in cells:
        if cell.get("cell_type") != "markdown":
            continue
        text = "".join(cell.get("source", []))
        prose = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
        if not prose:
            continue
        paragraph = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(prose))
        paragraph = re.sub(r"[`*_]", "", paragraph)
        match = re.match(r"(.+?[.。!?！？])(\s|$)", paragraph)
        return (match.group(1) if match else paragraph)[:300]
    return None


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    if page.file.src_uri.endswith(".ipynb") and not page.meta.get("description"):
        description = first_sentence(Path(page.file.abs_src_path))
        if description:
            page.meta["description"] = description
    return context
