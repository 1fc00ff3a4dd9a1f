"""MkDocs hook: code blocks reachable with the keyboard and light to lay out (fixes content).

With ``content.lazy`` a scrolling block is made keyboard-reachable only once in view (axe:
scrollable-region-focusable): every block starts focusable, as in notebook_hook.py. Pygments'
spans around names and spaces (coloured as the code) are a fifth of a long page: unwrapped.
"""

from __future__ import annotations

import re
from typing import Any

_CODE_BLOCK = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?)<code>")
_PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
_PLAIN = re.compile(r'<span class="[nw]">([^<]*)</span>')


def light_code(html: str) -> str:
    """Every code block in ``html`` reachable with the keyboard, names and spaces unwrapped.

    >>> light_code('<pre><code><span class="n">x</span><span class="w"> </span>=</code></pre>')
    '<pre><code tabindex="0">x =</code></pre>'
    """
    html = _CODE_BLOCK.sub(r'\1<code tabindex="0">', html)
    return _PRE.sub(lambda block: _PLAIN.sub(r"\1", block[0]), html)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return light_code(html)
