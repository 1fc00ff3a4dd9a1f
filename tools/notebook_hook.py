"""MkDocs hook: notebooks as ordinary pages of this site.

Two jobs:

1. Keep notebooks rendered as pages under mkdocs-static-i18n. mkdocs-jupyter marks
   each ``.ipynb`` as a documentation page by wrapping it in a ``NotebookFile``.
   mkdocs-static-i18n then rebuilds every file as a plain ``File`` for each language
   (its ``on_files`` runs late), which drops the wrapper: the raw notebook JSON would
   be copied to the page's address. ``on_files`` runs after it and wraps them again,
   keeping the address the i18n plugin chose.

2. Keep mkdocs-jupyter's cache of converted notebooks across the language builds
   (``on_pre_build``).

3. Make the rendered notebook look and load like the other pages. mkdocs-jupyter puts
   about 590 kB of JupyterLab CSS inline in the page, a copy-button script, a MathJax
   configuration, an empty ``<script src="">`` and a module script that would import
   Mermaid from a CDN. ``on_page_content`` removes all of that and rewrites the code
   cells into the markup Material uses for code blocks, so they get the site's
   highlighting (light and dark), its copy button and its lazy set-up; the few rules
   the notebook still needs are in ``docs/assets/css/extra.css`` (``.jupyter-wrapper``).
"""

from __future__ import annotations

import json
import re
import sys
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs_jupyter.plugin import NotebookFile

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.mkdocs_hooks import keyboard_reachable_code


class _I18nNotebook(NotebookFile):
    """A notebook page at the destination mkdocs-static-i18n gave its file."""

    def __init__(self, file: File) -> None:  # no super(): NotebookFile would recompute the path
        self.file = file
        self.dest_path = file.dest_path
        self.abs_dest_path = file.abs_dest_path
        self.url = file.url


@event_priority(-110)  # after mkdocs-static-i18n's on_files (priority -100)
def on_files(files: Files, config: Any) -> Files:
    for file in list(files):
        if file.src_uri.endswith(".ipynb") and not file.is_documentation_page():
            files.remove(file)
            files.append(_I18nNotebook(file))
    return files


# mkdocs-jupyter keeps each converted notebook in .cache/mkdocs-jupyter and, after a
# build, deletes the entries that build did not use. Under mkdocs-static-i18n each
# language is a build of its own, so the English build deleted the Chinese entry (and
# the other way round) and every build converted the notebooks again. When a site
# build starts, this hook records every notebook of every language as in use, with
# mkdocs-jupyter's own cache key, so only entries of changed or deleted notebooks go.
_USED_CACHE_ENTRIES: set[Any] = set()


@event_priority(-100)  # after mkdocs-jupyter's on_pre_build, which starts a new record
def on_pre_build(config: Any) -> None:
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None or not hasattr(jupyter, "_used_cache_paths"):
        return
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.is_default_language_build:  # a new site build starts
        _USED_CACHE_ENTRIES.clear()
        try:
            from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path
        except ImportError:  # another mkdocs-jupyter: it then converts again, nothing worse
            return
        options = jupyter.config
        for notebook in sorted(Path(config["docs_dir"]).rglob("*.ipynb")):
            key = _compute_cache_key(notebook, options, options["execute"])
            _USED_CACHE_ENTRIES.add(_get_cache_path(options["cache_dir"], key))
    jupyter._used_cache_paths = _USED_CACHE_ENTRIES


# What mkdocs-jupyter's template emits around the cells (mkdocs-jupyter 0.26).
_STYLE = re.compile(r"<style\b[^>]*>.*?</style>\s*", re.DOTALL)
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>\s*", re.DOTALL)
_COPY_BUTTON = re.compile(
    r'<div class="zeroclipboard-container">\s*<clipboard-copy\b.*?</clipboard-copy>\s*</div>\s*',
    re.DOTALL,
)
_COPY_TEXT = re.compile(r'<div class="clipboard-copy-txt"[^>]*>.*?</div>\s*', re.DOTALL)
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
        f"<code>{match['code']}</code></pre></div>"
    )


def clean_notebook_html(html: str, alts: list[str], fallback_alt: str) -> str:
    """Strip what mkdocs-jupyter inlines and give code cells Material's markup.

    Args:
        html: the page content mkdocs-jupyter rendered for one notebook.
        alts: the descriptions of the notebook's images, in page order.
        fallback_alt: the description for images beyond ``alts``.

    Returns:
        The content without inline styles or scripts, with code cells as
        ``div.highlight > pre > code``, heading anchors as Material's ``headerlink``
        and each image described.
    """
    html = _STYLE.sub("", html)
    html = _SCRIPT.sub("", html)
    html = _COPY_BUTTON.sub("", html)
    html = _COPY_TEXT.sub("", html)
    html = _CODE.sub(_code_block, html)
    html = keyboard_reachable_code(html)
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
