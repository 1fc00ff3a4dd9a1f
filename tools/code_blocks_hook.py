"""MkDocs hook: every code block can be reached with the keyboard (fixes content).

Material sets up a code block (copy button, keyboard access when it scrolls) only when
it scrolls into view (the ``content.lazy`` feature), which keeps long pages fast. Until
then a block wider than the screen could not be reached with the keyboard (axe:
scrollable-region-focusable), so every block starts focusable; once set up, Material
keeps ``tabindex`` only on blocks that do scroll. Notebook pages get their code blocks
from tools/notebook_hook.py, after this hook has run; it applies the same function.
Registered in mkdocs.yml under ``hooks:``.
"""

from __future__ import annotations

import re
from typing import Any

_CODE_BLOCK = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?)<code>")


def keyboard_reachable_code(html: str) -> str:
    """Make every code block in ``html`` reachable with the keyboard.

    >>> keyboard_reachable_code('<pre><span></span><code>x = 1</code></pre>')
    '<pre><span></span><code tabindex="0">x = 1</code></pre>'
    """
    return _CODE_BLOCK.sub(r'\1<code tabindex="0">', html)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return keyboard_reachable_code(html)
