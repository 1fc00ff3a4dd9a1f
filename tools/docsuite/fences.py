"""Find fenced code blocks and Sybil directives in the Markdown pages.

One scanner, used by the fence-accounting check, the twin check, the fix-examples
tool and the count of examples behind the site's "examples verified" stamp, so they
all agree on what a code block is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tools.paths import DOCS, ROOT

LANGS = ("en", "zh")

# An opening or closing fence, possibly indented (admonitions, tabs) or quoted.
_FENCE = re.compile(r"^(?P<indent>[ \t]*(?:>[ \t]*)*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# <!-- invisible-code-block: python --> ... -->
_INVISIBLE = re.compile(r"^[ \t]*<!--+\s*invisible-code(?:-block)?:\s*(?P<lang>\S+)\s*$")
_SKIP = re.compile(r"^[ \t]*<!--+\s*skip:\s*(?P<args>.*?)\s*-*-->\s*$")

# Info strings that say "this is Python" in one of the many ways Markdown tools accept:
# the first word (``py``, ``python-console``, ``py3k``, ``{.python title=x}``), any word
# made of "py"/"python" and a suffix, or a Pygments alias of a Python lexer.
_INFO_WORD = re.compile(r"^\s*\{?\s*\.?(?P<word>[\w+-]*)")
_PYTHONISH_WORD = re.compile(r"^(?:i?py(?:thon)?[\w+-]*|pycon|sage)$", re.IGNORECASE)
# Tracebacks are output, not code; shown in their own fences they are fine.
_TRACEBACK_WORDS = {"pytb", "py2tb", "py3tb", "pytraceback", "python-traceback"}


def _pythonish_info(info: str) -> bool:
    match = _INFO_WORD.match(info)
    word = (match["word"] if match else "").lower()
    if not word or word in _TRACEBACK_WORDS:
        return False
    if _PYTHONISH_WORD.match(word):
        return True
    try:
        from pygments.lexers import get_lexer_by_name
        from pygments.lexers.python import PythonConsoleLexer, PythonLexer
        from pygments.util import ClassNotFound
    except ImportError:
        return False
    try:
        lexer = get_lexer_by_name(word)
    except ClassNotFound:
        return False
    return isinstance(lexer, (PythonLexer, PythonConsoleLexer))


# Untagged blocks whose content is plainly Python.
_PYTHONISH_BODY = re.compile(
    r"^\s*(?:>>> |import torch|from torch|import rnn_guide|from rnn_guide)", re.MULTILINE
)


@dataclass(frozen=True)
class Block:
    """A fenced code block (or an invisible code block) in a Markdown file."""

    path: Path
    line: int  # 1-based line of the opening fence or directive
    info: str  # the info string, stripped ("" for none)
    code: str  # the block's content, de-indented
    invisible: bool = False
    end: int = 0  # 1-based line of the closing fence or comment end

    @property
    def is_python(self) -> bool:
        """True when Sybil collects this block as Python (info string exactly ``python``)."""
        return self.info == "python"

    @property
    def looks_like_python(self) -> bool:
        """True when the block is Python under another name, or untagged Python."""
        if self.is_python:
            return True
        if _pythonish_info(self.info):
            return True
        if self.info == "" and _PYTHONISH_BODY.search(self.code):
            return True
        # A doctest in a block of another language (```text, ```console) is never run.
        return not self.invisible and bool(re.search(r"^\s*>>> ", self.code, re.MULTILINE))

    def where(self) -> str:
        """``docs/en/page.md:12`` for messages."""
        try:
            rel = self.path.relative_to(ROOT)
        except ValueError:
            rel = self.path
        return f"{rel}:{self.line}"


def blocks(path: Path) -> Iterator[Block]:
    """Yield every fenced block and invisible code block in a Markdown file, in order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        invisible = _INVISIBLE.match(line)
        if invisible:
            body: list[str] = []
            j = i + 1
            while j < len(lines) and not re.match(r"^\s*-*-->\s*$", lines[j]):
                body.append(lines[j])
                j += 1
            yield Block(path, i + 1, invisible["lang"], _dedent(body), invisible=True, end=j + 1)
            i = j + 1
            continue
        opening = _FENCE.match(line)
        if opening:
            indent, fence = opening["indent"], opening["fence"]
            body = []
            j = i + 1
            while j < len(lines):
                closing = _FENCE.match(lines[j])
                if (
                    closing
                    and closing["fence"][0] == fence[0]
                    and len(closing["fence"]) >= len(fence)
                    and not closing["info"].strip()
                ):
                    break
                body.append(lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j])
                j += 1
            yield Block(path, i + 1, opening["info"].strip(), "\n".join(body), end=j + 1)
            i = j + 1
            continue
        i += 1


def skip_directives(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line, arguments) for every ``<!-- skip: ... -->`` directive."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _SKIP.match(line)
        if match:
            yield number, match["args"]


def notebook_code(path: Path) -> list[str]:
    """The source of every code cell of a notebook, in order."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]


def pages(lang: str | None = None, docs: Path = DOCS) -> list[Path]:
    """Markdown pages under ``docs/<lang>`` (or under every language), sorted."""
    roots = [docs / lang] if lang else [docs / name for name in LANGS]
    return sorted(p for root in roots for p in root.rglob("*.md"))


def _dedent(body: list[str]) -> str:
    import textwrap

    return textwrap.dedent("\n".join(body))
