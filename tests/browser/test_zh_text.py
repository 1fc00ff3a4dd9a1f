"""The built Chinese pages read as a Chinese reader sees them: no stray spaces.

Where a Chinese paragraph wraps in the Markdown source, the line break must not reach
the page between two CJK characters (the browser shows it as a space: "验证。 每一页").
tools/site/cjk_breaks (a Python-Markdown extension in mkdocs.yml) removes those breaks; this
scans the article of every built page under /zh/, code left out. Reads the built site
only (no Chromium).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CJK = "[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
# Inline elements a break may sit next to; a block tag between two characters is a
# paragraph boundary, not a space.
INLINE = r"(?:</?(?:a|abbr|b|code|em|i|kbd|mark|span|strong|sub|sup)\b[^>]*>)*"
STRAY = re.compile(f"({CJK}){INLINE}[ \t]*\n\\s*{INLINE}({CJK})")
CODE = re.compile(r"<pre\b.*?</pre>|<code\b.*?</code>|<script\b.*?</script>", re.S)


def stray_spaces(html: str) -> list[str]:
    """Each line break between two CJK characters in the article of ``html``.

    Example:
        >>> stray_spaces("<p>验证。\\n每一页，<code>x</code>\\n和</p><pre>代码\\n代码</pre>")
        ['。每']
    """
    start, end = html.find("<article"), html.find("</article>")
    # Code stands as a non-CJK word: a break next to it is a space the reader should see.
    article = CODE.sub("x", html[start:end] if start >= 0 else html)
    return [match.group(1) + match.group(2) for match in STRAY.finditer(article)]


def test_the_scan_finds_a_planted_break() -> None:
    planted = "<article><p>文字，<strong>加粗</strong>\n  文字</p>\n<p>段落</p></article>"
    assert stray_spaces(planted) == ["粗文"]
    assert stray_spaces("<article><p>段落。</p>\n<p>段落</p><p>用\nPyTorch</p></article>") == []


def test_no_chinese_page_has_a_stray_space(site: Any) -> None:
    pages = sorted((site.directory / "zh").rglob("*.html"))
    assert len(pages) > 20
    found = {}
    for path in pages:
        strays = stray_spaces(path.read_text(encoding="utf-8"))
        if strays:
            found[path.relative_to(site.directory).as_posix()] = strays[:5]
    assert not found, f"{len(found)} pages with line breaks between Chinese characters: {found}"
