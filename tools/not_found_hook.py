"""MkDocs hook: the English 404 page stays at the site root; the Chinese one goes to zh/.

mkdocs-static-i18n builds each language in turn into the same site directory, and the
last language's ``404.html`` overwrites the default language's at the root: reported
upstream as https://github.com/ultrabug/mkdocs-static-i18n/issues/284 (open). The root
404 page is the one a static host serves for every missing address, so it stays in the
default language (it also links to the Chinese home page, see overrides/404.html), and
each other language's page is kept next to its pages (``zh/404.html``).
Registered in mkdocs.yml under ``hooks:``.
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
    language = config["theme"]["language"]
    if language == "en":
        _ROOT_404["html"] = page.read_bytes()
        return
    written = page.read_bytes()
    if "html" in _ROOT_404 and written != _ROOT_404["html"]:
        target = page.parent / language / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(written)
        page.write_bytes(_ROOT_404["html"])
