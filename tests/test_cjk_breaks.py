"""tools/site/cjk_breaks: a line break between two CJK characters adds no space; nothing
else changes."""

from __future__ import annotations

import doctest

import cjk_breaks
import markdown
import pytest

EXTENSIONS = ["cjk_breaks", "tables", "admonition", "attr_list", "pymdownx.superfences"]


def html(source: str, extensions: list[str] = EXTENSIONS) -> str:
    return markdown.markdown(source, extensions=extensions)


def test_the_examples_in_the_docstring_hold() -> None:
    failed, attempted = doctest.testmod(cjk_breaks)
    assert attempted >= 1
    assert failed == 0


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("验证。\n每一页", "<p>验证。每一页</p>"),  # punctuation, then Han
        ("第一行\n    第二行", "<p>第一行第二行</p>"),  # indentation of the next line
        ("文字\n（括号）", "<p>文字（括号）</p>"),  # full-width punctuation
        ("**加粗**\n文字", "<p><strong>加粗</strong>文字</p>"),  # across inline markup
        ("文字\n[链接](x.md)", '<p>文字<a href="x.md">链接</a></p>'),
        ("*一*\n*二*", "<p><em>一</em><em>二</em></p>"),  # a break alone between two
        ("- 列表\n  续行", "<ul>\n<li>列表续行</li>\n</ul>"),
        ("> 引用\n> 续行", "<blockquote>\n<p>引用续行</p>\n</blockquote>"),
        ('!!! note "注意"\n    第一行\n    第二行', "第一行第二行"),
    ],
)
def test_a_break_between_cjk_characters_is_removed(source: str, expected: str) -> None:
    assert expected in html(source)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("使用\nPyTorch", "<p>使用\nPyTorch</p>"),  # Latin after: a space is right
        ("PyTorch\n的模块", "<p>PyTorch\n的模块</p>"),
        ("函数\n`rnn`\n返回", "<p>函数\n<code>rnn</code>\n返回</p>"),  # code is a boundary
        ("English\nlines", "<p>English\nlines</p>"),
        ("段落一。\n\n段落二。", "<p>段落一。</p>\n<p>段落二。</p>"),  # paragraphs stay apart
    ],
)
def test_other_breaks_stay(source: str, expected: str) -> None:
    assert html(source) == expected


def test_code_is_never_changed() -> None:
    source = "```python\nx = 1  # 中文\n# 注释\n```\n\n    缩进的\n    代码\n\n`行内\n代码`"
    out = html(source)
    assert '# 中文</span>\n<span class="c1"># 注释' in out
    assert "缩进的\n代码" in out
    assert "<code>行内\n代码</code>" in out


def test_without_the_extension_the_space_is_there() -> None:
    """The checks above can fail: Python-Markdown alone keeps the break."""
    assert html("验证。\n每一页", ["tables"]) == "<p>验证。\n每一页</p>"
