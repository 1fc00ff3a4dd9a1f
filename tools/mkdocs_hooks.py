"""MkDocs hooks: facts about the build that every page shows.

Registered in mkdocs.yml under ``hooks:``.
"""

from __future__ import annotations

import logging
import re
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.fences import count_examples


class _InstantSwitcherFilter(logging.Filter):
    """Drop mkdocs-static-i18n's warning that its language links break instant loading.

    The language menu links to the same page in the other language, and
    docs/assets/js/language-switch.js makes that link load the page in full instead of
    through instant loading, so the reader stays on the same page with the other
    language's interface and search (the browser tests check this). Left in, the
    warning would fail every strict build.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "not compatible with theme.features = navigation.instant" not in record.getMessage()


logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(
    _InstantSwitcherFilter()
)


def on_config(config: Any) -> Any:
    """Record the torch version and the example count for the page footer stamp."""
    try:
        torch_version = version("torch").split("+")[0]
    except PackageNotFoundError:  # a docs-only environment without torch
        torch_version = "not installed"
    docs = Path(config["docs_dir"])
    config["extra"]["verified"] = {
        "torch": torch_version,
        "examples": {lang: count_examples(docs, lang) for lang in ("en", "zh")},
    }
    return config


# mkdocs-static-i18n builds the Chinese site after the English one, and the Chinese
# build's 404.html lands on the English one at the site root. The root 404 page is the
# one a static host serves for every missing address, so it stays English; the Chinese
# one is kept next to the Chinese pages as zh/404.html.
_root_404: dict[str, Any] = {}


def on_post_build(config: Any) -> None:
    """Keep the English 404 page at the site root (see above)."""
    site = Path(config["site_dir"])
    language = config["theme"]["language"]
    if language == "en":
        page = site / "404.html"
        if page.exists():
            _root_404["path"], _root_404["html"] = page, page.read_bytes()
        return
    path = _root_404.get("path")
    if path is None or not path.exists():
        return
    written = path.read_bytes()
    if written != _root_404["html"]:
        target = path.parent / language / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(written)
        path.write_bytes(_root_404["html"])


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """Give a notebook page a description of its own: its first sentence of prose.

    Markdown pages carry `description:` in their front matter; a notebook has no front
    matter, and without this its page would repeat the site's description.
    """
    meta = page.meta
    if meta.get("description") or not page.file.src_path.endswith(".ipynb"):
        return context
    import json
    import re

    try:
        cells = json.loads(Path(page.file.abs_src_path).read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return context
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
        meta["description"] = (match.group(1) if match else paragraph)[:300]
        break
    return context


# Material sets up a code block (copy button, keyboard access when it scrolls) only
# when it scrolls into view (the `content.lazy` feature), which keeps long pages fast.
# Until then a block that is wider than the screen could not be reached with the
# keyboard, so every block starts focusable; once set up, Material keeps `tabindex`
# only on blocks that do scroll.
_CODE_BLOCK = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?)<code>")


def keyboard_reachable_code(html: str) -> str:
    """Make every code block in ``html`` reachable with the keyboard."""
    return _CODE_BLOCK.sub(r'\1<code tabindex="0">', html)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Make every code block reachable with the keyboard before Material sets it up.

    Notebook pages get their code blocks from tools/notebook_hook.py, after this hook
    has run; it applies ``keyboard_reachable_code`` itself.
    """
    return keyboard_reachable_code(html)
