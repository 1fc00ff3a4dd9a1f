"""Python-Markdown extension: a line break between two CJK characters becomes nothing.

Chinese text has no spaces between words. When a Chinese paragraph wraps in the
Markdown source, the line break stays in the HTML, and the browser shows it as a space
between two characters ("验证。 每一页"). This extension removes the white space around
such a line break when the characters on both sides are CJK (Han characters, kana,
Hangul, or CJK and full-width punctuation), also across inline markup such as
``**强调**`` or a link. A break next to a Latin character stays a space ("使用\\nPyTorch"
reads "使用 PyTorch"), and code is never changed.

Usage (mkdocs.yml)::

    markdown_extensions:
      - cjk_breaks

Example:
    >>> import markdown
    >>> source = "验证。\\n每一页**都**\\n通过，\\n`x`\\n和 PyTorch\\n一致。"
    >>> markdown.markdown(source, extensions=[CJKBreaks()])
    '<p>验证。每一页<strong>都</strong>通过，\\n<code>x</code>\\n和 PyTorch\\n一致。</p>'
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# Han (with the extensions and compatibility blocks), kana, Hangul, CJK symbols and
# punctuation (、。「」), full-width forms (，：（）！？).
CJK = (
    "\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\U00020000-\U0003134f"
)
_INSIDE = re.compile(rf"(?<=[{CJK}])[ \t]*\n[ \t]*(?=[{CJK}])")
_LEADING = re.compile(r"^[ \t]*\n[ \t]*")
_TRAILING = re.compile(r"[ \t]*\n[ \t]*$")
_CJK_CHAR = re.compile(rf"[{CJK}]")

# Elements whose inline content is one run of text; others (a nested list, a table)
# are boundaries and are handled on their own.
BLOCKS = {
    "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
# Elements whose text is never changed, and which count as non-CJK between two runs.
VERBATIM = {"code", "pre", "kbd", "samp", "script", "style", "math"}


class _Segment:
    """One piece of text of a block: an element's text or tail, or an opaque element."""

    def __init__(self, element: etree.Element | None, attr: str) -> None:
        self.element, self.attr = element, attr

    @property
    def text(self) -> str:
        return getattr(self.element, self.attr) or "" if self.element is not None else ""

    @text.setter
    def text(self, value: str) -> None:
        setattr(self.element, self.attr, value)


def _segments(block: etree.Element) -> Iterator[_Segment | None]:
    """The inline text of ``block`` in reading order; None for what is not CJK-joinable."""
    yield _Segment(block, "text")
    for child in block:
        if child.tag in BLOCKS or child.tag in VERBATIM or not isinstance(child.tag, str):
            yield None  # a boundary: its text is not this run's
        else:
            yield from _segments(child)
        yield _Segment(child, "tail")


def join_cjk_breaks(block: etree.Element) -> None:
    """Remove each line break between two CJK characters in ``block``'s own inline text."""
    pieces = list(_segments(block))
    for piece in pieces:
        if piece is not None and piece.text:
            piece.text = _INSIDE.sub("", piece.text)
    # Breaks at the edge of a piece: look at the nearest text on the other side.
    texts = [piece.text if piece is not None else None for piece in pieces]
    for index, piece in enumerate(pieces):
        if piece is None or "\n" not in piece.text:
            continue
        text = piece.text
        if not text.strip(" \t\n"):  # only a break, between two pieces of text
            if _edge(texts, index, -1) and _edge(texts, index, +1):
                piece.text = texts[index] = ""
            continue
        if _LEADING.match(text) and _edge(texts, index, -1) and _starts_cjk(text):
            text = _LEADING.sub("", text)
        if _TRAILING.search(text) and _edge(texts, index, +1) and _ends_cjk(text):
            text = _TRAILING.sub("", text)
        if text != piece.text:
            piece.text = texts[index] = text


def _starts_cjk(text: str) -> bool:
    rest = text.lstrip(" \t\n")
    return bool(rest) and bool(_CJK_CHAR.match(rest[0]))


def _ends_cjk(text: str) -> bool:
    rest = text.rstrip(" \t\n")
    return bool(rest) and bool(_CJK_CHAR.match(rest[-1]))


def _edge(texts: list[str | None], index: int, step: int) -> bool:
    """Whether the nearest non-blank text before (step -1) or after (+1) is CJK there."""
    position = index + step
    while 0 <= position < len(texts):
        text = texts[position]
        if text is None:
            return False
        if text.strip(" \t\n"):
            return _ends_cjk(text) if step < 0 else _starts_cjk(text)
        position += step
    return False


class CJKBreaksTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag in BLOCKS:
                join_cjk_breaks(element)
        join_cjk_breaks(root)


class CJKBreaks(Extension):
    """Join lines of CJK text without a space (see the module docstring)."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (20) have made <strong>, <a> and <code>; before
        # prettify (10) adds line breaks between blocks.
        md.treeprocessors.register(CJKBreaksTreeprocessor(md), "cjk_breaks", 15)


def makeExtension(**kwargs: object) -> CJKBreaks:
    return CJKBreaks(**kwargs)
