"""MkDocs hook: every code block can be reached with the keyboard (fixes content).

With ``content.lazy`` Material sets up a code block (keyboard access if it scrolls) only
when it comes into view; until then a wide block could not be reached with the keyboard
(axe: scrollable-region-focusable). So every block starts focusable, and Material keeps
``tabindex`` only where a block scrolls; notebook_hook.py does the same for notebooks.
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
