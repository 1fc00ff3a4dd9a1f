"""MkDocs hook: the English 404 page stays at the site root; the Chinese one goes to zh/.

mkdocs-static-i18n builds each language into the same site directory, and the last
language's ``404.html`` overwrites the default one at the root: reported upstream as
https://github.com/ultrabug/mkdocs-static-i18n/issues/284 (open). A static host serves
the root page for every missing address, so it stays English (and links to the Chinese
home page, overrides/404.html); the Chinese page is kept as ``zh/404.html``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# The root 404 page as the default language's build wrote it.
_ROOT_404: dict[str, bytes] = {}


def on_post_build(config: Any) -> None:
    """Keep the default language's 404 page at the root and move the others'."""
    page = Path(config["site_dir"]) / "404.html"
    if not page.exists():
        return
    language, written = config["theme"]["language"], page.read_bytes()
    if language == "en":
        _ROOT_404["html"] = written
    elif "html" in _ROOT_404 and written != _ROOT_404["html"]:
        (page.parent / language).mkdir(parents=True, exist_ok=True)
        (page.parent / language / "404.html").write_bytes(written)
        page.write_bytes(_ROOT_404["html"])
